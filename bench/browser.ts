/**
 * The benchmark's real-Chromium parts: what the content script costs a page (its own
 * performance.now() timings, read from its isolated world over CDP), where it does not run at
 * all, the service worker's heap after 1,000 navigations across 50 tabs, and the time from a
 * navigation to the badge with the worker stopped (cold) and running (warm).
 */
import type { Page } from 'playwright-core';
import type { FixtureServer } from '../harness/fixture-server/server.ts';
import { FIXTURE_PAGES, type FixturePageId } from '../harness/fixture-server/fixture-pages.ts';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium/launch.ts';
import { tabIdOf } from '../harness/chromium/tabs.ts';
import { contentScriptInjected } from '../harness/chromium/in-page.ts';
import { ExtensionPage } from '../harness/chromium/extension-page.ts';
import { stopServiceWorker, WorkerDebugger } from '../harness/chromium/service-worker.ts';
import { generatedPath, ROBUST_HOST } from '../harness/fixture-server/robust-pages.ts';
import { ContentScriptProbe } from '../harness/chromium/content-probe.ts';
import type { ReportTiming } from '../src/content/timings.ts';
import { median, quantile } from './url.ts';

export interface Distribution {
  samples: number;
  median: number;
  p95: number;
}

const distribution = (values: number[]): Distribution => ({ samples: values.length, median: median(values), p95: quantile(values, 0.95) });

/**
 * What limits the page cost, timed in the page's own world right after a fresh load: the lookups
 * every page gets from the collector's cheap stage (src/content/signals.ts: head meta, the first
 * h1, the scan for JSON-LD scripts), the document-wide control query the collector no longer
 * makes (it walks only the main area, and only when the page names a vendor), and the first
 * Intl.DateTimeFormat of a renderer (the banner formats its dates).
 */
export interface PageReference {
  cheapStageMs: number;
  controlsQueryMs: number;
  controlsMatched: number;
  firstIntlMs: number;
}

const REFERENCE_SCRIPT = `(() => {
  const time = (run) => { const start = performance.now(); const value = run(); return [performance.now() - start, value]; };
  const [cheapStageMs] = time(() => [
    [...document.head.getElementsByTagName('meta')].map((tag) => tag.content),
    document.querySelector('h1')?.textContent,
    [...document.querySelectorAll('script[type="application/ld+json" i]')].map((script) => script.textContent),
  ]);
  const [controlsQueryMs, controlsMatched] = time(() => document.querySelectorAll('button, a[href], input[type="submit"], input[type="button"], [role="button"]').length);
  const [firstIntlMs] = time(() => new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date()));
  return { cheapStageMs, controlsQueryMs, controlsMatched, firstIntlMs };
})()`;

export interface PageCostRow {
  page: string;
  reference?: PageReference;
  htmlKB: number;
  elements: number;
  /** Reading the page (collectSignals), on the page's main thread. */
  collectMs: Distribution;
  /** Collection plus showing the banner: all the content script does on the main thread. */
  mainThreadMs: Distribution;
  /** Collection, the background's decision (a message round trip) and rendering. */
  verdictMs: Distribution;
}

const summarize = (page: string, htmlKB: number, elements: number, timings: ReportTiming[]): PageCostRow => ({
  page,
  htmlKB,
  elements,
  collectMs: distribution(timings.map((t) => t.collectMs)),
  mainThreadMs: distribution(timings.map((t) => t.collectMs + t.renderMs)),
  verdictMs: distribution(timings.map((t) => t.collectMs + t.decideMs + t.renderMs)),
});

