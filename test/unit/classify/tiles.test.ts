import { describe, expect, it } from 'vitest';
import { parseTileLinks, vendorTiles, type TileLink } from '../../../src/core/classify/tiles.ts';
import { buildRegistry } from '../../../src/core/classify/url.ts';
import { compilePolicy } from '../../../src/core/policy/compile.ts';
import { mergeSettings } from '../../../src/core/policy/merge.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';

const registry = buildRegistry();
const marked = (pageUrl: string, links: TileLink[], reg = registry) => vendorTiles(pageUrl, links, reg).map(({ index }) => index);

describe('vendorTiles', () => {
  it('marks Kaspersky product tiles on a retailer search page and leaves competitors alone', () => {
    const links: TileLink[] = [
      { href: 'https://www.newegg.com/p/N82E16832875012', text: 'Kaspersky Premium 2025 - 5 Devices, 1 Year - Download' },
      { href: 'https://www.newegg.com/p/N82E16832352215', text: 'Bitdefender Total Security - 5 Devices, 1 Year' },
      { href: 'https://www.newegg.com/p/N82E16832999001', text: 'Norton 360 Deluxe 2025, 5 Devices' },
      { href: 'https://www.newegg.com/p/N82E16832875044', text: 'NEW Kaspersky Standard Anti-Virus 3 PCs' },
    ];
    expect(marked('https://www.newegg.com/p/pl?d=antivirus', links)).toEqual([0, 3]);
  });

  it('marks a tile whose link is a vendor listing by URL, whatever its text', () => {
    const links: TileLink[] = [
      { href: 'https://play.google.com/store/apps/details?id=com.kms.free', text: 'Kaspersky: VPN & Antivirus' },
      { href: 'https://play.google.com/store/apps/details?id=com.bitdefender.security', text: 'Bitdefender Mobile Security' },
      { href: 'https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/dp/B0CFWQ1JKZ', text: '' },
    ];
    expect(vendorTiles('https://play.google.com/store/search?q=antivirus', links, registry)).toEqual([
      { index: 0, vendor: 'kaspersky' },
      { index: 2, vendor: 'kaspersky' },
    ]);
  });

  it('puts one mark per product: the title link, not the image link to the same page', () => {
    const links: TileLink[] = [
      { href: 'https://www.walmart.com/ip/123456789', text: 'Kaspersky' },
      { href: 'https://www.walmart.com/ip/123456789', text: 'Kaspersky Plus 2025, 3 Devices, 1 Year, PC/Mac/Android' },
      { href: 'https://www.walmart.com/ip/123456789#reviews', text: 'Kaspersky Plus 2025 (1,204 reviews)' },
    ];
    expect(marked('https://www.walmart.com/search?q=antivirus', links)).toEqual([1]);
  });

  it('leaves filters, brand hubs, "shop all" links, searches and stories unmarked', () => {
    const links: TileLink[] = [
      { href: 'https://www.bestbuy.com/site/searchpage.jsp?st=kaspersky+antivirus', text: 'Kaspersky antivirus' },
      { href: 'https://www.amazon.com/stores/Kaspersky/page/1234', text: 'Visit the Kaspersky Store' },
      { href: 'https://www.walmart.com/browse/software/kaspersky/123_456', text: 'Kaspersky Software' },
      { href: 'https://www.walmart.com/brand/kaspersky/10012345', text: 'Kaspersky Lab' },
      { href: 'https://www.bestbuy.com/site/kaspersky/some-product/6560001.p', text: 'Shop all Kaspersky' },
      { href: 'https://www.bestbuy.com/site/reviews/kaspersky-premium/6560001', text: 'Kaspersky Premium reviews' },
      { href: 'https://www.bestbuy.com/site/norton/6560003.p', text: 'Norton 360 — rated higher than Kaspersky Premium by users' },
      { href: 'https://www.cnet.com/tech/services-and-software/kaspersky-ban/', text: 'Kaspersky Premium gets banned in the US' },
    ];
    expect(marked('https://www.bestbuy.com/site/searchpage.jsp?st=antivirus', links)).toEqual([]);
  });

  it("marks nothing on the vendor's own site, and only links to the same site on a text match", () => {
    expect(marked('https://usa.kaspersky.com/', [{ href: 'https://usa.kaspersky.com/premium', text: 'Kaspersky Premium' }])).toEqual([]);
    expect(
      marked('https://www.ebay.com/sch/i.html?_nkw=antivirus', [
        { href: 'https://tracking.example/click?id=1', text: 'Kaspersky Plus 1 Device' },
      ]),
    ).toEqual([]);
  });

  it("knows the organisation's own vendors", () => {
    const { effective } = mergeSettings(DEFAULT_SETTINGS, {
      extraVendors: [
        {
          id: 'nordvale',
          name: 'Nordvale Security',
          domains: ['nordvale.example'],
          productNames: [],
          restriction: 'Not approved.',
          sourceUrl: 'https://intranet.example/n',
        },
      ],
    });
    const policy = compilePolicy(effective);
    const links: TileLink[] = [{ href: 'https://www.newegg.com/p/N82E16832000001', text: 'Nordvale Security Suite, 3 PCs' }];
    expect(vendorTiles('https://www.newegg.com/p/pl?d=security', links, policy.registry)).toEqual([{ index: 0, vendor: 'nordvale' }]);
  });
});

describe('parseTileLinks', () => {
  it('accepts a well-formed list and clips long texts', () => {
    expect(parseTileLinks([{ href: 'https://a.example/', text: 'x'.repeat(400) }])?.[0]?.text).toHaveLength(300);
  });

  it.each([[null], ['links'], [[{ href: 1, text: '' }]], [Array.from({ length: 601 }, () => ({ href: 'https://a.example/', text: '' }))]])(
    'refuses malformed input %#',
    (input) => expect(parseTileLinks(input)).toBeNull(),
  );
});

describe('vendorTiles: the equipment makers', () => {
  it('marks DJI and Hikvision products on a search page, not the accessories made for them nor an Honor phone', () => {
    const links: TileLink[] = [
      { href: 'https://www.amazon.com/dp/B0CFFKWKCW', text: 'DJI Mini 4 Pro (DJI RC 2), Folding Mini-Drone with 4K HDR Video' },
      { href: 'https://www.amazon.com/dp/B0CQXY1234', text: 'Battery for DJI Mini 4 Pro / Mini 3 Pro, 3-Pack' },
      { href: 'https://www.amazon.com/dp/B0CQXY9876', text: 'Skyreat Mini 4 Pro Battery Charging Hub' },
      { href: 'https://www.amazon.com/dp/B0CW12ABCD', text: 'HONOR Magic6 Pro 5G, 512GB, Unlocked' },
      { href: 'https://www.amazon.com/dp/B08L5C9F1P', text: 'Hikvision DS-2CD2143G2-I 4MP AcuSense Dome Camera' },
      { href: 'https://www.amazon.com/dp/B07XJ4K2MN', text: 'Junction Box Compatible with Hikvision Dome Cameras' },
    ];
    expect(vendorTiles('https://www.amazon.com/s?k=drone', links, registry)).toEqual([
      { index: 0, vendor: 'dji' },
      { index: 4, vendor: 'hikvision' },
    ]);
  });
});
