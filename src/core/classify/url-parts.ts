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
  return parseUrl(input).parts;
}

/**
 * A URL parsed once for everything one navigation or page report needs from it: the parts the
 * rules read, the host the organisation's exemptions match and the site the allowlist works on,
 * all from the same parse (see parseUrl).
 */
export class ParsedUrl {
  private cachedDomain: DomainParts | undefined;
  constructor(
    /** The URL as given: records and messages keep it as the browser wrote it. */
    readonly url: string,
    /** What the rules read; null for text that is no URL, 'unsupported' for schemes other than http(s). */
    readonly parts: UrlParts | null | 'unsupported',
    /**
     * Lower case, without a trailing dot, for any scheme with a host ("" otherwise): an exempt
     * host stays exempt on ftp: too (a download from there is not flagged by its file name).
     */
    readonly host: string,
  ) {}

  /** Public-suffix facts of an http(s) URL's host, computed on first use only; null for anything else. */
  get domain(): DomainParts | null {
    if (this.parts === null || this.parts === 'unsupported') return null;
    this.cachedDomain ??= domainParts(this.parts.host);
    return this.cachedDomain;
  }

  /** The "site" a user allows: the registrable domain, else the host; "" for what is no http(s) URL. */
  get site(): string {
    return this.domain?.domain ?? '';
  }
}

/** Parses any text once (never throws); `parts` is set for absolute http(s) URLs only. */
export function parseUrl(input: string): ParsedUrl {
  let url: URL;
  try {
    // Text from messages and files may be anything at run time.
    url = new URL(typeof input === 'string' ? input.trim() : '');
  } catch {
    return new ParsedUrl(input, null, '');
  }
  let host = url.hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return new ParsedUrl(input, 'unsupported', host);
  if (!host) return new ParsedUrl(input, null, '');
  const path = safeDecode(url.pathname)
    .toLowerCase()
    .replace(/\/{2,}/g, '/');
  const segments = path.split('/').filter(Boolean);
  const last = path.endsWith('/') ? '' : (segments[segments.length - 1] ?? '');
  return new ParsedUrl(
    input,
    {
      href: url.href,
      protocol: url.protocol,
      host,
      path,
      segments,
      fileName: /\.[a-z0-9]{1,8}$/.test(last) ? last : '',
      query: safeDecode(url.search.slice(1)).toLowerCase(),
      searchParams: url.searchParams,
    },
    host,
  );
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
  return parseUrl(url).site;
}
