/**
 * Property-based fuzzing of `classifyUrl` (fast-check): over 100k generated and mutated URLs.
 *
 * Properties:
 * 1. Total: it never throws and always returns a valid verdict (kind one of the four kinds,
 *    every reason a REASON_CODES entry, vendor null or a registry id; kind "none" exactly when
 *    vendor is null; a non-"none" verdict has a reason).
 * 2. Deterministic: the same URL gives the same verdict, whatever was classified before, and
 *    the same as the full classifier without the shortcut for plainly unrelated URLs.
 * 3. Outside the registry nothing is flagged without evidence: for a URL whose host is not a
 *    registry vendor's (no listed domain or subdomain of one, no `<owned label>.<suffix>`), and
 *    which nowhere names the vendor — no brand or product token, app-store id or installer file
 *    name of the vendor in the URL as typed, once or twice percent-decoded, serialised, or in
 *    its host's Unicode form (see `vendorEvidence`) — the verdict is { vendor: null, kind: none }.
 *    Third-party rules (retailers, portals, stores, file hosts) may only fire on such evidence.
 * 4. Inside the registry every page is the vendor's: an http(s) URL on a listed vendor host is
 *    never "none".
 * 5. Spelling does not matter: host case, a trailing dot, a port, userinfo, a fragment, and
 *    percent-encoding of a path character leave the verdict of a real URL unchanged.
 * 6. The one-pass scanner (src/core/classify/scan.ts) reads URLs on its edges (odd slashes,
 *    userinfo, ports, IPv4 forms, IDNA and punycode hosts, percent-encoded, Cyrillic and
 *    upper-case tokens, backslashes, dot segments, tabs) as the URL parser does, or leaves them to
 *    it; and the fast path gives the full classifier's verdict, for the built-in registry and
 *    under an organisation's policy.
 *
 * The seed is random per run; a failure prints it (`FUZZ_SEED=<n>` reproduces a run).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRegistry, classifyParsed, classifyUrl } from '../../../src/core/classify/url.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import { classifyWithPolicy, compilePolicy } from '../../../src/core/policy/compile.ts';
import { mergeSettings } from '../../../src/core/policy/merge.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';
import { parseUrl, parseWithUrlParser } from '../../../src/core/classify/url-parts.ts';
import { asParsed, parse, scanned } from '../classify/scan-oracle.ts';
import {
  anyText,
  assembledUrl,
  edgeUrl,
  hugeUrl,
  MUTATIONS,
  mutatedUrl,
  nonWebUrl,
  onRegistryHost,
  SEED_URLS,
  vendorEvidence,
  verdictProblem,
  webUrl,
} from './arbitraries.ts';

const registry = buildRegistry(VENDORS);
const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;

/**
 * fc.assert with a short report: batches make fast-check's own counterexample print enormous,
 * so the first failing URL is reported with the seed that reproduces it.
 */
function check<T>(property: fc.IProperty<T>, numRuns: number): void {
  const details = fc.check(property, { numRuns, endOnFailure: true, ...(seed === undefined ? {} : { seed }) });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`fuzz failure (FUZZ_SEED=${details.seed}): ${cause}`);
  }
}

/** URLs are checked 100 at a time: fast-check's per-run overhead would otherwise dominate. */
const BATCH = 100;
/** Generous: the whole file runs in a few seconds, but a busy CI runner must not time it out. */
const TIMEOUT = 60_000;
const batchOf = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: BATCH, maxLength: BATCH });

const anyUrl = fc.oneof(
  { weight: 3, arbitrary: edgeUrl },
  { weight: 3, arbitrary: assembledUrl },
  { weight: 3, arbitrary: mutatedUrl },
  { weight: 2, arbitrary: webUrl },
  { weight: 1, arbitrary: nonWebUrl },
  { weight: 1, arbitrary: anyText },
);

