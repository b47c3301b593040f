/**
 * Tabs as the extension sees them, asked from its service worker: a page's tab id, the badge
 * the extension set on it, and how long to wait before concluding that it shows nothing.
 */
import type { Page, Worker } from 'playwright-core';
import { runningServiceWorker } from './launch.ts';

/** The slice of the `chrome` API these helpers call inside the service worker. */
interface ChromeInWorker {
  chrome: {
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
    webNavigation: {
      getFrame(details: { tabId: number; frameId: number }): Promise<{ url: string } | null>;
    };
  };
}

/** The badge text the extension set for a tab ("" when none). */
export async function badgeText(sw: Worker, tabId: number): Promise<string> {
  return sw.evaluate((id) => (globalThis as unknown as ChromeInWorker).chrome.action.getBadgeText({ tabId: id }), tabId);
}

/**
 * The browser tab id of a page, found by its current URL. The extension has no "tabs"
 * permission, so tabs on hosts outside its content-script matches carry no URL; for those the
 * main-frame URL comes from webNavigation.
 */
export async function tabIdOf(page: Page, sw?: Worker): Promise<number> {
  const worker = sw ?? runningServiceWorker(page.context());
  const url = page.url();
  const deadline = Date.now() + 5_000;
  for (;;) {
    const ids = await worker.evaluate(async (wanted) => {
      const api = (globalThis as unknown as ChromeInWorker).chrome;
      const matches: number[] = [];
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        let tabUrl = tab.url;
        if (!tabUrl) {
          const frame = await api.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => null);
          tabUrl = frame?.url;
        }
        if (tabUrl === wanted) matches.push(tab.id);
      }
      return matches;
    }, url);
    if (ids.length === 1 && ids[0] !== undefined) return ids[0];
    if (ids.length > 1) throw new Error(`Several tabs show ${url}; tabIdOf needs a unique URL.`);
    if (Date.now() > deadline) throw new Error(`No tab found for ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * How long a test waits before concluding that the extension shows nothing on a page. On this
 * machine a warning appears about 200–600 ms after `load`; the margin covers a busy CI runner.
 */
export const SETTLE_MS = 2_000;

/** Waits until the page has loaded and the extension has had time to decide. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(SETTLE_MS);
}

/**
 * Waits until the tab shows an address that passes `arrived`, then for that page's DOM. It polls
 * the address: Playwright's waitForURL follows the navigation in flight, and fails when the
 * extension's redirect (to the blocking page, say) aborts that navigation.
 */
export async function waitForAddress(page: Page, arrived: (url: string) => boolean, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!arrived(page.url())) {
    if (Date.now() > deadline) throw new Error(`the tab stayed on ${page.url()}`);
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState('domcontentloaded');
}

/** Whether the address is the extension's blocking page. */
export const isBlockingPage = (url: string): boolean => /^chrome-extension:\/\/[a-p]{32}\/src\/ui\/blocked\/index\.html/.test(url);
