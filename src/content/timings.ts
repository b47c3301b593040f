/**
 * What each report costs the page, measured with `performance.now()` inside the content script:
 * collecting the signals, the background's decision (a message round trip), rendering. Kept in
 * the content script's own isolated world, where the page cannot read it (no performance marks
 * a page could use to detect the extension); `npm run bench` reads it over the DevTools
 * protocol. Bounded, so a long single-page-app session holds at most LIMIT entries.
 */
export interface ReportTiming {
  /** Reading the page: collectSignals(), and collectContent() when the background asked for the main area. */
  collectMs: number;
  /** Waiting for the background's decision on those signals (two round trips when it asked for the main area). */
  decideMs: number;
  /** Showing or hiding the banner. */
  renderMs: number;
  /** The page had arrived (DOMContentLoaded) when it was read: the reports before it read a page still loading. */
  afterLoad: boolean;
}

const LIMIT = 1_000;
const timings: ReportTiming[] = [];

/** The global name the benchmark reads in the content script's world. */
export const TIMINGS_GLOBAL = '__vendorGuardTimings';
(globalThis as unknown as Record<string, unknown>)[TIMINGS_GLOBAL] = timings;

export function recordReport(start: number, collected: number, decided: number, rendered: number, afterLoad: boolean): void {
  if (timings.length >= LIMIT) timings.shift();
  timings.push({
    collectMs: collected - start,
    decideMs: decided - collected,
    renderMs: rendered - decided,
    afterLoad,
  });
}

/** One look of the tile marker at a list page's links (src/content/marks.ts). */
export interface TileLook {
  /** Links read in this look (only links not read before). */
  links: number;
  /** Reading them, on the page's main thread. */
  readMs: number;
}

const tileLooks: TileLook[] = [];
export const TILE_LOOKS_GLOBAL = '__vendorGuardTileLooks';
(globalThis as unknown as Record<string, unknown>)[TILE_LOOKS_GLOBAL] = tileLooks;

export function recordTileLook(links: number, readMs: number): void {
  if (tileLooks.length >= LIMIT) tileLooks.shift();
  tileLooks.push({ links, readMs });
}
