/**
 * Page-level precision and recall of detection from page content, in real Chromium with the
 * built extension: every page of test/fixtures/content-pages.ts (a Kaspersky listing, a
 * competitor's listing with traps, and a page that only mentions Kaspersky, on each of 18 shops,
 * download portals and app stores) is loaded in one browser, and the verdict the worker stored
 * for its tab is compared with what the page is. Prints the figures and every miss.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONTENT_PAGES, type ContentPage } from '../../harness/fixture-server/content-pages.ts';
import { badgeText, SETTLE_MS, tabIdOf } from '../../harness/chromium/tabs.ts';
import { contentScriptInjected } from '../../harness/chromium/in-page.ts';
import { ExtensionPage } from '../../harness/chromium/extension-page.ts';
import { ContentScriptProbe } from '../../harness/chromium/content-probe.ts';
import { useExtensionSuite } from './suite.ts';

/** Tabs visiting pages at once: a visit mostly waits for the page's report. */
const LANES = 6;

interface Outcome {
  page: ContentPage;
  kind: string;
  reasons: string[];
  badge: string;
}

const suite = useExtensionSuite();
const outcomes: Outcome[] = [];

const flagged = (kind: string) => kind === 'purchase' || kind === 'download';
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Flagged for what the page shows: page evidence only, no URL rule. */
const decidedByContent = (o: Outcome) => o.reasons.length > 0 && o.reasons.every((reason) => reason.startsWith('page-'));

/** Waits until `condition` holds or `timeoutMs` passes; the outcome is read afterwards either way. */
async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline && !(await condition());)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

/** A tab that visits pages one after another, with the probe that reads its content script. */
interface Lane {
  tab: Page;
  probe: ContentScriptProbe;
}

async function visit(page: ContentPage, { tab, probe }: Lane, extension: ExtensionPage): Promise<Outcome> {
  const { browser, server } = suite;
  // The previous page's content script is gone with its page: only the new one's may answer.
  probe.forgetContexts();
  await tab.goto(server.url(page.id, { https: true }));
  const tabId = await tabIdOf(tab, browser.serviceWorker);
  const read = () => extension.tabState(tabId);
  // On a busy machine the worker may not have recorded the navigation yet.
  await until(async () => (await read())?.url === tab.url(), 15_000);
  // A listing URL may be flagged at navigation and cleared by the page's report: read the state
  // once the page has reported as loaded (where no content script runs, after a pause).
  if (await probe.injected()) expect(await probe.waitForReportAfterLoad(15_000), `${page.id}: no report on the loaded page`).toBe(true);
  else await tab.waitForTimeout(SETTLE_MS);
  if (flagged(page.expected)) await until(async () => flagged((await read())?.decision.verdict.kind ?? 'none'), 8_000);
  const state = await read();
  return {
    page,
    kind: state?.decision.verdict.kind ?? 'none',
    reasons: state?.decision.verdict.reasons ?? [],
    badge: await badgeText(browser.serviceWorker, tabId),
  };
}