/** The first report on each of `loads` loads of a generated store page of `kb` KB. */
async function pageCost(browser: ExtensionBrowser, server: FixtureServer, kb: number, loads: number): Promise<PageCostRow> {
  const page = await browser.context.newPage();
  const probe = await ContentScriptProbe.attach(page, browser.extensionId);
  const url = `http://${ROBUST_HOST}:${server.httpPort}${generatedPath(kb)}`;
  const timings: ReportTiming[] = [];
  let elements = 0;
  let htmlKB = 0;
  let reference: PageReference | undefined;
  try {
    for (let i = 0; i < loads; i++) {
      await page.goto(`${url}?load=${i}`);
      const [first] = await probe.waitForReports(0, 30_000);
      timings.push(first!);
      if (i === 0) {
        [elements, htmlKB] = await page.evaluate(() => [
          document.getElementsByTagName('*').length,
          document.documentElement.outerHTML.length / 1024,
        ]);
      }
    }
    // A fresh load (new renderer, nothing warm) for the reference timings.
    await page.goto(`${url}?reference`);
    reference = (await page.evaluate(REFERENCE_SCRIPT)) as PageReference;
  } finally {
    await probe.detach();
    await page.close();
  }
  return { ...summarize(`store page, ${kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`}`, Math.round(htmlKB), elements, timings), reference };
}

/** A single-page app session: `navigations` pushState navigations between two listings, each reported on. */
async function spaSession(
  browser: ExtensionBrowser,
  server: FixtureServer,
  navigations: number,
): Promise<PageCostRow & { firstTenthMs: number; lastTenthMs: number }> {
  const page = await browser.context.newPage();
  const probe = await ContentScriptProbe.attach(page, browser.extensionId);
  const paths = FIXTURE_PAGES.filter((p) => p.id === 'bestbuy-spa-kaspersky' || p.id === 'bestbuy-spa-bitdefender').map((p) => p.path);
  try {
    await page.goto(server.url('bestbuy-spa'));
    let reports = (await probe.waitForReports(0, 15_000)).length;
    for (let i = 0; i < navigations; i++) {
      await page.evaluate(
        (path) => {
          history.pushState({}, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
        },
        paths[i % paths.length]!,
      );
      // The content script looks 250 ms after a URL change (SPA_SETTLE_MS): wait for that report.
      reports = (await probe.waitForReports(reports, 5_000)).length;
    }
    const timings = (await probe.timings()).slice(1);
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const tenth = Math.max(1, Math.floor(timings.length / 10));
    const collect = (list: ReportTiming[]) => median(list.map((t) => t.collectMs + t.renderMs));
    return {
      ...summarize(`SPA session, ${navigations} pushState navigations`, 0, elements, timings),
      firstTenthMs: collect(timings.slice(0, tenth)),
      lastTenthMs: collect(timings.slice(-tenth)),
    };
  } finally {
    await probe.detach();
    await page.close();
  }
}

export interface InjectionRow {
  page: string;
  url: string;
  injected: boolean;
}

async function injection(browser: ExtensionBrowser, server: FixtureServer): Promise<InjectionRow[]> {
  const pages: [string, FixturePageId][] = [
    ['unrelated site (example.org)', 'example-org'],
    ['news article about the ban (reuters.com)', 'reuters-news'],
    ['Kaspersky store page', 'kaspersky-store'],
  ];
  const rows: InjectionRow[] = [];
  for (const [name, id] of pages) {
    const page = await browser.context.newPage();
    const url = server.url(id);
    await page.goto(url);
    await page.waitForTimeout(500);
    rows.push({ page: name, url, injected: await contentScriptInjected(page, browser.extensionId) });
    await page.close();
  }
  return rows;
}

export interface PageBenchResult {
  pages: PageCostRow[];
  spa: PageCostRow & { firstTenthMs: number; lastTenthMs: number };
  injection: InjectionRow[];
  contentScriptMatchPatterns: number;
}

export async function benchPages(
  server: FixtureServer,
  options: { navigations: number; loads: Record<number, number> },
): Promise<PageBenchResult> {
  const browser = await launchWithExtension();
  try {
    const pages: PageCostRow[] = [];
    for (const [kb, loads] of Object.entries(options.loads)) pages.push(await pageCost(browser, server, Number(kb), loads));
    const spa = await spaSession(browser, server, options.navigations);
    const matches = await browser.serviceWorker.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { content_scripts?: { matches?: string[] }[] } } } }
        ).chrome.runtime.getManifest().content_scripts?.[0]?.matches?.length ?? 0,
    );
    return { pages, spa, injection: await injection(browser, server), contentScriptMatchPatterns: matches };
  } finally {
    await browser.close();
  }
}

/* ------------------------------------------------------------------------------------------ */
/* The service worker: heap after a long session, and cold start                                */
/* ------------------------------------------------------------------------------------------ */

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
): Promise<{ total: number; fromWorkerStart: number | null }> {
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
    const cold: { total: number; fromWorkerStart: number | null }[] = [];
    const warm: { total: number; fromWorkerStart: number | null }[] = [];
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
