/**
 * The "worker" section, in real Chromium: the service worker's heap after a long session of
 * navigations across many tabs, and the time from a navigation to the badge with the worker
 * stopped (cold) and running (warm).
 */
import type { Page } from 'playwright-core';
import type { FixtureServer } from '../harness/fixture-server/server.ts';
import type { FixturePageId } from '../harness/fixture-server/fixture-pages.ts';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium/launch.ts';
import { tabIdOf } from '../harness/chromium/tabs.ts';
import { ExtensionPage } from '../harness/chromium/extension-page.ts';
import { stopServiceWorker, WorkerDebugger } from '../harness/chromium/service-worker.ts';
import { distribution, type Distribution } from './stats.ts';

export interface WorkerBenchResult {
  /** Extra Chromium switches of this section's browser. */
  switches: string[];
  tabs: number;
  navigations: number;
  navigationSeconds: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  sessionStorageKB: number;
  coldToBadgeMs: Distribution;
  coldWorkerStartToBadgeMs: Distribution;
  warmToBadgeMs: Distribution;
}

/**
 * Each tab browses one site (a Kaspersky store, its blog, a download page, an unrelated site…),
 * a new URL each time: cross-site navigations would spend this two-core machine's time starting
 * renderer processes, not in the extension.
 */
const SESSION_PAGES: FixturePageId[] = [
  'kaspersky-store',
  'example-org',
  'kaspersky-blog',
  'kaspersky-uk-product',
  'kaspersky-download',
  'mirror-downloads',
];

/** ms from a navigation to its badge; on a cold start, also from the worker's start to the badge. */
interface BadgeTiming {
  total: number;
  fromWorkerStart: number | null;
}

/**
 * Time from the navigation to the tab's badge, the badge watched from an extension page (which
 * needs no service worker); `cold`: the worker is stopped first, so the navigation starts it.
 */
async function timeToBadge(
  browser: ExtensionBrowser,
  watcher: ExtensionPage,
  page: Page,
  tabId: number,
  url: string,
  cold: boolean,
): Promise<BadgeTiming> {
  // A vendor page that sells nothing first, so the badge is empty when the timed navigation starts.
  await page.goto(url.replace(/\/premium.*$/, '/blog/strong-password-tips/12345/'));
  await page.waitForTimeout(300);
  if ((await watcher.badgeText(tabId)) !== '') throw new Error('The badge did not clear');
  if (cold) await stopServiceWorker(browser.context, watcher.page);
  const watch = watcher.startBadgeWatch(tabId);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = Date.now();
  await page.goto(url);
  const setAt = await watch;
  if (setAt === null) throw new Error(`No badge on ${url}`);
  let fromWorkerStart: number | null = null;
  if (cold) {
    const worker = await WorkerDebugger.attach(browser.context);
    fromWorkerStart = setAt - (await worker.evaluate<number>('performance.timeOrigin'));
    await worker.detach();
  }
  return { total: setAt - started, fromWorkerStart };
}

/**
 * Chromium's back/forward cache swaps renderer processes even on same-site navigations; on two
 * cores that, not the extension, bounds how fast a script can navigate. The session turns it off
 * (the service worker's work per navigation is the same).
 */
const SESSION_SWITCHES = ['--disable-features=BackForwardCache', '--process-per-site'];

export async function benchWorker(
  server: FixtureServer,
  options: { tabs: number; navigations: number; coldStarts: number },
): Promise<WorkerBenchResult> {
  const browser = await launchWithExtension({ args: SESSION_SWITCHES });
  const { context } = browser;
  try {
    await context.newPage(); // keeps the window open while tabs come and go
    const debug = await WorkerDebugger.attach(context);
    const heapBefore = await debug.heapUsed();
    const pages = await Promise.all(Array.from({ length: options.tabs }, () => context.newPage()));
    const perTab = Math.ceil(options.navigations / options.tabs);
    const started = Date.now();
    let done = 0;
    let failed = 0;
    // Half the tabs navigate at a time, each to its next URL as soon as the last one committed.
    const lanes = Array.from({ length: Math.ceil(options.tabs / 2) }, (_, lane) =>
      pages.filter((_, i) => i % Math.ceil(options.tabs / 2) === lane),
    );
    await Promise.all(
      lanes.map(async (lane) => {
        for (let step = 0; step < perTab; step++) {
          for (const page of lane) {
            if (done + failed >= options.navigations) return;
            const tab = pages.indexOf(page);
            const url = `${server.url(SESSION_PAGES[tab % SESSION_PAGES.length]!)}?tab=${tab}&step=${step}`;
            const ok = await page.goto(url, { waitUntil: 'commit', timeout: 15_000 }).then(
              () => true,
              () => false,
            );
            if (ok) done++;
            else failed++;
          }
        }
      }),
    );
    if (failed > 0) console.warn(`  (${failed} of ${done + failed} navigations did not commit within 15 s)`);
    const navigationSeconds = (Date.now() - started) / 1000;
    // Let the last pages load and report, then measure.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const heapAfter = await debug.heapUsed();
    const sessionBytes = await debug.evaluate<number>('chrome.storage.session.getBytesInUse(null)');
    await debug.detach();
    await Promise.all(pages.map((page) => page.close()));

    const watcher = await ExtensionPage.open(browser);
    const page = await context.newPage();
    const url = server.url('kaspersky-store');
    await page.goto(url);
    const tabId = await tabIdOf(page, browser.serviceWorker);
    const cold: BadgeTiming[] = [];
    const warm: BadgeTiming[] = [];
    for (let i = 0; i < options.coldStarts; i++) {
      cold.push(await timeToBadge(browser, watcher, page, tabId, `${url}?cold=${i}`, true));
      warm.push(await timeToBadge(browser, watcher, page, tabId, `${url}?warm=${i}`, false));
    }
    return {
      switches: SESSION_SWITCHES,
      tabs: options.tabs,
      navigations: done,
      navigationSeconds,
      heapBeforeMB: heapBefore / 2 ** 20,
      heapAfterMB: heapAfter / 2 ** 20,
      sessionStorageKB: sessionBytes / 1024,
      coldToBadgeMs: distribution(cold.map((c) => c.total)),
      coldWorkerStartToBadgeMs: distribution(cold.map((c) => c.fromWorkerStart ?? NaN)),
      warmToBadgeMs: distribution(warm.map((w) => w.total)),
    };
  } finally {
    await browser.close();
  }
}
