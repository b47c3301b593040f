/**
 * The per-file set-up every e2e test file shares: one fixture server and one browser with the
 * extension for the whole file, pages opened by a test closed after it, everything closed in
 * afterAll even when a test (or beforeAll) failed.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server/server.ts';
import type { FixturePageId } from '../../harness/fixture-server/fixture-pages.ts';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/chromium/launch.ts';
import { badgeText, settle, tabIdOf } from '../../harness/chromium/tabs.ts';
import { bannerText } from '../../harness/chromium/in-page.ts';

/** How long a warning may take to appear on a flagged page, a busy CI runner included. */
export const WARN_TIMEOUT = 10_000;

export interface ExtensionSuite {
  readonly server: FixtureServer;
  readonly browser: ExtensionBrowser;
  /** A new tab on `url` (a fixture id or an absolute URL), closed after the current test. */
  open(target: FixturePageId | string, options?: { https?: boolean }): Promise<Page>;
  /** Banner containing "Kaspersky" and a non-empty badge appear on the page. */
  expectWarning(page: Page): Promise<void>;
  /** After the page settles there is no banner host element and the badge is empty. */
  expectNoWarning(page: Page): Promise<void>;
}

export function useExtensionSuite(): ExtensionSuite {
  let server: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const suite: ExtensionSuite = {
    get server() {
      if (!server) throw new Error('The fixture server did not start (see beforeAll).');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser did not start (see beforeAll).');
      return browser;
    },
    async open(target, options = {}) {
      const url = /^[a-z-]+:/.test(target) ? target : suite.server.url(target as FixturePageId, options);
      const page = await suite.browser.context.newPage();
      pages.push(page);
      await page.goto(url);
      return page;
    },
    async expectWarning(page) {
      const sw = suite.browser.serviceWorker;
      await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
      const tabId = await tabIdOf(page, sw);
      await expect.poll(() => badgeText(sw, tabId), { timeout: WARN_TIMEOUT }).not.toBe('');
    },
    async expectNoWarning(page) {
      const sw = suite.browser.serviceWorker;
      await settle(page);
      expect(await bannerText(page)).toBeNull();
      expect(await badgeText(sw, await tabIdOf(page, sw))).toBe('');
    },
  };
  return suite;
}
