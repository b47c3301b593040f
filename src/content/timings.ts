/**
 * What each report costs the page, measured with `performance.now()` inside the content script:
 * collecting the signals, the background's decision (a message round trip), rendering. Kept in
 * the content script's own isolated world, where the page cannot read it (no performance marks
 * a page could use to detect the extension); `npm run bench` reads it over the DevTools
 * protocol. Bounded, so a long single-page-app session holds at most LIMIT entries.
 */
export interface ReportTiming {
  /** Reading the page: collectSignals(). */
  collectMs: number;
  /** Waiting for the background's decision on those signals. */
  decideMs: number;
  /** Showing or hiding the banner. */
  renderMs: number;
}

const LIMIT = 1_000;
const timings: ReportTiming[] = [];

/** The global name the benchmark reads in the content script's world. */
export const TIMINGS_GLOBAL = '__vendorGuardTimings';
(globalThis as unknown as Record<string, unknown>)[TIMINGS_GLOBAL] = timings;

export function recordReport(start: number, collected: number, decided: number, rendered: number): void {
  if (timings.length >= LIMIT) timings.shift();
  timings.push({
    collectMs: collected - start,
    decideMs: decided - collected,
    renderMs: rendered - decided,
  });
}
