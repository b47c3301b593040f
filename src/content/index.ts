import type { ContentMessage, WarningView } from '../platform/messages.ts';
import { onBackgroundMessage, sendToBackground } from '../platform/runtime.ts';
import { Banner } from './banner.ts';
import { collectSignals } from './signals.ts';
import { recordReport } from './timings.ts';

/*
 * Content script: reads the page's signals, asks the background what to do, and shows the
 * warning it decided on. It decides nothing itself.
 */

const banner = new Banner((action) => {
  void sendToBackground({ type: action === 'dismiss' ? 'dismiss-page' : 'allow-site' }).then(render);
});

function render(view: WarningView | undefined): void {
  if (view?.decision.banner) banner.show(view);
  else banner.hide();
}

async function report(): Promise<void> {
  const start = performance.now();
  const signals = collectSignals();
  const collected = performance.now();
  const view = await sendToBackground({ type: 'page-signals', signals });
  const decided = performance.now();
  render(view);
  recordReport(start, collected, decided, performance.now());
}

/** Single-page apps render the new listing some time after the URL changes: look twice, then stop. */
const SPA_SETTLE_MS = [250, 900];
let pending: ReturnType<typeof setTimeout>[] = [];

function reportAfterUrlChange(): void {
  pending.forEach(clearTimeout);
  pending = SPA_SETTLE_MS.map((delay) => setTimeout(() => void report(), delay));
}

onBackgroundMessage((message: ContentMessage) => {
  if (message.type === 'warning-changed') render(message.view);
  else if (message.type === 'url-changed') reportAfterUrlChange();
});

void report();
