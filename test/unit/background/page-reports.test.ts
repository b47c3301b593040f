import { describe, expect, it } from 'vitest';
import { onNavigation } from '../../../src/background/navigation.ts';
import { allowSite, dismissPage, pageSignals } from '../../../src/background/page-reports.ts';
import type { PageSignals } from '../../../src/core/classify/page-signals.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { contentSender, fakeBrowser, signals, type FakeBrowser } from './fakes.ts';

const report = (fake: FakeBrowser, tabId: number, url: string, sent: PageSignals) =>
  pageSignals(fake.worker, { type: 'page-signals', signals: sent }, contentSender(tabId, url));

/** A shop's product page whose URL names nothing: the page's JSON-LD says it sells Kaspersky. */
const WALMART = 'https://www.walmart.com/ip/123456';
const walmartProduct = signals(WALMART, {
  title: 'Security software - Walmart.com',
  products: [{ name: 'Total Security 5 Devices', brand: 'Kaspersky', software: false, offer: 'paid', downloadable: false }],
});

/** A single-page shop's product page: its heading names the product, the buy button is in the main area. */
const SPA = 'https://www.bestbuy.com/site/p/6560001';
const spaCheap = signals(SPA, { title: 'Kaspersky Premium - Best Buy', headings: ['Kaspersky Premium'] });
const spaFull = signals(
  SPA,
  { title: 'Kaspersky Premium - Best Buy', headings: ['Kaspersky Premium'] },
  { buyControls: ['Add to cart'], hasPrice: true },
);

