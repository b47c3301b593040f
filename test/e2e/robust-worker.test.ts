/**
 * Worker restarts: the browser stops an idle extension service worker whenever it likes. Stop
 * it (CDP ServiceWorker.stopAllWorkers) in the middle of a session: badges, verdicts, a
 * dismissal and the organisation policy survive, and the next navigation is classified.
 *
 * The badge is read from an extension page (chrome.action needs no worker): Playwright's handle
 * on the worker dies with it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixturePageId } from '../../harness/fixture-server/fixture-pages.ts';
import { bannerText, clickBannerButton } from '../../harness/chromium/in-page.ts';
import { ExtensionPage } from '../../harness/chromium/extension-page.ts';
import { stopServiceWorker, WorkerDebugger } from '../../harness/chromium/service-worker.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

/** An organisation profile as the options page stores it: Reuters blocked, the UK store exempt. */
const POLICY = { blockedDomains: ['www.reuters.com'], exemptDomains: ['kaspersky.co.uk'], organizationName: 'Example Corp' };

describe('service worker restarts', () => {
  const suite = useExtensionSuite();
  let ext: ExtensionPage;

  beforeAll(async () => {
    ext = await ExtensionPage.open(suite.browser);
  });

  const open = async (id: FixturePageId): Promise<[Page, number]> => {
    const page = await suite.open(id);
    return [page, await ext.tabIdOf(page.url())];
  };
  const badge = (tabId: number) => ext.badgeText(tabId);

  it('keeps badges, verdicts, a dismissal and the policy across a stop, and classifies the next navigation', async () => {
    const { browser, server } = suite;
    await ext.setStorage('local', { importedPolicy: POLICY });

    const [store, storeTab] = await open('kaspersky-store');
    await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await clickBannerButton(store, 'dismiss');
    await expect.poll(() => bannerText(store), { timeout: 2_000 }).toBeNull();
    const [download, downloadTab] = await open('kaspersky-download');
    await expect.poll(() => bannerText(download), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    const [news, newsTab] = await open('reuters-news');
    await expect.poll(() => badge(newsTab), { timeout: WARN_TIMEOUT }).not.toBe('');
    for (const tab of [storeTab, downloadTab]) expect(await badge(tab)).not.toBe('');

    // Returns once the worker's target is gone (see stopServiceWorker).
    await stopServiceWorker(browser.context, ext.page);

    // Badges are browser state: all still there.
    for (const tab of [storeTab, downloadTab, newsTab]) expect(await badge(tab)).not.toBe('');

    // The restarted worker remembers each tab's verdict and the dismissal (storage.session).
    const storeState = await ext.tabState(storeTab);
    expect(storeState?.decision.verdict).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
    expect(storeState?.decision.silencedBy).toBe('dismissed');
    expect((await ext.tabState(downloadTab))?.decision.verdict.kind).toBe('download');
    expect((await ext.tabState(newsTab))?.decision.verdict.reasons).toContain('policy-blocked-domain');

    // A fragment change is the same page: the dismissal holds in the new worker.
    await stopServiceWorker(browser.context, ext.page);
    await store.evaluate(() => {
      location.hash = 'reviews';
    });
    await store.waitForTimeout(1_500);
    expect(await bannerText(store)).toBeNull();
    expect(await badge(storeTab)).not.toBe('');

    // The next navigations are classified, under the policy the new worker read from storage.
    await stopServiceWorker(browser.context, ext.page);
    const [uk, ukTab] = await open('kaspersky-uk-product');
    await uk.waitForTimeout(1_500);
    expect(await bannerText(uk)).toBeNull(); // exempt by policy
    expect(await badge(ukTab)).toBe('');
    await stopServiceWorker(browser.context, ext.page);
    await download.goto(server.url('amazon-kaspersky'));
    await expect.poll(() => bannerText(download), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await expect.poll(() => badge(downloadTab), { timeout: WARN_TIMEOUT }).not.toBe('');
    await stopServiceWorker(browser.context, ext.page);
    await news.goto(server.url('example-org'));
    await expect.poll(() => badge(newsTab), { timeout: WARN_TIMEOUT }).toBe('');

    // Nothing went wrong inside the worker on the way.
    const debug = await WorkerDebugger.attach(browser.context);
    try {
      expect(await debug.evaluate<boolean>("typeof chrome.action.getBadgeText === 'function'")).toBe(true);
    } finally {
      await debug.detach();
    }
    await ext.setStorage('local', { importedPolicy: {} });
  });

  it('a navigation made while the worker is stopped starts it and gets its warning', async () => {
    const { browser, server } = suite;
    await stopServiceWorker(browser.context, ext.page);
    const [store, tab] = await open('kaspersky-uk-product');
    await store.goto(server.url('kaspersky-store'));
    await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await expect.poll(() => badge(tab), { timeout: WARN_TIMEOUT }).not.toBe('');
  });
});
