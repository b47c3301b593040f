import { parseUrl } from '../core/classify/url-parts.ts';
import { isFlagged } from '../core/classify/verdict.ts';
import { classifyWithPolicy } from '../core/policy/compile.ts';
import { blockingPageFor, freshRecord, withFrame, withoutFragment, type Worker } from './context.ts';
import { reapplyEverywhere } from './settings-changes.ts';

/*
 * Navigation: a tab arriving at a page gets a fresh record from its URL (parsed once for the
 * site, the verdict and the exemptions); a change that stays on the page keeps what the page
 * told us; a single-page app's own URL change is told to the page, which reports again. A frame
 * arriving at a flagged page joins the tab's record, whether or not a content script can run in
 * that frame.
 */

export async function onNavigation(worker: Worker, tabId: number, url: string, sameDocument: boolean): Promise<void> {
  const ctx = await worker.context();
  const { tabStore, tabs } = worker.ports;
  const record = await tabStore.update(tabId, (current) => {
    // A fragment change stays on the same page: keep what the page told us and any dismissal.
    if (sameDocument && current && withoutFragment(current.url) === withoutFragment(url)) return { ...current, url };
    const parsed = parseUrl(url);
    return freshRecord(parsed, classifyWithPolicy(parsed, ctx.policy));
  });
  const view = await worker.apply(tabId, record, ctx);
  if (sameDocument) {
    await tabs.send(tabId, { type: 'warning-changed', view });
    await tabs.send(tabId, { type: 'url-changed' });
  }
}

/** A frame of the tab committed a page (or changed its URL): flagged, it decides for the tab when the top page does not. */
export async function onFrameNavigation(worker: Worker, tabId: number, frameId: number, url: string): Promise<void> {
  const ctx = await worker.context();
  const { tabStore, tabs } = worker.ports;
  const parsed = parseUrl(url);
  const verdict = classifyWithPolicy(parsed, ctx.policy);
  const current = await tabStore.read(tabId);
  // Most frames (ads, embeds, widgets) are nothing to us: no write, no badge update.
  if (!current || (!isFlagged(verdict) && !current.frames?.some((frame) => frame.frameId === frameId))) return;
  const record = await tabStore.update(tabId, (now) => now && withFrame(now, frameId, parsed, verdict));
  await tabs.send(tabId, { type: 'warning-changed', view: await worker.apply(tabId, record, ctx) });
}

export async function onTabClosed(worker: Worker, tabId: number): Promise<void> {
  await worker.ports.tabStore.update(tabId, () => null);
}

/** A block rule without host access shows the browser's error page: show the blocking page instead. */
export async function onNavigationBlocked(worker: Worker, tabId: number, url: string): Promise<void> {
  const ctx = await worker.context();
  if (ctx.state.merged.effective.mode === 'block') await worker.ports.tabs.navigate(tabId, blockingPageFor(worker.ports, url));
}

/** Tabs open before the extension was installed or the browser restarted get a verdict too. */
export async function onInstalledOrStarted(worker: Worker): Promise<void> {
  await reapplyEverywhere(worker);
  const ctx = await worker.context();
  for (const { tabId, url } of await worker.ports.tabs.openTabUrls()) {
    const parsed = parseUrl(url);
    await worker.apply(
      tabId,
      await worker.ports.tabStore.update(tabId, () => freshRecord(parsed, classifyWithPolicy(parsed, ctx.policy))),
      ctx,
    );
  }
}