const vendorHosts = [...registry.byDomain.keys()];
/** A real URL whose host has had one letter swapped for a look-alike (Cyrillic, Greek, full-width, dotless…). */
const homographUrl = fc.constantFrom(...SEED_URLS).chain((url) => MUTATIONS['idnHost']!(url));
const isHttp = (url: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
};

describe('classifyUrl under fuzzing', () => {
  it(
    'is total, valid and deterministic on 100,000 generated and mutated URLs',
    () => {
      let checked = 0;
      check(
        fc.property(batchOf(anyUrl), (urls) => {
          for (const url of urls) {
            const first = classifyUrl(url);
            const problem = verdictProblem(first, registry);
            if (problem) throw new Error(`${problem} for ${JSON.stringify(url)}`);
            expect(classifyUrl(url), JSON.stringify(url)).toEqual(first);
            // The raw-string shortcut for unrelated URLs must never change an answer.
            expect(classifyParsed(url), `shortcut changed the verdict of ${JSON.stringify(url)}`).toEqual(first);
            checked++;
          }
        }),
        1_000,
      );
      expect(checked).toBeGreaterThanOrEqual(100_000);
    },
    TIMEOUT,
  );

  it(
    "flags no host outside the registry unless the URL names the vendor, and never calls it the vendor's site",
    () => {
      let outside = 0;
      check(
        fc.property(batchOf(fc.oneof(assembledUrl, mutatedUrl, webUrl, homographUrl)), (urls) => {
          for (const url of urls) {
            if (onRegistryHost(url, registry)) continue;
            const { kind, reasons } = classifyUrl(url);
            // Whatever the URL says, a host that is not the vendor's is never the vendor's site.
            if (kind === 'vendor' || reasons.some((reason) => reason.startsWith('vendor-'))) {
              throw new Error(`${JSON.stringify(url)} is not a vendor host but got ${kind} [${reasons.join(', ')}]`);
            }
            if (vendorEvidence(url, registry)) continue;
            outside++;
            const verdict = classifyUrl(url);
            if (verdict.kind !== 'none' || verdict.vendor !== null) {
              throw new Error(`${JSON.stringify(url)} names no vendor but got ${JSON.stringify(verdict)}`);
            }
          }
        }),
        300,
      );
      // Most generated URLs name no vendor; the property must have been tried on many.
      expect(outside).toBeGreaterThan(10_000);
    },
    TIMEOUT,
  );

  it(
    'gives every page on a vendor host a vendor verdict',
    () => {
      const onVendorHost = fc
        .tuple(
          fc.constantFrom(...vendorHosts),
          fc.option(
            fc.domain().map((d) => d.split('.')[0]!),
            { nil: undefined },
          ),
          fc.webPath(),
          fc.webQueryParameters(),
        )
        .map(([host, sub, path, query]) => ({
          url: `https://${sub ? `${sub}.` : ''}${host}${path.startsWith('/') ? path : `/${path}`}?${query}`,
          owner: registry.byDomain.get(host)!.id,
        }));
      check(
        fc.property(batchOf(onVendorHost), (pages) => {
          for (const { url, owner } of pages) {
            if (!isHttp(url)) continue;
            const verdict = classifyUrl(url);
            if (verdict.kind === 'none' || verdict.vendor !== owner) throw new Error(`${url} got ${JSON.stringify(verdict)}`);
          }
        }),
        100,
      );
    },
    TIMEOUT,
  );

  it.each(['upperHost', 'trailingDot', 'port', 'userinfo', 'addFragment', 'percentEncodeChar'] as const)(
    'keeps the verdict of a real URL under the %s rewrite',
    (name) => {
      const pairs = fc
        .constantFrom(...SEED_URLS.filter(isHttp))
        .chain((url) => MUTATIONS[name]!(url).map((mutant) => [url, mutant] as const));
      check(
        fc.property(fc.array(pairs, { minLength: BATCH, maxLength: BATCH }), (batch) => {
          for (const [url, mutant] of batch) {
            // Only rewrites that keep a valid URL compare: a percent-encoded ":" or "/" makes another URL.
            if (!isHttp(mutant) || !sameResource(url, mutant, name)) continue;
            expect(classifyUrl(mutant), `${url} → ${mutant}`).toEqual(classifyUrl(url));
          }
        }),
        30,
      );
    },
    TIMEOUT,
  );

  it(
    'survives 100 KB URLs',
    () => {
      check(
        fc.property(hugeUrl(100_000), (url) => {
          expect(url.length).toBeGreaterThanOrEqual(100_000);
          expect(verdictProblem(classifyUrl(url), registry)).toBeNull();
        }),
        60,
      );
    },
    TIMEOUT,
  );
});

