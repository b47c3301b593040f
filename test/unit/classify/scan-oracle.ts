/**
 * What the scanner (src/core/classify/scan.ts) says of a URL, in the URL parser's own terms, so
 * tests can hold the two side by side: the host, port, path, query and fragment as the parser
 * would serialise them (the test percent-encodes what the scanner leaves as typed), or a refusal.
 */
import { SCAN_DEFER, SCAN_INVALID, scanUrl, UrlScan } from '../../../src/core/classify/scan.ts';

/** The parser's reading of `input` without a base, or null where it refuses it. */
export function parse(input: string): URL | null {
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

/** UTF-8 percent-encoding of one code point, as the parser writes it. */
const encode = (char: string) =>
  [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** The parser's percent-encode sets of a special URL's path, query and fragment (besides C0 controls and non-ASCII). */
const ENCODED: Record<'path' | 'query' | 'fragment', string> = { path: ' "<>`{}', query: ' "<>\'', fragment: ' "<>`' };

/** `raw` as the parser serialises that part (a lone surrogate becomes U+FFFD). */
function serialise(raw: string, part: keyof typeof ENCODED): string {
  let out = '';
  for (const char of raw) {
    const code = char.codePointAt(0)!;
    const lone = code >= 0xd800 && code <= 0xdfff;
    out += code < 0x20 || code > 0x7e || ENCODED[part].includes(char) ? encode(lone ? '\ufffd' : char) : char;
  }
  return out;
}

/** What the scan says of `input`, in the parser's terms (null: deferred). */
export function scanned(
  input: string,
): { failure: true } | { hostname: string; port: string; pathname: string; search: string; hash: string } | null {
  const scan = new UrlScan();
  const outcome = scanUrl(input, scan);
  if (outcome === SCAN_DEFER) return null;
  if (outcome === SCAN_INVALID) return { failure: true };
  const query = scan.queryStart < 0 ? '' : input.slice(scan.queryStart, scan.queryEnd);
  const fragment = scan.fragmentStart < 0 ? '' : input.slice(scan.fragmentStart);
  return {
    hostname: input.slice(scan.hostStart, scan.hostEnd).toLowerCase(),
    port: scan.port < 0 ? '' : String(scan.port),
    pathname: scan.pathEnd > scan.pathStart ? serialise(input.slice(scan.pathStart, scan.pathEnd), 'path') : '/',
    search: query ? `?${serialise(query, 'query')}` : '',
    hash: fragment ? `#${serialise(fragment, 'fragment')}` : '',
  };
}

/** The parts of a parsed URL (or a urltestdata entry) the scanner is compared on. */
export const asParsed = (url: { hostname?: string; port?: string; pathname?: string; search?: string; hash?: string }) => ({
  hostname: url.hostname,
  port: url.port,
  pathname: url.pathname,
  search: url.search,
  hash: url.hash,
});
