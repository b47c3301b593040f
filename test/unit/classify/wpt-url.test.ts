/**
 * The one-pass scanner (src/core/classify/scan.ts) against the URL Standard's own conformance
 * data: web-platform-tests' url/resources/urltestdata.json (test/fixtures/data/, source and
 * licence beside it). For every entry's input:
 *
 * - what the scanner settles agrees with the WHATWG parser: "invalid" only where the parser
 *   refuses the text; for a web URL the same host, port and path (and query and fragment as
 *   typed), where the parser is the standard's expectation (entries without a usable base) and
 *   Node's parser (all entries, read without their base: the classifier never has one);
 * - the verdict of classifyUrl (scanner and fast path) equals the full classifier's (URL parser
 *   and rules), for the built-in registry and for one whose tokens and domains are words the test
 *   data uses, so the verdicts are not all "none".
 */
import { describe, expect, it } from 'vitest';
import { compileRegistry } from '../../../src/core/classify/compile.ts';
import { SCAN_DEFER, SCAN_INVALID, SCAN_WEB, scanUrl, UrlScan } from '../../../src/core/classify/scan.ts';
import { classifyParsed, classifyUrl } from '../../../src/core/classify/url.ts';
import { parseUrl, parseWithUrlParser } from '../../../src/core/classify/url-parts.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import { readTestData } from '../helpers.ts';
import { asParsed, parse, scanned } from './scan-oracle.ts';

interface Entry {
  input: string;
  base: string | null;
  failure?: boolean;
  protocol?: string;
  hostname?: string;
  port?: string;
  pathname?: string;
  search?: string;
  hash?: string;
}

const ENTRIES = (JSON.parse(readTestData('wpt-urltestdata.json')) as (Entry | string)[]).filter(
  (entry): entry is Entry => typeof entry === 'object',
);

/** The standard's expectation is the reading without a base: no base, or about:blank under a URL with its own scheme. */
const baseFree = (entry: Entry) => entry.base === null || (entry.base === 'about:blank' && /^[a-z][a-z0-9+.-]*:/i.test(entry.input));

/** A registry whose vendor's names are words of the test data: "example.org" is its, "foo" and "test" name it. */
const WPT_REGISTRY = compileRegistry([
  {
    ...VENDORS[0]!,
    id: 'wpt',
    domains: ['example.org', 'example.com'],
    ownedDomainLabels: ['host'],
    brandTokens: ['foo', 'test', 'bar'],
    distinctiveProductTokens: ['x'],
    site: { ...VENDORS[0]!.site, storeHosts: ['www.example.com'], downloadHosts: ['example.net'] },
  },
  ...VENDORS,
]);

describe('the scanner on web-platform-tests urltestdata.json', () => {
  it('agrees with the standard and the parser wherever it settles an input, and settles the usual ones', () => {
    let web = 0;
    let invalid = 0;
    for (const entry of ENTRIES) {
      const mine = scanned(entry.input);
      if (mine === null) continue;
      const parsed = parse(entry.input);
      const where = JSON.stringify(entry.input);
      if ('failure' in mine) {
        invalid++;
        expect(parsed, `${where}: the scanner refuses it, the parser does not`).toBeNull();
        if (baseFree(entry)) expect(entry.failure, where).toBe(true);
        continue;
      }
      web++;
      expect(parsed, `${where}: the scanner reads it, the parser refuses it`).not.toBeNull();
      expect(['http:', 'https:']).toContain(parsed!.protocol);
      expect(mine, where).toEqual(asParsed(parsed!));
      if (baseFree(entry)) expect(mine, where).toEqual(asParsed(entry));
    }
    // The inputs are hard cases on purpose (of 687, 72 plain web URLs and 180 refusals are the
    // scanner's; the rest, IDNA, IPv4, userinfo, dot segments, other schemes, go to the parser).
    expect(web).toBeGreaterThanOrEqual(70);
    expect(invalid).toBeGreaterThanOrEqual(175);
  });

  it('gives the verdict of the full classifier on every input, with either registry', () => {
    let flagged = 0;
    for (const entry of ENTRIES) {
      for (const input of [entry.input, `${entry.input}/foo`, `${entry.input}#test`]) {
        expect(classifyUrl(input), JSON.stringify(input)).toEqual(classifyParsed(input));
        const verdict = classifyUrl(input, WPT_REGISTRY);
        expect(verdict, JSON.stringify(input)).toEqual(classifyParsed(input, WPT_REGISTRY));
        if (verdict.kind !== 'none') flagged++;
      }
    }
    // The second registry makes many of them vendor URLs, so the rules ran on them too.
    expect(flagged).toBeGreaterThan(200);
  });

  it('takes the same parts apart as the URL parser', () => {
    for (const entry of ENTRIES) {
      const ours = parseUrl(entry.input);
      const reference = parseWithUrlParser(entry.input);
      expect([ours.host, ours.site], JSON.stringify(entry.input)).toEqual([reference.host, reference.site]);
      if (typeof ours.parts !== 'object' || ours.parts === null || typeof reference.parts !== 'object' || reference.parts === null) {
        expect(ours.parts, JSON.stringify(entry.input)).toEqual(reference.parts);
        continue;
      }
      const fields = (p: typeof ours.parts) => ({
        ...{ href: p!.href, protocol: p!.protocol, host: p!.host, path: p!.path, segments: p!.segments },
        ...{ fileName: p!.fileName, query: p!.query, params: [...p!.searchParams] },
      });
      expect(fields(ours.parts), JSON.stringify(entry.input)).toEqual(fields(reference.parts));
    }
  });
});

describe('the scanner outcomes', () => {
  it.each([
    ['https://Example.COM:443/a/b?c#d', SCAN_WEB],
    ['http:example.com/x', SCAN_WEB],
    ['http:\\\\\\example.com/x', SCAN_WEB],
    ['not a url', SCAN_INVALID],
    ['-', SCAN_INVALID],
    ['/relative/path', SCAN_INVALID],
    ['http://', SCAN_INVALID],
    ['http://exa mple.com/', SCAN_INVALID],
    ['http://example.com:99999/', SCAN_INVALID],
    ['http://example.com:8o/', SCAN_INVALID],
    ['http://user:pass@example.com/', SCAN_DEFER],
    ['http://user name@example.com/', SCAN_DEFER],
    ['http://xn--80ak6aa92e.com/', SCAN_DEFER],
    ['http://0x7f.1/', SCAN_DEFER],
    ['http://[::1]/', SCAN_DEFER],
    ['http://ex%41mple.com/', SCAN_DEFER],
    ['http://example.com/a/../b', SCAN_DEFER],
    ['http://example.com/a/%2e%2E/b', SCAN_DEFER],
    ['http://example.com/a\\b', SCAN_DEFER],
    ['http://exam\tple.com/', SCAN_DEFER],
    ['ftp://example.com/', SCAN_DEFER],
    [' http://example.com/', SCAN_DEFER],
  ])('%j is %i', (input, outcome) => {
    expect(scanUrl(input, new UrlScan())).toBe(outcome);
    // And the parser agrees with a refusal.
    if (outcome === SCAN_INVALID) expect(parse(input)).toBeNull();
    else expect(parse(input.trim()) === null && outcome === SCAN_WEB).toBe(false);
  });
});
