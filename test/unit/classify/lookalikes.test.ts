/**
 * Lookalikes: hosts and URLs built to look like the vendor's (or to hide it), each with the
 * verdict it must get. The rule of thumb: what decides is the host the browser actually
 * connects to. A host that is not the vendor's is never attributed to the vendor's site
 * (kind "vendor" or a vendor-site reason); it can still be a third party's listing when its
 * path names a product with licence terms.
 */
import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import type { PageKind } from '../../../src/core/classify/verdict.ts';
import { dataRows } from '../helpers.ts';

type Row = [url: string, kind: PageKind, why: string];

const CYRILLIC_A = 'kаspersky.com'; // а is U+0430

const HOMOGRAPHS: Row[] = [
  [`https://${CYRILLIC_A}/premium`, 'none', 'Cyrillic а, as typed'],
  [`https://${domainToASCII(CYRILLIC_A)}/premium`, 'none', 'the same host in punycode'],
  ['https://xn--kspersky-16g.com/premium', 'none', 'punycode of a Cyrillic а as written'],
  ['https://kaspersкy.com/premium', 'none', 'Cyrillic к'],
  ['https://kasреrsky.com/premium', 'none', 'Cyrillic р and е'],
  ['https://kaspersky.cоm/premium', 'none', 'Cyrillic о in the TLD: an unknown suffix, not a regional site'],
  ['https://kaspersky.xn--cm-fmc/premium', 'none', 'the same TLD in punycode'],
  ['https://kaspersky.invalid/premium', 'none', 'a suffix outside the public suffix list'],
  ['https://www.xn--80ahbenbpr2d.xn--p1ai/', 'none', 'a Cyrillic look-alike under .рф (not in the registry)'],
  ['https://ｋａｓｐｅｒｓｋｙ.com/premium', 'purchase', 'full-width letters: IDNA maps them to kaspersky.com, which the browser opens'],
  ['https://USA.KASPERSKY.COM/premium', 'purchase', 'upper case is the same host'],
];

const TYPOS: Row[] = [
  ['https://kasperksy.com/premium', 'none', 'swapped letters'],
  ['https://kaspresky.com/premium', 'none', 'swapped letters'],
  ['https://kapsersky.com/premium', 'none', 'swapped letters'],
  ['https://kaspersy.com/premium', 'none', 'dropped letter'],
  ['https://kasperskyy.com/premium', 'none', 'doubled letter'],
  ['https://notkaspersky.com/premium', 'none', 'vendor name inside another label'],
  ['https://kaspersky.co/premium', 'purchase', "kaspersky.<public suffix> is the vendor's regional site by registry rule"],
  ['https://kaspersky.com.co/premium', 'purchase', 'com.co is a public suffix: also a regional site'],
];

const COMBOS: Row[] = [
  ['https://kaspersky-deals.com/premium', 'none', 'combo domain, nothing named in the path'],
  ['https://buy-kaspersky.com/', 'none', 'combo domain home page'],
  ['https://kasperskystore.net/checkout', 'none', "combo domain checkout (not the vendor's store)"],
  ['https://kaspersky-premium.shop/buy', 'none', 'combo domain under a new TLD'],
  ['https://kaspersky-com.example/premium', 'none', 'dot replaced by a hyphen'],
  ['https://kaspersky.com-premium.example/', 'none', 'vendor domain followed by more labels'],
  ['https://buy-kaspersky.com/kaspersky-premium-1-year-key', 'purchase', 'a third-party shop selling a licence key'],
];

