import { describe, expect, it } from 'vitest';
import { listingTiles } from '../../../src/background/tile-marks.ts';
import type { TileLink } from '../../../src/core/classify/tiles.ts';
import { contentSender, fakeBrowser, type FakeBrowser } from './fakes.ts';

const SEARCH = 'https://www.newegg.com/p/pl?d=antivirus';
const LINKS: TileLink[] = [
  { href: 'https://www.newegg.com/p/N82E16832875012', text: 'Kaspersky Premium 2025 - 5 Devices, 1 Year - Download' },
  { href: 'https://www.newegg.com/p/N82E16832352215', text: 'Bitdefender Total Security - 5 Devices, 1 Year' },
  { href: 'https://www.newegg.com/p/N82E16832875044', text: 'NEW Kaspersky Standard Anti-Virus 3 PCs' },
  { href: 'https://www.newegg.com/p/N82E16832777001', text: 'Nordvale Shield 2025, 1 PC' },
];

const marksFor = (fake: FakeBrowser, links: unknown = LINKS, pageUrl = SEARCH) =>
  listingTiles(fake.worker, { type: 'listing-tiles', links: links as TileLink[] }, contentSender(1, pageUrl));

describe('tile marks', () => {
  it("marks the vendor's product tiles, each pointing into the list of vendors", async () => {
    const answer = await marksFor(fakeBrowser());
    expect(answer.marks).toEqual([
      { index: 0, vendor: 0 },
      { index: 2, vendor: 0 },
    ]);
    expect(answer.vendors.map((vendor) => vendor.name)).toEqual(['Kaspersky']);
  });

  it("lists each vendor once, the organisation's own vendors too", async () => {
    const fake = fakeBrowser({
      policy: {
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
      },
    });
    const answer = await marksFor(fake);
    expect(answer.marks).toEqual([
      { index: 0, vendor: 0 },
      { index: 2, vendor: 0 },
      { index: 3, vendor: 1 },
    ]);
    expect(answer.vendors.map((vendor) => vendor.name)).toEqual(['Kaspersky', 'Nordvale Security']);
  });

  it('marks nothing where the page itself is flagged (its banner says it all)', async () => {
    const fake = fakeBrowser();
    fake.tabRecords.set(1, {
      url: SEARCH,
      site: 'newegg.com',
      verdict: { vendor: 'kaspersky', kind: 'purchase', reasons: ['page-product-data'], rule: 'page-content' },
      dismissed: false,
    });
    expect(await marksFor(fake)).toEqual({ marks: [], vendors: [], levels: [] });
    // A record of a page about no vendor does not stop the marks.
    fake.tabRecords.set(1, {
      url: SEARCH,
      site: 'newegg.com',
      verdict: { vendor: null, kind: 'none', reasons: [], rule: null },
      dismissed: false,
    });
    expect((await marksFor(fake)).marks).toHaveLength(2);
  });

  it('marks nothing where the warning would be silenced: warnings off, or the site allowed', async () => {
    expect(await marksFor(fakeBrowser({ user: { mode: 'off' } }))).toEqual({ marks: [], vendors: [], levels: [] });
    expect(await marksFor(fakeBrowser({ user: { allowedSites: ['newegg.com'] } }))).toEqual({ marks: [], vendors: [], levels: [] });
    // Another allowed site does not silence this one.
    expect((await marksFor(fakeBrowser({ user: { allowedSites: ['amazon.com'] } }))).marks).toHaveLength(2);
  });

  it('marks nothing for malformed links (they come from an untrusted page)', async () => {
    expect(await marksFor(fakeBrowser(), [{ href: 42 }])).toEqual({ marks: [], vendors: [], levels: [] });
    expect(await marksFor(fakeBrowser(), 'links')).toEqual({ marks: [], vendors: [], levels: [] });
  });

  describe("the makers' tiles", () => {
    const CAMERAS = 'https://www.newegg.com/p/pl?d=security+camera';
    const MAKER_LINKS: TileLink[] = [
      { href: 'https://www.newegg.com/p/N82E16832875012', text: 'Kaspersky Premium 2025 - 5 Devices, 1 Year - Download' },
      { href: 'https://www.newegg.com/p/1B4-01HV-00099', text: 'Hikvision DS-2CD2143G2-I 4MP AcuSense Dome Network Camera' },
      { href: 'https://www.newegg.com/p/1B4-01HV-00100', text: 'Nordvale Outdoor Camera 2K' },
    ];
    const marksOf = (fake: FakeBrowser) => marksFor(fake, MAKER_LINKS, CAMERAS);

    it('a private reader: a notice for the maker, the warning for Kaspersky', async () => {
      const answer = await marksOf(fakeBrowser({ browserRegion: 'US' }));
      expect(answer.marks).toEqual([
        { index: 0, vendor: 0 },
        { index: 1, vendor: 1 },
      ]);
      expect(answer.vendors.map((vendor) => vendor.id)).toEqual(['kaspersky', 'hikvision']);
      expect(answer.levels).toEqual(['warning', 'notice']);
    });

    it('a US federal contractor: the warning for both, block mode included', async () => {
      const policy = { audience: 'federal_contractor' as const, mode: 'block' as const };
      expect((await marksOf(fakeBrowser({ browserRegion: 'US', policy }))).levels).toEqual(['warning', 'warning']);
    });

    it("honours the reader's choice of when to warn, as pages do: bans that apply to them mark neither for a private reader in Germany", async () => {
      expect((await marksOf(fakeBrowser({ browserRegion: 'DE', user: { warnFor: 'bans' } }))).marks).toEqual([]);
      // In the US the sales ban and the FCC's rules on new models apply to everyone there, them included.
      const us = await marksOf(fakeBrowser({ browserRegion: 'US', user: { warnFor: 'bans' } }));
      expect(us.vendors.map((vendor) => vendor.id)).toEqual(['kaspersky', 'hikvision']);
      expect(us.levels).toEqual(['warning', 'notice']);
    });
  });
});