// After the suite's own beforeAll (server and browser): every page is visited once, up front.
beforeAll(async () => {
  const { browser } = suite;
  // One extension page, kept open for the whole run, to ask the worker from.
  const extension = await ExtensionPage.open(browser);
  // LANES tabs take the pages in turn (a new tab per page costs more than the visit itself).
  const queue = [...CONTENT_PAGES];
  const visited = new Map<ContentPage, Outcome>();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      const tab = await browser.context.newPage();
      const lane = { tab, probe: await ContentScriptProbe.attach(tab, browser.extensionId) };
      try {
        for (let page = queue.shift(); page; page = queue.shift()) visited.set(page, await visit(page, lane, extension));
      } finally {
        await lane.probe.detach();
        await tab.close();
      }
    }),
  );
  outcomes.push(...CONTENT_PAGES.map((page) => visited.get(page)!));
  await extension.close();

  const listings = outcomes.filter((o) => flagged(o.page.expected));
  const flaggedPages = outcomes.filter((o) => flagged(o.kind));
  const truePositives = flaggedPages.filter((o) => flagged(o.page.expected));
  const misses = outcomes.filter((o) => flagged(o.kind) !== flagged(o.page.expected) || (flagged(o.kind) && o.kind !== o.page.expected));
  const precision = ratio(truePositives.length, flaggedPages.length);
  const recall = ratio(truePositives.length, listings.length);
  const rightKind = ratio(truePositives.filter((o) => o.kind === o.page.expected).length, truePositives.length);
  console.log(
    [
      `Page-level detection over ${outcomes.length} fixture pages (${listings.length} listings, ${outcomes.length - listings.length} competitor or mention pages):`,
      `  precision ${precision.toFixed(3)} (${truePositives.length}/${flaggedPages.length} flagged pages are listings)`,
      `  recall    ${recall.toFixed(3)} (${truePositives.length}/${listings.length} listings flagged)`,
      `  right kind on ${(rightKind * 100).toFixed(0)}% of flagged listings`,
      `  flagged from page content alone (the URL named no product): ${truePositives
        .filter(decidedByContent)
        .map((o) => o.page.site)
        .join(', ')}`,
      `  decided by the URL alone (no content script allowed): ${outcomes
        .filter((o) => o.page.urlOnly)
        .map((o) => o.page.id)
        .join(', ')}`,
      misses.length === 0
        ? '  misses: none'
        : `  misses:\n${misses.map((o) => `    ${o.page.id} (${o.page.description}): expected ${o.page.expected}, got ${o.kind} [${o.reasons.join(', ')}]`).join('\n')}`,
    ].join('\n'),
  );
}, 300_000);

describe('page-level detection on shops, download portals and app stores', () => {
  it('flags no competitor listing and no page that only mentions the vendor (precision 1.0)', () => {
    const falsePositives = outcomes.filter((o) => !flagged(o.page.expected) && flagged(o.kind)).map((o) => o.page.id);
    expect(falsePositives).toEqual([]);
  });

  it('flags at least 90% of the vendor listings (recall ≥ 0.9)', () => {
    const listings = outcomes.filter((o) => flagged(o.page.expected));
    expect(listings.length).toBe(18);
    expect(listings.filter((o) => flagged(o.kind)).length / listings.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every flagged listing the right kind: purchase at shops, download at portals and stores', () => {
    const wrong = outcomes.filter((o) => flagged(o.kind) && o.kind !== o.page.expected).map((o) => `${o.page.id}: ${o.kind}`);
    expect(wrong).toEqual([]);
  });

  it('marks the badge exactly where the verdict flags the page', () => {
    const mismatched = outcomes
      .filter((o) => flagged(o.kind) !== (o.badge !== ''))
      .map((o) => `${o.page.id}: ${o.kind}, badge "${o.badge}"`);
    expect(mismatched).toEqual([]);
  });

  it('runs no content script on the Chrome Web Store (Chrome forbids it): there only the URL, an app id, decides', async () => {
    const { browser, server } = suite;
    const tab = await browser.context.newPage();
    try {
      await tab.goto(server.url('content-chromewebstore-listing', { https: true }));
      await tab.waitForTimeout(SETTLE_MS);
      expect(await contentScriptInjected(tab, browser.extensionId)).toBe(false);
    } finally {
      await tab.close();
    }
    expect(outcomes.find((o) => o.page.id === 'content-chromewebstore-listing')?.reasons).toEqual(['extension-store-listing']);
  });

  it('decides from content where the URL cannot: listings whose address names no product are flagged for what they show', () => {
    const fromContent = outcomes.filter((o) => flagged(o.kind) && decidedByContent(o));
    expect(fromContent.map((o) => o.page.site).sort()).toEqual(
      expect.arrayContaining(['amazon', 'apple', 'bestbuy', 'ebay', 'googleplay', 'msstore', 'newegg', 'walmart']),
    );
  });
});
