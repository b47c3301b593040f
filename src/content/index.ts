import type { ContentMessage, WarningView } from '../platform/messages.ts';
import { onBackgroundMessage, sendToBackground } from '../platform/runtime.ts';
import { Banner } from './banner.ts';
import { TileMarker } from './marks.ts';
import { watchTitle } from './title-watch.ts';
import { collectContent, collectSignals } from './signals.ts';
import { recordReport } from './timings.ts';

/*
 * Content script, in every frame from `document_start`: asks the background at once what the
 * page's address decides (the warning can be there before the page paints), reads the page's
 * signals as soon as its head is in and again while it loads, and shows the warning the
 * background decided on. It decides nothing itself.
 */

const banner = new Banner(
  (action) => {
    void sendToBackground({ type: action === 'dismiss' ? 'dismiss-page' : 'allow-site' }).then(render);
  },
  // The page fought the banner past the keeper's bound: the background shows the warning as a page instead.
  () => void sendToBackground({ type: 'warning-overpowered' }),
);

/** Marks on the vendor's product tiles of a shop's list page, where a page-wide banner would be wrong. */
const tiles = new TileMarker((links) => sendToBackground({ type: 'listing-tiles', links }));

/** Whether the last answer showed the banner. */
let warned = false;
/** A report's answer has arrived: the address-only answer, if later, is older news. */
let reported = false;

function render(view: WarningView | undefined): void {
  warned = view?.decision.banner ?? false;
  if (warned && view) banner.show(view);
  else banner.hide();
  // Tiles are read once the page has arrived (the report at DOMContentLoaded starts them), not while it is parsed.
  if (view?.markTiles) {
    if (document.readyState !== 'loading') tiles.start();
  } else tiles.stop();
}

/** Reports started: a report overtaken by a newer one goes no further (its page is older news). */
let reports = 0;

/** Cheap signals first; the page's main area only when the background asks for it (the page named a vendor). */
async function report(): Promise<void> {
  const current = ++reports;
  const start = performance.now();
  const afterLoad = document.readyState !== 'loading';
  const signals = collectSignals();
  let collectMs = performance.now() - start;
  let answer = await sendToBackground({ type: 'page-signals', signals });
  if (current !== reports) return;
  if (answer?.needsContent) {
    const walkStart = performance.now();
    const content = collectContent();
    collectMs += performance.now() - walkStart;
    answer = await sendToBackground({ type: 'page-signals', signals: { ...signals, content } });
    if (current !== reports) return;
  }
  const decided = performance.now();
  reported = true;
  render(answer?.view);
  recordReport(start, start + collectMs, decided, performance.now(), afterLoad);
}

/** Single-page apps render the new listing some time after the URL or title changes: look twice, then stop. */
const SPA_SETTLE_MS = [250, 900];
let pending: ReturnType<typeof setTimeout>[] = [];

function reportAfterPageChange(): void {
  pending.forEach(clearTimeout);
  pending = SPA_SETTLE_MS.map((delay) => setTimeout(() => void report(), delay));
}

/** While a page is still arriving, its signals are read again this often until they decide. */
const LOADING_LOOK_MS = 400;

/** Reads the page as soon as its head is in, again while it loads (a slow page's buy button), and once it has loaded. */
function reportWhileLoading(): void {
  const loaded = () => {
    void report();
    // A listing shown without a URL change (a quick view, a slow app filling in the page late) retitles the page.
    watchTitle(reportAfterPageChange);
  };
  if (document.readyState !== 'loading') return loaded();
  const headIn = new MutationObserver(() => {
    if (!document.body) return;
    headIn.disconnect();
    void report();
  });
  headIn.observe(document, { childList: true, subtree: true });
  const looking = setInterval(() => {
    if (!warned && document.body) void report();
  }, LOADING_LOOK_MS);
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      headIn.disconnect();
      clearInterval(looking);
      loaded();
    },
    { once: true },
  );
}

onBackgroundMessage((message: ContentMessage) => {
  if (message.type === 'warning-changed') render(message.view);
  else if (message.type === 'url-changed') {
    // The same links may now show other products, or the settings changed: every link is read again.
    tiles.refresh();
    reportAfterPageChange();
  }
});

// What the address alone decides, before the page has sent anything.
void sendToBackground({ type: 'page-start' }).then((view) => {
  if (!reported) render(view);
});
reportWhileLoading();
