import { describe, expect, it } from 'vitest';
import { classifyPage, needsPageContent, pageMayClear, verdictWithoutSignals } from '../../../src/core/classify/page.ts';
import {
  EMPTY_CONTENT,
  EMPTY_SIGNALS,
  parsePageSignals,
  type PageContent,
  type PageSignals,
  type ProductData,
} from '../../../src/core/classify/page-signals.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { compilePolicy } from '../../../src/core/policy/compile.ts';
import { mergeSettings } from '../../../src/core/policy/merge.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';

const page = (url: string, overrides: Partial<PageSignals>): PageSignals => ({ ...EMPTY_SIGNALS, url, ...overrides });
const content = (overrides: Partial<PageContent>): PageContent => ({ ...EMPTY_CONTENT, ...overrides });
const product = (overrides: Partial<ProductData>): ProductData => ({
  name: '',
  brand: '',
  software: false,
  offer: 'none',
  downloadable: false,
  ...overrides,
});
const meta = (overrides: Partial<PageSignals['meta']>): PageSignals['meta'] => ({ ...EMPTY_SIGNALS.meta, ...overrides });
const classify = (signals: PageSignals) => classifyPage(signals, classifyUrl(signals.url));
const needsContent = (signals: PageSignals) => needsPageContent(signals, classify(signals));

