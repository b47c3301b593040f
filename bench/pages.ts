/**
 * The "pages" section, in real Chromium: what the content script costs a page (its own
 * performance.now() timings, read from its isolated world over CDP) on store pages of growing
 * size and over a long single-page-app session, and the pages where it does not run at all.
 */
import type { FixtureServer } from '../harness/fixture-server/server.ts';
import { FIXTURE_PAGES, type FixturePageId } from '../harness/fixture-server/fixture-pages.ts';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium/launch.ts';
import { contentScriptInjected } from '../harness/chromium/in-page.ts';
import { generatedPath, ROBUST_HOST } from '../harness/fixture-server/robust-pages.ts';
import { ContentScriptProbe } from '../harness/chromium/content-probe.ts';
import type { ReportTiming } from '../src/content/timings.ts';
import { distribution, median, type Distribution } from './stats.ts';

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

/** A page-cost row for the SPA session, with the drift from its first tenth to its last. */
export type SpaSessionRow = PageCostRow & { firstTenthMs: number; lastTenthMs: number };

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
async function spaSession(browser: ExtensionBrowser, server: FixtureServer, navigations: number): Promise<SpaSessionRow> {
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
  spa: SpaSessionRow;
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