/** For the encoding rewrite: the encoded character was in the path and is not a delimiter. */
function sameResource(url: string, mutant: string, name: string): boolean {
  if (name !== 'percentEncodeChar') return true;
  const a = new URL(url);
  const b = new URL(mutant);
  if (a.host !== b.host || a.search !== b.search || a.hash !== b.hash) return false;
  return (
    decodeURIComponentSafe(a.pathname) === decodeURIComponentSafe(b.pathname) &&
    !/%(?:2f|5c|2e|25)/i.test(b.pathname.replace(a.pathname, ''))
  );
}

function decodeURIComponentSafe(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

describe('the one-pass scanner under fuzzing', () => {
  const policy = compilePolicy(
    mergeSettings(DEFAULT_SETTINGS, {
      blockedDomains: ['example.com', 'kaspersky.de'],
      extraVendors: [
        {
          id: 'nordvale',
          name: 'Nordvale Security',
          domains: ['nordvale.example'],
          productNames: ['Nordvale Shield'],
          restriction: 'Not approved.',
          sourceUrl: 'https://intranet.example/nordvale',
        },
      ],
    }).effective,
  );
  const scannerUrl = fc.oneof({ weight: 4, arbitrary: edgeUrl }, { weight: 1, arbitrary: assembledUrl }, { weight: 1, arbitrary: webUrl });

  it(
    'reads every URL as the URL parser does, or leaves it to the parser; the fast path keeps every verdict (10,000 URLs)',
    () => {
      let settled = 0;
      check(
        fc.property(batchOf(scannerUrl), (urls) => {
          for (const url of urls) {
            const mine = scanned(url);
            if (mine !== null) {
              settled++;
              const parsed = parse(url);
              if ('failure' in mine) expect(parsed, `refused ${JSON.stringify(url)}`).toBeNull();
              else expect(parsed && asParsed(parsed), JSON.stringify(url)).toEqual(mine);
            }
            expect(classifyUrl(url), JSON.stringify(url)).toEqual(classifyParsed(url));
            expect(classifyWithPolicy(url, policy), JSON.stringify(url)).toEqual(classifyWithPolicy(parseWithUrlParser(url), policy));
            const ours = parseUrl(url);
            const reference = parseWithUrlParser(url);
            expect([ours.host, ours.site, ours.parts === null], JSON.stringify(url)).toEqual([
              reference.host,
              reference.site,
              reference.parts === null,
            ]);
            if (ours.parts && typeof ours.parts === 'object' && reference.parts && typeof reference.parts === 'object') {
              const { href, host, path, query, fileName, segments } = ours.parts;
              const expected = reference.parts;
              expect({ href, host, path, query, fileName, segments }, JSON.stringify(url)).toEqual({
                ...{ href: expected.href, host: expected.host, path: expected.path },
                ...{ query: expected.query, fileName: expected.fileName, segments: expected.segments },
              });
              expect([...ours.parts.searchParams], JSON.stringify(url)).toEqual([...expected.searchParams]);
            }
          }
        }),
        100,
      );
      // Edge URLs are mostly the parser's (userinfo, IDNA, IPv4, dot segments…); many are the scanner's.
      expect(settled).toBeGreaterThan(700);
    },
    TIMEOUT,
  );
});
