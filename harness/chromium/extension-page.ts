/**
 * The extension's own pages (options, popup, blocking page) opened as tabs, and what they say:
 * the background's state for a tab, badges, storage and the popup's text.
 */
import type { Page } from 'playwright-core';
import type { TabState } from '../../src/platform/messages.ts';
import type { ExtensionBrowser } from './launch.ts';

/** The extension's own page URL, e.g. `extensionPage(b, 'src/ui/options/index.html')`. */
export function extensionPage(browser: Pick<ExtensionBrowser, 'extensionId'>, pagePath: string): string {
  return `chrome-extension://${browser.extensionId}/${pagePath.replace(/^\//, '')}`;
}

interface ChromeInPage {
  chrome: {
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    runtime: { sendMessage(message: object): Promise<unknown> };
    storage: Record<'local' | 'session', { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> }>;
  };
}

/**
 * An extension page to ask the browser and the background from: badges are browser state, so
 * reading them from here neither needs nor wakes the service worker.
 */
export class ExtensionPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<ExtensionPage> {
    const page = await browser.context.newPage();
    await page.goto(extensionPage(browser, 'src/ui/options/index.html'));
    return new ExtensionPage(page);
  }

  badgeText(tabId: number): Promise<string> {
    return this.page.evaluate((id) => (globalThis as unknown as ChromeInPage).chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** A request to the background, as the popup or options page sends it (wakes the worker). */
  send<T>(message: object): Promise<T> {
    return this.page.evaluate((m) => (globalThis as unknown as ChromeInPage).chrome.runtime.sendMessage(m), message) as Promise<T>;
  }

  /** The id of the one tab showing `url` (tabs without host access are found through webNavigation). */
  async tabIdOf(url: string): Promise<number> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const ids = await this.page.evaluate(async (wanted) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
              webNavigation: { getFrame(d: { tabId: number; frameId: number }): Promise<{ url: string } | null> };
            };
          }
        ).chrome;
        const found: number[] = [];
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined) continue;
          const frame = tab.url ? null : await api.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => null);
          if ((tab.url ?? frame?.url) === wanted) found.push(tab.id);
        }
        return found;
      }, url);
      if (ids.length === 1) return ids[0]!;
      if (Date.now() > deadline) throw new Error(`${ids.length} tabs show ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  tabState(tabId: number): Promise<TabState | null> {
    return this.send<TabState | null>({ type: 'get-tab-state', tabId });
  }

  storage(area: 'local' | 'session'): Promise<Record<string, unknown>> {
    return this.page.evaluate((a) => (globalThis as unknown as ChromeInPage).chrome.storage[a].get(null), area);
  }

  setStorage(area: 'local' | 'session', items: Record<string, unknown>): Promise<void> {
    return this.page.evaluate(
      ([a, i]) => (globalThis as unknown as ChromeInPage).chrome.storage[a as 'local' | 'session'].set(i as object),
      [area, items] as const,
    );
  }

  /**
   * Polls the tab's badge every millisecond in the page until it is set and returns when that
   * happened (epoch ms), or null after `timeout` ms. Start it before the navigation it times.
   */
  startBadgeWatch(tabId: number, timeout = 20_000): Promise<number | null> {
    return this.page.evaluate(
      async ([id, limit]) => {
        const api = (globalThis as unknown as ChromeInPage).chrome.action;
        const end = performance.now() + limit!;
        while (performance.now() < end) {
          if ((await api.getBadgeText({ tabId: id! })) !== '') return performance.timeOrigin + performance.now();
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        return null;
      },
      [tabId, timeout],
    );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The toolbar popup's text for a tab (opened as a page), once it has rendered. */
export async function popupText(browser: ExtensionBrowser, tabId: number): Promise<string> {
  const page = await browser.context.newPage();
  try {
    await page.goto(extensionPage(browser, `src/ui/popup/index.html?tab=${tabId}`));
    await page.waitForFunction(() => (document.getElementById('app')?.innerText ?? '').trim().length > 0, undefined, { timeout: 10_000 });
    await page.waitForTimeout(200);
    return await page.locator('body').innerText();
  } finally {
    await page.close();
  }
}
