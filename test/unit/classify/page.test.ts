import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../../src/core/classify/page.ts';
import { EMPTY_SIGNALS, parsePageSignals, type PageSignals } from '../../../src/core/classify/page-signals.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';

const page = (url: string, overrides: Partial<PageSignals>): PageSignals => ({ ...EMPTY_SIGNALS, url, ...overrides });
const classify = (signals: PageSignals) => classifyPage(signals, classifyUrl(signals.url));

describe('classifyPage', () => {
  it('finds a reseller listing the URL cannot name (Newegg item number)', () => {
    const signals = page('https://www.newegg.com/p/N82E16832108203', {
      title: 'Kaspersky Premium 2024, 3 Devices, 1 Year - Newegg.com',
      headings: ['Kaspersky Premium 2024 - 3 Devices, 1 Year'],
      buyControls: ['Add to cart'],
      hasPrice: true,
    });
    expect(classify(signals)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
  });

  it('uses JSON-LD product data with an offer', () => {
    const signals = page('https://www.walmart.com/ip/123456', {
      title: 'Security software - Walmart.com',
      products: [{ name: 'Total Security 5 Devices', brand: 'Kaspersky', hasOffer: true }],
    });
    expect(classify(signals)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase', reasons: ['page-product-data'] });
  });

  it('finds a download page from its heading and download control', () => {
    const signals = page('https://www.softwareportal.example/app/12345', {
      title: 'Kaspersky Free Antivirus 21.3 for Windows',
      headings: ['Kaspersky Free Antivirus'],
      downloadControls: ['Free download'],
    });
    expect(classify(signals)).toMatchObject({ vendor: 'kaspersky', kind: 'download' });
  });

  it('leaves a competitor listing alone even when the page mentions the vendor elsewhere', () => {
    const signals = page('https://www.newegg.com/p/N82E16832000001', {
      title: 'Bitdefender Total Security - Newegg.com',
      headings: ['Bitdefender Total Security 5 Devices'],
      meta: { ...EMPTY_SIGNALS.meta, description: 'Compare with Kaspersky Premium' },
      buyControls: ['Add to cart'],
      hasPrice: true,
    });
    expect(classify(signals)).toMatchObject({ vendor: null, kind: 'none' });
  });

  it('leaves reviews and news alone even with buy buttons', () => {
    const review = page('https://www.reviews.example/kaspersky-premium', {
      title: 'Kaspersky Premium review: still good?',
      headings: ['Kaspersky Premium review'],
      buyControls: ['Buy at Amazon'],
      hasPrice: true,
    });
    expect(classify(review).kind).toBe('none');
    const news = page('https://news.example/tech/123', {
      title: 'US bans Kaspersky software',
      headings: ['US bans Kaspersky software'],
      meta: { ...EMPTY_SIGNALS.meta, ogType: 'article' },
      buyControls: ['Subscribe'],
      hasPrice: true,
    });
    expect(classify(news).kind).toBe('none');
  });

  it('does not turn vendor blog pages into store pages because the menu sells', () => {
    const blog = page('https://www.kaspersky.com/blog/some-post/12345/', {
      title: 'How to spot phishing | Kaspersky official blog',
      headings: ['Kaspersky explains how to spot phishing'],
      buyControls: ['Buy now'],
      downloadControls: ['Download'],
      hasPrice: true,
    });
    expect(classify(blog)).toMatchObject({ vendor: 'kaspersky', kind: 'vendor' });
  });

  it('keeps a URL verdict of purchase and adds the page evidence', () => {
    const store = page('https://usa.kaspersky.com/premium', {
      title: 'Kaspersky Premium',
      products: [{ name: 'Kaspersky Premium', brand: 'Kaspersky', hasOffer: true }],
    });
    expect(classify(store)).toEqual({ vendor: 'kaspersky', kind: 'purchase', reasons: ['vendor-domain', 'vendor-store-page', 'page-product-data'] });
    expect(classify(page('https://usa.kaspersky.com/premium', {})).kind).toBe('purchase');
  });

  it('upgrades a vendor page that links to its installer', () => {
    const signals = page('https://www.kaspersky.com/some-new-product-page', {
      title: 'Kaspersky Premium',
      headings: ['Kaspersky Premium'],
      downloadControls: ['Download'],
      installerLinks: ['https://downloads.kaspersky-labs.com/main/kaspersky_premium/latest/full/kaspersky_premium.exe'],
    });
    expect(classify(signals)).toMatchObject({ vendor: 'kaspersky', kind: 'download', reasons: expect.arrayContaining(['page-installer-link']) });
  });
});

describe('parsePageSignals', () => {
  it('accepts well-formed signals and caps long lists and strings', () => {
    const parsed = parsePageSignals(page('https://x.example/', { title: 'x'.repeat(5000), buyControls: Array(100).fill('Buy') }));
    expect(parsed?.title.length).toBe(500);
    expect(parsed?.buyControls.length).toBe(20);
  });

  it.each([null, 42, 'signals', {}, { url: 'https://x.example/' }, { ...EMPTY_SIGNALS, url: 7 }])('rejects %j', (input) => {
    expect(parsePageSignals(input)).toBeNull();
  });
});
