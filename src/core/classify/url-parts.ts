import { parse as parseDomain } from 'tldts';
import { SCAN_INVALID, SCAN_WEB, scanUrl, UrlScan } from './scan.ts';

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

/** The scanner's answer for the URL being parsed (one at a time: nothing here is re-entrant). */
const SCAN = new UrlScan();

/**
 * Parses any text once (never throws); `parts` is set for absolute http(s) URLs only. URLs the
 * one-pass scanner (scan.ts) reads fully are taken apart from its offsets; anything else goes to
 * the URL parser. Both give the same parts (test/unit/classify/scan-parts.test.ts).
 */
export function parseUrl(input: string): ParsedUrl {
  if (typeof input === 'string') {
    const outcome = scanUrl(input, SCAN);
    if (outcome === SCAN_INVALID) return new ParsedUrl(input, null, '');
    if (outcome === SCAN_WEB && !SCAN.encodes) {
      const parts = partsFromScan(input, SCAN);
      return new ParsedUrl(input, parts, parts?.host ?? '');
    }
  }
  return parseWithUrlParser(input);
}

/**
 * The host (lower case, without a trailing dot) and path of an http(s) URL, as cheaply as the
 * scanner allows; null for anything else. The path is as typed where the parser would keep it,
 * else the rules' decoded, lower-cased path: match it without regard to case.
 */
export function hostAndPathOf(input: string): { host: string; path: string } | null {
  if (scanUrl(input, SCAN) === SCAN_WEB && !SCAN.encodes) {
    let host = input.slice(SCAN.hostStart, SCAN.hostEnd).toLowerCase();
    if (host.endsWith('.')) host = host.slice(0, -1);
    if (!host) return null;
    return { host, path: SCAN.pathEnd > SCAN.pathStart ? input.slice(SCAN.pathStart, SCAN.pathEnd) : '/' };
  }
  const { parts } = parseWithUrlParser(input);
  return parts && typeof parts === 'object' ? { host: parts.host, path: parts.path } : null;
}

/** parseUrl through the WHATWG URL parser alone: the reference the scanner is held to. */
export function parseWithUrlParser(input: string): ParsedUrl {
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
  return new ParsedUrl(
    input,
    {
      href: url.href,
      protocol: url.protocol,
      host,
      path,
      segments,
      fileName: fileNameOf(path, segments),
      query: safeDecode(url.search.slice(1)).toLowerCase(),
      searchParams: url.searchParams,
    },
    host,
  );
}

/**
 * UrlParts from a scan that needs no percent-encoding by the parser (`scan.encodes` false): the
 * path, query and fragment are then what the parser would serialise, as typed. Null when the
 * host is only a dot.
 */
export function partsFromScan(text: string, scan: UrlScan): UrlParts | null {
  let host = text.slice(scan.hostStart, scan.hostEnd).toLowerCase();
  const hostAsParsed = host;
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!host) return null;
  return new ScannedParts(text, scan, host, hostAsParsed);
}

/** UrlParts read from a scan; the serialisation and the search parameters are made on first use. */
class ScannedParts implements UrlParts {
  readonly protocol: string;
  readonly path: string;
  readonly segments: string[];
  readonly fileName: string;
  readonly query: string;
  private readonly rawPath: string;
  private readonly rawQuery: string | null;
  private readonly fragment: string | null;
  private readonly port: number;
  private cachedParams: URLSearchParams | undefined;

  constructor(
    text: string,
    scan: UrlScan,
    readonly host: string,
    private readonly hostAsParsed: string,
  ) {
    this.protocol = scan.https ? 'https:' : 'http:';
    this.port = scan.port;
    this.rawPath = scan.pathEnd > scan.pathStart ? text.slice(scan.pathStart, scan.pathEnd) : '/';
    this.rawQuery = scan.queryStart < 0 ? null : text.slice(scan.queryStart, scan.queryEnd);
    this.fragment = scan.fragmentStart < 0 ? null : text.slice(scan.fragmentStart);
    let path = (scan.hasPercent ? safeDecode(this.rawPath) : this.rawPath).toLowerCase();
    if (path.includes('//')) path = path.replace(/\/{2,}/g, '/');
    this.path = path;
    this.segments = segmentsOf(path);
    this.fileName = fileNameOf(path, this.segments);
    this.query = this.rawQuery ? safeDecode(this.rawQuery).toLowerCase() : '';
  }

  get href(): string {
    const port = this.port >= 0 ? `:${this.port}` : '';
    const query = this.rawQuery === null ? '' : `?${this.rawQuery}`;
    const fragment = this.fragment === null ? '' : `#${this.fragment}`;
    return `${this.protocol}//${this.hostAsParsed}${port}${this.rawPath}${query}${fragment}`;
  }

  get searchParams(): URLSearchParams {
    // The constructor drops one leading "?"; the URL's own parameters keep a second one.
    this.cachedParams ??= new URLSearchParams(`?${this.rawQuery ?? ''}`);
    return this.cachedParams;
  }
}

/** The non-empty segments of a path. */
function segmentsOf(path: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 47) {
      if (i > start) segments.push(path.slice(start, i));
      start = i + 1;
    }
  }
  return segments;
}

/** The last segment when it looks like a file name (has an extension), else "". */
function fileNameOf(path: string, segments: string[]): string {
  const last = path.endsWith('/') ? '' : (segments[segments.length - 1] ?? '');
  return /\.[a-z0-9]{1,8}$/.test(last) ? last : '';
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

/**
 * The public-suffix facts of recent hosts: a browser or a proxy log meets the same few hosts over
 * and over, and the suffix list is the costliest thing a rule asks about. Bounded; emptied when full.
 */
const recentDomains = new Map<string, DomainParts>();
const RECENT_DOMAINS = 1024;

export function domainParts(host: string): DomainParts {
  let parts = recentDomains.get(host);
  if (parts === undefined) {
    if (recentDomains.size >= RECENT_DOMAINS) recentDomains.clear();
    recentDomains.set(host, (parts = Object.freeze(parseDomainParts(host))));
  }
  return parts;
}

function parseDomainParts(host: string): DomainParts {
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
