/**
 * Load: 30 tabs opened at once on flagged and unflagged fixture pages. Every tab gets the right
 * badge (and the flagged ones their banner), and neither the service worker nor any page logs
 * an error or a warning.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FixturePageId } from '../../harness/fixture-server/fixture-pages.ts';
import { bannerText } from '../../harness/chromium/in-page.ts';
import { ExtensionPage } from '../../harness/chromium/extension-page.ts';
import { WorkerDebugger } from '../../harness/chromium/service-worker.ts';
import { ConsoleLog, type LoggedMessage } from './console-log.ts';
import { useExtensionSuite } from './suite.ts';

const FLAGGED: FixturePageId[] = [
  'kaspersky-store',
  'kaspersky-uk-product',
  'kaspersky-download',
  'amazon-kaspersky',
  'bestbuy-spa-kaspersky',
];
const UNFLAGGED: FixturePageId[] = [
  'kaspersky-blog',
  'amazon-bitdefender',
  'reuters-news',
  'example-org',
  'bestbuy-spa',
  'mirror-downloads',
];
const TABS = 30;

/** The fixture server serves no favicon: the browser's request for one is not the extension's doing. */
const isFaviconMiss = (entry: LoggedMessage) => entry.where.endsWith('/favicon.ico') && /404/.test(entry.text);

describe('load', () => {
  const suite = useExtensionSuite();

  it(`gives ${TABS} tabs opened at once the right badge, with a clean console`, async () => {
    const { browser, server } = suite;
    const log = new ConsoleLog(browser.context);
    const worker = await WorkerDebugger.attach(browser.context);
    const ext = await ExtensionPage.open(browser);
    const plan = Array.from({ length: TABS }, (_, i) => {
      const flagged = i % 2 === 0;
      const list = flagged ? FLAGGED : UNFLAGGED;
      return { id: list[Math.floor(i / 2) % list.length]!, flagged, url: `${server.url(list[Math.floor(i / 2) % list.length]!)}?tab=${i}` };
    });

    const pages: Page[] = await Promise.all(plan.map(() => browser.context.newPage()));
    await Promise.all(pages.map((page, i) => page.goto(plan[i]!.url)));

    for (const [i, page] of pages.entries()) {
      const { flagged, id } = plan[i]!;
      const tabId = await ext.tabIdOf(page.url());
      await expect.poll(() => ext.badgeText(tabId), { timeout: 15_000, message: `badge of tab ${i} (${id})` }).toBe(flagged ? '!' : '');
      if (flagged)
        await expect.poll(() => bannerText(page), { timeout: 15_000, message: `banner of tab ${i} (${id})` }).toContain('Kaspersky');
    }
    // Unflagged pages stay so once the extension has had time to look at them.
    await pages[0]!.waitForTimeout(1_000);
    for (const [i, page] of pages.entries()) {
      if (!plan[i]!.flagged) expect(await bannerText(page), `tab ${i} (${plan[i]!.id})`).toBeNull();
    }

    expect(worker.exceptions, 'uncaught errors in the service worker').toEqual([]);
    expect(
      worker.messages.filter((m) => m.type === 'error' || m.type === 'warning'),
      'service worker console',
    ).toEqual([]);
    expect(log.problems(isFaviconMiss), 'console errors and warnings').toEqual([]);
    await worker.detach();
    await ext.close();
    await Promise.all(pages.map((page) => page.close()));
  }, 120_000);
});
