/**
 * Which pages get a warning: vendor stores, the vendor's download page and reseller listings do;
 * the vendor's blog, a competitor's listing, news and unrelated sites do not. Also where the
 * content script runs at all, and HTTPS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixturePageId } from '../../harness/fixture-server/fixture-pages.ts';
import { settle, SETTLE_MS } from '../../harness/chromium/tabs.ts';
import { contentScriptInjected } from '../../harness/chromium/in-page.ts';
import { ExtensionPage } from '../../harness/chromium/extension-page.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const suite = useExtensionSuite();

describe('pages that sell or hand out Kaspersky software get the banner and the badge', () => {
  it.each<[string, FixturePageId]>([
    ['the Kaspersky US store page', 'kaspersky-store'],
    ['the Kaspersky UK product page', 'kaspersky-uk-product'],
    ['the Kaspersky download page', 'kaspersky-download'],
    ['the Amazon listing of Kaspersky Premium', 'amazon-kaspersky'],
  ])('%s', async (_name, id) => {
    await suite.expectWarning(await suite.open(id));
  });

  it('the store page over HTTPS', async () => {
    const page = await suite.open('kaspersky-store', { https: true });
    expect(page.url()).toMatch(/^https:\/\/usa\.kaspersky\.com:\d+\/premium$/);
    await suite.expectWarning(page);
  });
});

describe('pages that sell nothing from Kaspersky stay clean', () => {
  it('the Kaspersky blog article, the Amazon listing of Bitdefender, the Reuters news article about the ban and example.org (side by side, each given the time to settle)', async () => {
    const clean: FixturePageId[] = ['kaspersky-blog', 'amazon-bitdefender', 'reuters-news', 'example-org'];
    const pages = await Promise.all(clean.map((id) => suite.open(id)));
    await Promise.all(pages.map((page) => suite.expectNoWarning(page)));
  });
});

describe('the content script runs only where it may be needed', () => {
  it('is injected on the Kaspersky store page', async () => {
    const page = await suite.open('kaspersky-store');
    await expect.poll(() => contentScriptInjected(page), { timeout: WARN_TIMEOUT }).toBe(true);
  });

  it('is not injected on example.org or the Reuters news article', async () => {
    const pages = await Promise.all((['example-org', 'reuters-news'] as const).map((id) => suite.open(id)));
    await Promise.all(pages.map(settle));
    for (const page of pages) expect(await contentScriptInjected(page), page.url()).toBe(false);
  });
});

/*
 * The equipment makers: detection only (what the reader is told, and how loudly, is the
 * decision's and the UI's). Each page's verdict is read from the worker's record of its tab.
 */
describe('the equipment makers: their store, a shop listing known by its content and a download page are flagged', () => {
  let extension: ExtensionPage;
  beforeAll(async () => {
    extension = await ExtensionPage.open(suite.browser);
  });
  afterAll(async () => {
    await extension.page.close();
  });

  /** The verdict the worker stored for the page's tab and its badge, once the page has reported (or settled). */
  async function outcome(id: FixturePageId, flagged: boolean) {
    const page = await suite.open(id, { https: true });
    const tabId = await extension.tabIdOf(page.url());
    const read = async () => ({ state: await extension.tabState(tabId), badge: await extension.badgeText(tabId) });
    if (flagged) await expect.poll(async () => (await read()).badge, { timeout: WARN_TIMEOUT }).not.toBe('');
    else await page.waitForTimeout(SETTLE_MS);
    const { state, badge } = await read();
    return {
      kind: state?.decision.verdict.kind ?? 'none',
      vendor: state?.decision.verdict.vendor ?? null,
      rule: state?.decision.verdict.rule ?? null,
      badge,
    };
  }

  it.each<[string, FixturePageId, string, string, string]>([
    ['the DJI Store product page', 'dji-store-product', 'purchase', 'dji', 'vendor-store-host'],
    ['a Hikvision camera on Newegg, named only by the page', 'newegg-hikvision-camera', 'purchase', 'hikvision', 'page-content'],
    ['the Hik-Connect download page', 'hikvision-hik-connect-download', 'download', 'hikvision', 'vendor-download-page'],
  ])('%s', async (_name, id, kind, vendor, rule) => {
    const result = await outcome(id, true);
    expect(result).toMatchObject({ kind, vendor, rule });
    expect(result.badge).not.toBe('');
  });

  it("leaves alone another maker's battery for the DJI Mini 4 Pro, an Honor phone and a news article on the FCC drone listing", async () => {
    // Opened together: each must still show nothing once it has settled.
    const ids: FixturePageId[] = ['walmart-battery-for-dji', 'bestbuy-honor-phone', 'news-fcc-drones'];
    const results = await Promise.all(ids.map((id) => outcome(id, false)));
    expect(Object.fromEntries(ids.map((id, index) => [id, results[index]]))).toEqual(
      Object.fromEntries(ids.map((id) => [id, { kind: 'none', vendor: null, rule: null, badge: '' }])),
    );
  });
});
