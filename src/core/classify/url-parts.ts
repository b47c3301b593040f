import { parse as parseDomain } from 'tldts';

/** A URL taken apart once, in the shapes the rules need. */
export interface UrlParts {
  href: string;
  protocol: string;
  /** Lower case, without a trailing dot; IDNs in punycode (as the URL parser gives them). */
  host: string;
  /** Lower-cased, percent-decoded path, with repeated slashes collapsed. */
  path: string;
  /** Non-empty path segments of `path`. */
  segments: string[];
  /** The last segment when it looks like a file name (has an extension), else "". */
  fileName: string;
  /** Lower-cased, percent-decoded query string without "?". */
  query: string;
  searchParams: URLSearchParams;
}

/** Parses an absolute http(s) URL; returns null for anything the rules cannot use. */
export function parseUrlParts(input: string): UrlParts | null | 'unsupported' {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'unsupported';
  let host = url.hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!host) return null;
  const path = safeDecode(url.pathname).toLowerCase().replace(/\/{2,}/g, '/');
  const segments = path.split('/').filter(Boolean);
  const last = path.endsWith('/') ? '' : (segments[segments.length - 1] ?? '');
  return {
    href: url.href,
    protocol: url.protocol,
    host,
    path,
    segments,
    fileName: /\.[a-z0-9]{1,8}$/.test(last) ? last : '',
    query: safeDecode(url.search.slice(1)).toLowerCase(),
    searchParams: url.searchParams,
  };
}

function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Registrable-domain facts from the public suffix list (only computed when a rule needs them). */
export interface DomainParts {
  /** Registrable domain ("amazon.co.uk"), or the host itself for IPs and bare suffixes. */
  domain: string;
  /** The registrable domain without its public suffix ("amazon"). */
  label: string;
  /** Labels left of the registrable domain ("kaspersky-anti-virus.en"). */
  subdomain: string;
  isIp: boolean;
  /**
   * The suffix is on the ICANN part of the public suffix list. An unknown "TLD" (a homograph
   * such as "cоm" with a Cyrillic о, ".local", ".invalid") only gets tldts' default rule.
   */
  knownSuffix: boolean;
}

export function domainParts(host: string): DomainParts {
  const parsed = parseDomain(host, { extractHostname: false });
  const isIp = parsed.isIp === true;
  return {
    domain: (!isIp && parsed.domain) || host,
    label: (!isIp && parsed.domainWithoutSuffix) || '',
    subdomain: (!isIp && parsed.subdomain) || '',
    isIp,
    knownSuffix: parsed.isIcann === true,
  };
}

/** The "site" a user allows or an admin exempts: the registrable domain, else the host. */
export function siteOf(url: string): string {
  const parts = parseUrlParts(url);
  if (parts === null || parts === 'unsupported') return '';
  return domainParts(parts.host).domain;
}
