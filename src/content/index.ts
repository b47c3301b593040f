import type { ContentMessage, WarningView } from '../platform/messages.ts';
import { onBackgroundMessage, sendToBackground } from '../platform/runtime.ts';
import { Banner } from './banner.ts';
import { TileMarker } from './marks.ts';
import { watchTitle } from './title-watch.ts';
import { collectContent, collectSignals } from './signals.ts';
import { recordReport } from './timings.ts';

/*
 * Content script: reads the page's signals, asks the background what to do, and shows the
 * warning it decided on. It decides nothing itself.
 */

const banner = new Banner((action) => {
  void sendToBackground({ type: action === 'dismiss' ? 'dismiss-page' : 'allow-site' }).then(render);
});

/** Marks on the vendor's product tiles of a shop's list page, where a page-wide banner would be wrong. */
const tiles = new TileMarker((links) => sendToBackground({ type: 'listing-tiles', links }));

function render(view: WarningView | undefined): void {
  if (view?.decision.banner) banner.show(view);
  else banner.hide();
  if (view?.markTiles) tiles.start();
  else tiles.stop();
}

/** Cheap signals first; the page's main area only when the background asks for it (the page named a vendor). */
async function report(): Promise<void> {
  const start = performance.now();
  const signals = collectSignals();
  let collectMs = performance.now() - start;
  let answer = await sendToBackground({ type: 'page-signals', signals });
  if (answer?.needsContent) {
    const walkStart = performance.now();
    const content = collectContent();
    collectMs += performance.now() - walkStart;
    answer = await sendToBackground({ type: 'page-signals', signals: { ...signals, content } });
  }
  const decided = performance.now();
  render(answer?.view);
  recordReport(start, start + collectMs, decided, performance.now());
}

/** Single-page apps render the new listing some time after the URL or title changes: look twice, then stop. */
const SPA_SETTLE_MS = [250, 900];
let pending: ReturnType<typeof setTimeout>[] = [];

function reportAfterPageChange(): void {
  pending.forEach(clearTimeout);
  pending = SPA_SETTLE_MS.map((delay) => setTimeout(() => void report(), delay));
}

// A listing shown without a URL change (a quick view, a slow app filling in the page late) retitles the page.
watchTitle(reportAfterPageChange);

onBackgroundMessage((message: ContentMessage) => {
  if (message.type === 'warning-changed') render(message.view);
  else if (message.type === 'url-changed') {
    // The same links may now show other products: the next report's answer starts the marks afresh.
    tiles.stop();
    reportAfterPageChange();
  }
});

void report();