const SUBDOMAINS_AND_PATHS: Row[] = [
  ['https://kaspersky.example.net/premium', 'none', 'vendor name as a subdomain of another site'],
  ['https://kaspersky.com.evil.example/premium', 'none', 'vendor domain as a subdomain of another site'],
  ['https://usa.kaspersky.com.evil.example/premium', 'none', 'vendor store host as a subdomain of another site'],
  ['https://kaspersky.github.io/premium', 'none', 'hosting subdomain (private suffix)'],
  ['https://kaspersky.blogspot.com/premium', 'none', 'blog subdomain'],
  ['https://kaspersky.web.app/premium', 'none', 'app-hosting subdomain'],
  ['https://securelist.com.evil.example/', 'none', 'research domain as a subdomain of another site'],
  ['https://kas.pr.evil.example/x', 'none', 'short-link domain as a subdomain of another site'],
  ['https://kaspersky.myshopify.com/products/kaspersky-premium-1-year', 'purchase', 'a shop on a shop platform selling a licence'],
  ['https://kaspersky-anti-virus.en.softonic.com/', 'download', "a download portal's listing subdomain"],
  ['https://evil.example/kaspersky.com/premium', 'none', 'vendor domain in the path'],
  ['https://evil.example/usa.kaspersky.com/premium', 'none', 'vendor store host in the path'],
  ['https://evil.example/?next=https://usa.kaspersky.com/premium', 'none', 'vendor URL in the query'],
  ['https://evil.example/#https://usa.kaspersky.com/premium', 'none', 'vendor URL in the fragment'],
  ['https://www.google.com/search?q=kaspersky+premium', 'none', 'a search for the vendor'],
];

const USERINFO: Row[] = [
  ['https://kaspersky.com@evil.example/premium', 'none', 'vendor domain as the user name'],
  ['https://usa.kaspersky.com:443@evil.example/premium', 'none', 'vendor host and port as user and password'],
  ['https://user:kaspersky@evil.example/downloads/', 'none', 'vendor name as the password'],
  ['https://evil.example@usa.kaspersky.com/premium', 'purchase', "the real host is the vendor's store"],
  ['https://usa.kaspersky.com\\@evil.example/premium', 'vendor', 'a backslash ends the host: the browser opens usa.kaspersky.com'],
];

describe('lookalikes get the verdict of the host the browser really opens', () => {
  describe.each([
    ['homographs and punycode', HOMOGRAPHS],
    ['typo domains', TYPOS],
    ['combo domains', COMBOS],
    ['vendor names in subdomains, paths and queries of other sites', SUBDOMAINS_AND_PATHS],
    ['userinfo tricks', USERINFO],
  ])('%s', (_group, rows) => {
    it.each(rows)('%s → %s (%s)', (url, kind) => {
      const verdict = classifyUrl(url);
      expect(verdict.kind).toBe(kind);
      expect(verdict.vendor).toBe(kind === 'none' ? null : 'kaspersky');
    });
  });

  it("never attributes a lookalike host to the vendor's own site", () => {
    for (const [url, kind] of [...HOMOGRAPHS, ...TYPOS, ...COMBOS, ...SUBDOMAINS_AND_PATHS, ...USERINFO]) {
      if (kind === 'none')
        expect(
          classifyUrl(url).reasons.filter((reason) => reason.startsWith('vendor-')),
          url,
        ).toEqual([]);
    }
  });

  it('a percent-encoded host separator is no URL at all', () => {
    expect(classifyUrl('https://kaspersky.com%40evil.example/premium')).toEqual({
      vendor: null,
      kind: 'none',
      reasons: ['invalid-url'],
      rule: null,
    });
  });

  it('hides no product behind percent-encoding in the path', () => {
    expect(classifyUrl('https://www.amazon.com/K%61spersky-Premium/dp/B0CFWQ1JKZ')).toMatchObject({
      kind: 'purchase',
      vendor: 'kaspersky',
    });
    expect(classifyUrl('https://www.amazon.com/%4Baspersky-Premium/dp/B0CFWQ1JKZ')).toEqual(
      classifyUrl('https://www.amazon.com/Kaspersky-Premium/dp/B0CFWQ1JKZ'),
    );
  });

  it("treats the look-alike domains of test/fixtures/data/lookalike-domains.txt as others' sites", () => {
    for (const [host = ''] of dataRows('lookalike-domains.txt')) {
      const verdict = classifyUrl(`https://${host}/`);
      expect(
        verdict.reasons.filter((reason) => reason.startsWith('vendor-')),
        host,
      ).toEqual([]);
    }
  });
});