describe('classifyPage: listings whose URL names no product', () => {
  it('finds a reseller listing from its heading, title, buy control and price (Newegg item number)', () => {
    const signals = page('https://www.newegg.com/p/N82E16832108203', {
      title: 'Kaspersky Premium 2024, 3 Devices, 1 Year - Newegg.com',
      headings: ['Kaspersky Premium 2024 - 3 Devices, 1 Year'],
      content: content({ buyControls: ['Add to cart'], hasPrice: true }),
    });
    expect(classify(signals)).toMatchObject({
      vendor: 'kaspersky',
      kind: 'purchase',
      reasons: ['page-title-names-product', 'page-buy-control'],
    });
  });

  it('decides from JSON-LD alone: a product with a paid offer is for sale, without reading the page body', () => {
    const signals = page('https://www.walmart.com/ip/123456', {
      title: 'Security software - Walmart.com',
      products: [product({ name: 'Total Security 5 Devices', brand: 'Kaspersky', offer: 'paid' })],
    });
    expect(classify(signals)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase', reasons: ['page-product-data'] });
    expect(needsContent(signals)).toBe(false);
  });

  it('counts a free software application (app store, portal) as a download', () => {
    const signals = page('https://apps.apple.com/us/app/id1472316026', {
      title: 'Kaspersky Password Manager on the App Store',
      products: [product({ name: 'Kaspersky Password Manager', brand: 'Kaspersky Lab Switzerland GmbH', software: true, offer: 'free' })],
    });
    expect(classify(signals)).toMatchObject({ vendor: 'kaspersky', kind: 'download' });
  });

  it('prefers download on a software listing that also has a buy control (an upgrade offer)', () => {
    const signals = page('https://www.portal.example/app/1', {
      headings: ['Kaspersky Free'],
      products: [product({ name: 'Kaspersky Free', software: true, offer: 'paid' })],
      content: content({ buyControls: ['Buy Kaspersky Plus'], downloadControls: ['Free Download for PC'], hasPrice: true }),
    });
    expect(classify(signals)).toMatchObject({ kind: 'download', reasons: ['page-product-data', 'page-download-control'] });
  });

  it('finds a download page from its heading, breadcrumb and download control', () => {
    const signals = page('https://www.softwareportal.example/app/12345', {
      title: 'Free antivirus for Windows',
      headings: ['Kaspersky Free Antivirus'],
      content: content({ breadcrumbs: ['Windows', 'Security', 'Kaspersky Free Antivirus'], downloadControls: ['Get'] }),
    });
    expect(classify(signals)).toMatchObject({ vendor: 'kaspersky', kind: 'download' });
  });

  it('takes the last reported heading: the ones before it sit in the site header', () => {
    const signals = page('https://shop.example/p/1', {
      title: 'Kaspersky Premium | Shop',
      headings: ['Shop', 'Kaspersky Premium'],
      content: content({ buyControls: ['Add to basket'], hasPrice: true }),
    });
    expect(classify(signals).kind).toBe('purchase');
  });

  it('uses an Open Graph or microdata brand when there is no JSON-LD', () => {
    const og = page('https://shop.example/p/2', {
      headings: ['Premium 2025, 3 devices'],
      meta: meta({ productBrand: 'KASPERSKY' }),
      content: content({ buyControls: ['In den Warenkorb'], hasPrice: true }),
    });
    expect(classify(og)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
    const microdata = page('https://shop.example/p/3', {
      headings: ['Premium 2025, 3 devices'],
      content: content({ brand: 'Kaspersky', buyControls: ['Add to Cart'], hasPrice: true }),
    });
    expect(classify(microdata)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
  });

  it('needs a price (or an offer) beside a buy control, and some way to get the product', () => {
    const noPrice = page('https://shop.example/p/4', {
      title: 'Kaspersky Premium',
      headings: ['Kaspersky Premium'],
      content: content({ buyControls: ['Buy now'] }),
    });
    expect(classify(noPrice).kind).toBe('none');
    const nothing = page('https://shop.example/p/5', {
      title: 'Kaspersky Premium',
      headings: ['Kaspersky Premium'],
      content: EMPTY_CONTENT,
    });
    expect(classify(nothing).kind).toBe('none');
  });

  it('does not take a heading alone: the title, og:title or a breadcrumb must agree', () => {
    const signals = page('https://shop.example/p/6', {
      title: 'Shop',
      headings: ['Kaspersky Premium'],
      content: content({ buyControls: ['Buy now'], hasPrice: true }),
    });
    expect(classify(signals).kind).toBe('none');
  });
});

describe('classifyPage: pages that are not listings of the vendor', () => {
  it('leaves a competitor listing alone whatever its description, carousels or comparison say', () => {
    const signals = page('https://www.newegg.com/p/N82E16832000001', {
      title: 'Bitdefender Total Security - Newegg.com',
      headings: ['Bitdefender Total Security 5 Devices'],
      meta: meta({ description: 'Compare with Kaspersky Premium' }),
      content: content({ buyControls: ['Add to cart'], hasPrice: true }),
    });
    expect(classify(signals)).toMatchObject({ vendor: null, kind: 'none' });
  });

  it("trusts another maker's structured product data over a heading that names the vendor", () => {
    const signals = page('https://shop.example/p/7', {
      title: 'Kaspersky replacement: ESET Home Security',
      headings: ['Kaspersky replacement: ESET Home Security'],
      products: [product({ name: 'ESET Home Security Premium', brand: 'ESET', offer: 'paid' })],
    });
    expect(classify(signals).kind).toBe('none');
    expect(needsContent(signals)).toBe(false);
  });

  it.each<[string, Partial<PageSignals>]>([
    ['a review by its title', { title: 'Kaspersky Premium review: still good?', headings: ['Kaspersky Premium'] }],
    [
      'a review page whose title starts "Customer Reviews:"',
      { title: 'Customer Reviews: Kaspersky Premium (5 Device) - Best Buy', headings: ['Kaspersky - Premium (5 Device)'] },
    ],
    [
      'a news article by og:type',
      { title: 'Kaspersky leaves the US market', headings: ['Kaspersky leaves the US market'], meta: meta({ ogType: 'article' }) },
    ],
    [
      'a forum thread by JSON-LD',
      { title: 'Is Kaspersky still safe? | Forums', headings: ['Is Kaspersky still safe?'], pageTypes: ['DiscussionForumPosting'] },
    ],
    ['a results page by its heading', { title: 'kaspersky - Walmart.com', headings: ['Results for "kaspersky" (42)'] }],
  ])('leaves %s alone even with buy buttons and prices', (_name, overrides) => {
    const signals = page('https://www.shop.example/item/1', {
      ...overrides,
      content: content({ buyControls: ['Add to Cart'], downloadControls: ['Download'], hasPrice: true }),
    });
    expect(classify(signals).kind).toBe('none');
  });

  it('leaves search URLs alone: /s?k=, /search?q=, /sch/?_nkw=, /p/pl', () => {
    for (const url of [
      'https://www.amazon.com/s?k=kaspersky',
      'https://www.walmart.com/search?q=kaspersky',
      'https://www.ebay.com/sch/i.html?_nkw=kaspersky',
      'https://www.newegg.com/p/pl?d=kaspersky',
    ]) {
      const signals = page(url, {
        title: 'kaspersky',
        headings: ['kaspersky'],
        content: content({ buyControls: ['Add to cart'], hasPrice: true }),
      });
      expect(classify(signals).kind, url).toBe('none');
    }
  });

  it('reads a grid with a buy control on every tile as a results page', () => {
    const signals = page('https://shop.example/brand/kaspersky', {
      title: 'Kaspersky',
      headings: ['Kaspersky'],
      content: content({ buyControls: Array(6).fill('Add to cart'), hasPrice: true }),
    });
    expect(classify(signals).kind).toBe('none');
  });

  it('keeps "keywords" (Amazon adds it to product pages reached from a search) from reading as a search', () => {
    const signals = page('https://www.amazon.com/dp/B0D5K2XQ7N?keywords=kaspersky&qid=1', {
      title: 'Amazon.com: Kaspersky Premium 2025',
      headings: ['Kaspersky Premium 2025'],
      content: content({ buyControls: ['Add to Cart', 'Buy Now'], hasPrice: true }),
    });
    expect(classify(signals).kind).toBe('purchase');
  });

  it('does not turn vendor blog pages into store pages because the menu sells', () => {
    const blog = page('https://www.kaspersky.com/blog/some-post/12345/', {
      title: 'How to spot phishing | Kaspersky official blog',
      headings: ['Kaspersky explains how to spot phishing'],
      content: content({ buyControls: ['Buy now'], downloadControls: ['Download'], hasPrice: true }),
    });
    expect(classify(blog)).toMatchObject({ vendor: 'kaspersky', kind: 'vendor' });
  });
});

describe('classifyPage with a URL verdict', () => {
  it('keeps a URL verdict of purchase and adds the page evidence', () => {
    const store = page('https://usa.kaspersky.com/premium', {
      title: 'Kaspersky Premium',
      products: [product({ name: 'Kaspersky Premium', brand: 'Kaspersky', offer: 'paid' })],
    });
    expect(classify(store)).toEqual({
      vendor: 'kaspersky',
      kind: 'purchase',
      reasons: ['vendor-domain', 'vendor-store-page', 'page-product-data'],
      rule: 'vendor-store-page',
    });
    expect(classify(page('https://usa.kaspersky.com/premium', {})).kind).toBe('purchase');
  });

  it('keeps a vendor store page even when it reads like an article: only third-party listing URLs can be contradicted', () => {
    const store = page('https://usa.kaspersky.com/premium', { title: 'Kaspersky Premium review', meta: meta({ ogType: 'article' }) });
    expect(classify(store).kind).toBe('purchase');
  });

  it("clears a listing URL that the page shows to be a review, results page or another maker's product", () => {
    // A review page or a results page whose URL still reads like a listing ("/product/<slug>/reviews" is not one of the URL rules' review paths).
    const reviews = page('https://www.shop.example/product/kaspersky-premium-5-device-1-year', {
      title: 'Customer Reviews: Kaspersky Premium - Shop',
      headings: ['Customer reviews'],
    });
    expect(classifyUrl(reviews.url).kind).toBe('purchase');
    expect(classify(reviews).kind).toBe('none');
    const other = page('https://www.amazon.com/Kaspersky-Alternative-Norton-360/dp/B0BK1M9Z9L', {
      products: [product({ name: 'Norton 360 Deluxe', brand: 'Norton', offer: 'paid' })],
    });
    expect(classify(other).kind).toBe('none');
  });

  it('upgrades a vendor page that links to its installer, but not for a link to another page', () => {
    const signals = page('https://www.kaspersky.com/some-new-product-page', {
      title: 'Kaspersky Premium',
      headings: ['Kaspersky Premium'],
      content: content({
        downloadControls: ['Download'],
        downloadLinks: ['https://downloads.kaspersky-labs.com/main/kaspersky_premium/latest/full/kaspersky_premium.exe'],
      }),
    });
    expect(classify(signals)).toMatchObject({
      vendor: 'kaspersky',
      kind: 'download',
      reasons: expect.arrayContaining(['page-installer-link']),
    });
    const portalLink = page('https://www.portal.example/app/9', {
      title: 'Kaspersky Free',
      headings: ['Kaspersky Free'],
      content: content({ downloadControls: ['Download'], downloadLinks: ['https://filehippo.com/download_kaspersky-free/'] }),
    });
    expect(classify(portalLink).reasons).toContain('page-download-control');
    expect(classify(portalLink).reasons).not.toContain('page-installer-link');
  });
});

describe('needsPageContent: the page body is walked only when a vendor is named and nothing cheap decided', () => {
  it('not on a page naming no vendor (the opt-in all-sites case)', () => {
    expect(needsContent(page('https://www.example.org/p/1', { title: 'Garden chairs', headings: ['Teak chair'] }))).toBe(false);
  });

  it('when the title, a heading, og data, description, breadcrumb or JSON-LD names one', () => {
    for (const overrides of [
      { title: 'Kaspersky Premium' },
      { headings: ['Kaspersky Premium'] },
      { meta: meta({ ogTitle: 'Kaspersky Premium' }) },
      { meta: meta({ description: 'Buy Kaspersky Premium' }) },
      { breadcrumbs: ['Software', 'Kaspersky'] },
      { products: [product({ name: 'Kaspersky Premium' })] },
    ] satisfies Partial<PageSignals>[]) {
      expect(needsContent(page('https://shop.example/p/8', overrides)), JSON.stringify(overrides)).toBe(true);
    }
  });

  it('when only the URL names the vendor (its own non-store pages)', () => {
    expect(needsContent(page('https://www.kaspersky.com/some-new-product-page', { title: 'Premium' }))).toBe(true);
  });

  it('not when the URL already flags the page, the content is already there, or the page is an article or search', () => {
    expect(needsContent(page('https://usa.kaspersky.com/premium', { title: 'Kaspersky Premium' }))).toBe(false);
    expect(needsContent(page('https://shop.example/p/9', { title: 'Kaspersky Premium', content: EMPTY_CONTENT }))).toBe(false);
    expect(needsContent(page('https://news.example/a/1', { title: 'Kaspersky banned', meta: meta({ ogType: 'article' }) }))).toBe(false);
    expect(needsContent(page('https://www.walmart.com/search?q=kaspersky', { title: 'kaspersky - Walmart.com' }))).toBe(false);
  });
});

describe('verdictWithoutSignals: when the settings change and only the URL can be classified again', () => {
  const listing = page('https://www.newegg.com/p/N82E16832108204', {
    title: 'Kaspersky Premium - Newegg.com',
    headings: ['Kaspersky Premium'],
    content: content({ buyControls: ['Add to cart'], hasPrice: true }),
  });
  const reviews = page('https://www.bestbuy.com/site/reviews/kaspersky-premium-5-device/6560005', {
    title: 'Customer Reviews: Kaspersky Premium - Best Buy',
  });

  it("keeps what the page's report found: a listing found from content, a listing URL the page cleared", () => {
    expect(verdictWithoutSignals(classify(listing), classifyUrl(listing.url))).toMatchObject({ kind: 'purchase' });
    expect(verdictWithoutSignals(classify(reviews), classifyUrl(reviews.url))).toMatchObject({ kind: 'none' });
  });

  it('takes the URL verdict otherwise, and always an exemption or a blocked domain', () => {
    const store = classifyUrl('https://usa.kaspersky.com/premium');
    expect(verdictWithoutSignals(classifyUrl('https://www.example.org/'), store)).toBe(store);
    const exempt = { vendor: 'kaspersky', kind: 'none', reasons: ['policy-exempt'], rule: 'policy-exempt' } as const;
    expect(verdictWithoutSignals(classify(listing), { ...exempt, reasons: [...exempt.reasons] })).toMatchObject({
      reasons: ['policy-exempt'],
    });
  });
});

describe('pageMayClear: whether a warning on the URL alone must wait for the page', () => {
  it('only for a listing URL of a third party, which the page may contradict', () => {
    expect(pageMayClear(classifyUrl('https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/dp/B0CFWQ1JKZ'))).toBe(true);
    expect(pageMayClear(classifyUrl('https://usa.kaspersky.com/premium'))).toBe(false);
    expect(pageMayClear(classifyUrl('https://www.example.org/'))).toBe(false);
  });
});

describe('organisation-added vendors', () => {
  const { effective } = mergeSettings(DEFAULT_SETTINGS, {
    extraVendors: [
      {
        id: 'acme',
        name: 'Acme Shield',
        domains: ['acme-shield.example'],
        productNames: ['Acme Shield Pro'],
        restriction: 'Banned by policy 7',
        sourceUrl: 'https://intranet.example/p7',
      },
    ],
  });
  const { registry } = compilePolicy(effective);

  it('are recognised from page content like built-in vendors', () => {
    const signals = page('https://www.newegg.com/p/N82E16800000042', {
      title: 'Acme Shield Pro, 3 devices - Newegg.com',
      headings: ['Acme Shield Pro, 3 devices'],
    });
    const urlVerdict = classifyUrl(signals.url, registry);
    expect(needsPageContent(signals, classifyPage(signals, urlVerdict, registry), registry)).toBe(true);
    const full = { ...signals, content: content({ buyControls: ['Add to cart'], hasPrice: true }) };
    expect(classifyPage(full, urlVerdict, registry)).toMatchObject({ vendor: 'acme', kind: 'purchase' });
  });
});

describe('parsePageSignals', () => {
  it('accepts well-formed signals and caps long lists and strings', () => {
    const parsed = parsePageSignals(
      page('https://x.example/', { title: 'x'.repeat(5000), content: content({ buyControls: Array(100).fill('Buy') }) }),
    );
    expect(parsed?.title.length).toBe(500);
    expect(parsed?.content?.buyControls.length).toBe(20);
  });

  it.each([
    null,
    42,
    'signals',
    {},
    { url: 'https://x.example/' },
    { ...EMPTY_SIGNALS, url: 7 },
    { ...EMPTY_SIGNALS, url: 'https://x.example/', products: [{ ...product({}), offer: 'cheap' }] },
    { ...EMPTY_SIGNALS, url: 'https://x.example/', content: { buyControls: ['Buy'] } },
  ])('rejects %j', (input) => {
    expect(parsePageSignals(input)).toBeNull();
  });
});

describe('classifyPage: the equipment makers', () => {
  it('finds a Hikvision camera on a shop by its structured data (brand and model)', () => {
    const signals = page('https://www.newegg.com/p/1B4-01HV-00099', {
      title: 'DS-2CD2143G2-I 4MP AcuSense Fixed Dome Network Camera - Newegg.com',
      products: [product({ name: 'DS-2CD2143G2-I 4MP AcuSense Fixed Dome Network Camera', brand: 'HIKVISION', offer: 'paid' })],
    });
    expect(classify(signals)).toMatchObject({ vendor: 'hikvision', kind: 'purchase', reasons: ['page-product-data'] });
  });

  it('finds a Dahua camera from its model number in the heading and title, with a buy control and a price', () => {
    const signals = page('https://www.aliexpress.com/item/1005006123456789.html', {
      title: '4MP IPC-HFW2441S-S WizSense Bullet Network Camera PoE - AliExpress',
      headings: ['4MP IPC-HFW2441S-S WizSense Bullet Network Camera PoE IP67'],
      content: content({ buyControls: ['Buy now', 'Add to cart'], hasPrice: true }),
    });
    expect(classify(signals)).toMatchObject({
      vendor: 'dahua',
      kind: 'purchase',
      reasons: ['page-title-names-product', 'page-buy-control'],
    });
  });

  it('leaves another maker’s accessory for a DJI drone alone, by its brand or by "for DJI …" in its name', () => {
    const byBrand = page('https://www.walmart.com/ip/5011122233', {
      title: 'Skyreat Battery for DJI Mini 4 Pro, 3 Pack - Walmart.com',
      products: [product({ name: 'Skyreat Battery for DJI Mini 4 Pro, 3 Pack', brand: 'Skyreat', offer: 'paid' })],
    });
    const byName = page('https://www.newegg.com/p/2SA-000A-01234', {
      title: 'Intelligent Flight Battery Plus for DJI Mini 4 Pro / Mini 3 Pro - Newegg.com',
      headings: ['Intelligent Flight Battery Plus for DJI Mini 4 Pro / Mini 3 Pro'],
      content: content({ buyControls: ['Add to cart'], hasPrice: true }),
    });
    expect(classify(byBrand)).toMatchObject({ vendor: null, kind: 'none' });
    expect(classify(byName)).toMatchObject({ vendor: null, kind: 'none' });
    expect(needsContent(byName)).toBe(false);
  });

  it('leaves an Honor phone alone: Honor has not been Huawei’s since 2020', () => {
    const signals = page('https://www.amazon.com/dp/B0CW12ABCD', {
      title: 'Amazon.com: HONOR Magic6 Pro 5G, 12GB+512GB, Unlocked',
      headings: ['HONOR Magic6 Pro 5G, 12GB+512GB, Unlocked'],
      products: [product({ name: 'HONOR Magic6 Pro 5G', brand: 'HONOR', offer: 'paid' })],
      content: content({ buyControls: ['Add to Cart', 'Buy Now'], hasPrice: true }),
    });
    expect(classify(signals)).toMatchObject({ vendor: null, kind: 'none' });
  });

  it('leaves a news article about a maker alone, even with a shop link in it', () => {
    const signals = page('https://www.example-news.com/tech/fcc-adds-dji-and-autel-to-covered-list', {
      title: 'FCC adds DJI and Autel drones to the Covered List | Example News',
      headings: ['FCC adds DJI and Autel drones to the Covered List'],
      meta: meta({ ogType: 'article' }),
      pageTypes: ['NewsArticle'],
      content: content({ buyControls: ['Buy'], hasPrice: true }),
    });
    expect(classify(signals)).toMatchObject({ vendor: null, kind: 'none' });
  });
});