describe('page reports', () => {
  it("keeps the URL's verdict when the page adds nothing", async () => {
    const fake = fakeBrowser();
    const url = 'https://usa.kaspersky.com/premium';
    const answer = await report(fake, 1, url, signals(url));
    expect(answer.needsContent).toBe(false);
    expect(fake.tabRecords.get(1)?.verdict).toEqual(classifyUrl(url));
    expect(answer.view).toMatchObject({ decision: { banner: true, badge: true }, vendor: { name: 'Kaspersky' }, markTiles: false });
  });

  it("flags a page by its own content where the URL says nothing, and the URL's verdict is none", async () => {
    const fake = fakeBrowser();
    expect(classifyUrl(WALMART).kind).toBe('none');
    const answer = await report(fake, 1, WALMART, walmartProduct);
    expect(fake.tabRecords.get(1)).toMatchObject({
      url: WALMART,
      site: 'walmart.com',
      verdict: { vendor: 'kaspersky', kind: 'purchase', reasons: ['page-product-data'] },
    });
    expect(answer).toMatchObject({ needsContent: false, view: { decision: { banner: true }, vendor: { name: 'Kaspersky' } } });
    expect(fake.badgeOf(1)).toEqual({ flagged: true, title: 'banner_headline_purchase(Kaspersky)' });
  });

  it('never flags an exempt domain, whatever the page shows', async () => {
    const fake = fakeBrowser({ policy: { exemptDomains: ['walmart.com'] } });
    const answer = await report(fake, 1, WALMART, walmartProduct);
    expect(fake.tabRecords.get(1)?.verdict).toEqual({ vendor: null, kind: 'none', reasons: ['policy-exempt'], rule: 'policy-exempt' });
    expect(answer).toMatchObject({ needsContent: false, view: { decision: { banner: false, badge: false } } });
  });

  it('ignores the URL a report claims when it is not the page the tab shows', async () => {
    const fake = fakeBrowser();
    // The page claims to be the vendor's store; the tab shows a news article.
    const news = 'https://www.reuters.com/technology/kaspersky-ban/';
    await report(fake, 1, news, signals('https://usa.kaspersky.com/premium'));
    expect(fake.tabRecords.get(1)).toMatchObject({ url: news, site: 'reuters.com', verdict: { kind: 'none' } });
    expect(fake.badgeOf(1)?.flagged).toBe(false);
    // A report about the same page with a fragment is the page's own.
    await report(fake, 2, WALMART, signals(`${WALMART}#reviews`, { products: walmartProduct.products }));
    expect(fake.tabRecords.get(2)).toMatchObject({ url: `${WALMART}#reviews`, verdict: { kind: 'purchase' } });
  });

  it("asks for the page's main area when the cheap signals name a vendor and settle nothing", async () => {
    const fake = fakeBrowser();
    const cheap = await report(fake, 1, SPA, spaCheap);
    expect(cheap.needsContent).toBe(true);
    expect(cheap.view.decision.banner).toBe(false);
    const full = await report(fake, 1, SPA, spaFull);
    expect(full.needsContent).toBe(false);
    expect(fake.tabRecords.get(1)?.verdict).toMatchObject({
      vendor: 'kaspersky',
      kind: 'purchase',
      reasons: ['page-title-names-product', 'page-buy-control'],
    });
    expect(full.view.decision.banner).toBe(true);
  });

  it("keeps the last full verdict while the page's content is pending: the warning does not blink off", async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 1, SPA, false);
    await report(fake, 1, SPA, spaCheap);
    await report(fake, 1, SPA, spaFull);
    expect(fake.badgeOf(1)?.flagged).toBe(true);
    const badgesBefore = fake.badges.length;

    // The app changes the page (a new title): the content script reports the cheap signals again.
    const again = await report(
      fake,
      1,
      SPA,
      signals(SPA, { title: 'Kaspersky Premium, 3 devices - Best Buy', headings: ['Kaspersky Premium'] }),
    );
    expect(again.needsContent).toBe(true);
    expect(again.view.decision.banner).toBe(true);
    expect(fake.tabRecords.get(1)?.verdict).toMatchObject({ kind: 'purchase', reasons: ['page-title-names-product', 'page-buy-control'] });
    expect(fake.badges.slice(badgesBefore).map(({ flagged }) => flagged)).toEqual([true]);

    // The main area arrives and shows no way to buy any more: now the warning goes.
    const settled = await report(
      fake,
      1,
      SPA,
      signals(SPA, { title: 'Kaspersky Premium - Best Buy', headings: ['Kaspersky Premium'] }, {}),
    );
    expect(settled.needsContent).toBe(false);
    expect(settled.view.decision.banner).toBe(false);
    expect(fake.badgeOf(1)?.flagged).toBe(false);
  });

  it('does not carry a verdict over to another page: a first cheap report there stands on its own', async () => {
    const fake = fakeBrowser();
    await report(fake, 1, SPA, spaFull);
    const other = 'https://www.bestbuy.com/site/p/6560002';
    const answer = await report(fake, 1, other, signals(other, { title: 'Kaspersky Plus - Best Buy', headings: ['Kaspersky Plus'] }));
    expect(answer.needsContent).toBe(true);
    expect(fake.tabRecords.get(1)).toMatchObject({ url: other, verdict: { kind: 'none' } });
    expect(answer.view.decision.banner).toBe(false);
  });

  it('takes malformed signals as a report of the URL alone', async () => {
    const fake = fakeBrowser();
    const answer = await report(fake, 1, WALMART, { url: WALMART } as PageSignals);
    expect(answer.needsContent).toBe(false);
    expect(fake.tabRecords.get(1)).toMatchObject({ url: WALMART, verdict: classifyUrl(WALMART) });
  });

  it('dismisses the banner on this page only, and keeps the badge', async () => {
    const fake = fakeBrowser();
    await report(fake, 1, WALMART, walmartProduct);
    const view = await dismissPage(fake.worker, contentSender(1, WALMART));
    expect(view.decision).toMatchObject({ banner: false, badge: true, silencedBy: 'dismissed' });
    expect(fake.tabRecords.get(1)?.dismissed).toBe(true);
    // A tab the worker knows nothing about stays unknown.
    await dismissPage(fake.worker, contentSender(2, WALMART));
    expect(fake.tabRecords.has(2)).toBe(false);
  });

  it('allows the site when the organisation lets users keep an allowlist', async () => {
    const fake = fakeBrowser();
    await report(fake, 1, WALMART, walmartProduct);
    const view = await allowSite(fake.worker, contentSender(1, WALMART));
    expect(fake.savedUser.map((settings) => settings.allowedSites)).toEqual([['walmart.com']]);
    expect(view.decision).toMatchObject({ banner: false, badge: false, silencedBy: 'site-allowed' });
  });

  it('allows nothing when the organisation forbids a user allowlist', async () => {
    const fake = fakeBrowser({ policy: { allowUserAllowlist: false } });
    await report(fake, 1, WALMART, walmartProduct);
    const view = await allowSite(fake.worker, contentSender(1, WALMART));
    expect(fake.savedUser).toEqual([]);
    expect(view.decision).toMatchObject({ banner: true, silencedBy: null });
  });
});
