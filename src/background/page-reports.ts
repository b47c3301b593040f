import { classifyPage, needsPageContent, pageMayClear } from '../core/classify/page.ts';
import { parsePageSignals } from '../core/classify/page-signals.ts';
import { parseUrl, siteOf } from '../core/classify/url-parts.ts';
import { isFlagged, type Verdict } from '../core/classify/verdict.ts';
import { classifyWithPolicy } from '../core/policy/compile.ts';
import { withSiteAllowed } from '../core/policy/settings.ts';
import type { PageSignalsAnswer, WarningView } from '../platform/messages.ts';
import { freshRecord, warningPageFor, withFrame, withoutFragment, type Context, type Worker } from './context.ts';
import type { TabRecord } from './ports.ts';
import type { ContentSender, RequestOf } from './requests.ts';

/*
 * What a page's content script reports (its address as it starts, then its signals) and what its
 * user chose in the banner (dismiss, allow the site). The page's verdict joins its URL's; the
 * answer says what to show. A page in a frame joins the tab's record as one of its frames: the
 * top page shows the warning for it, or the frame itself when no content script runs on top.
 */

/** The same view without the banner: the frame that asked leaves the warning to the top page. */
const withoutBanner = (view: WarningView): WarningView => ({ ...view, decision: { ...view.decision, banner: false }, markTiles: false });

/**
 * A frame's page was judged: it joins the tab's record (or leaves it, when no longer flagged),
 * the tab is decided again and the top page told. Answers the frame with what it shows itself.
 */
async function frameJudged(worker: Worker, sender: ContentSender, url: string, verdict: Verdict, ctx: Context): Promise<WarningView> {
  const { tabStore, tabs } = worker.ports;
  const current = await tabStore.read(sender.tabId);
  const known = current?.frames?.some((frame) => frame.frameId === sender.frameId) ?? false;
  let record = current;
  if (current && (known || isFlagged(verdict))) {
    record = await tabStore.update(sender.tabId, (now) => now && withFrame(now, sender.frameId, parseUrl(url), verdict));
  }
  const view = await worker.apply(sender.tabId, record, ctx);
  if (!current || (!known && !isFlagged(verdict))) return withoutBanner(view);
  return (await tabs.send(sender.tabId, { type: 'warning-changed', view })) ? withoutBanner(view) : view;
}

/**
 * A page starts (its content script runs at document_start): what its address alone decides,
 * so the warning can be on screen before the page paints. A third party's listing URL, which the
 * page may yet contradict, shows nothing until the page's own signals arrive.
 */
export async function pageStart(worker: Worker, sender: ContentSender): Promise<WarningView> {
  const ctx = await worker.context();
  const parsed = parseUrl(sender.url);
  const verdict = classifyWithPolicy(parsed, ctx.policy);
  if (sender.frameId !== 0) return frameJudged(worker, sender, sender.url, verdict, ctx);
  const record = await worker.ports.tabStore.update(sender.tabId, (current) =>
    current && withoutFragment(current.url) === withoutFragment(parsed.url) ? current : freshRecord(parsed, verdict),
  );
  const view = await worker.apply(sender.tabId, record, ctx);
  return record && pageMayClear(record.verdict) ? withoutBanner(view) : view;
}

export async function pageSignals(worker: Worker, request: RequestOf<'page-signals'>, sender: ContentSender): Promise<PageSignalsAnswer> {
  const ctx = await worker.context();
  const signals = parsePageSignals(request.signals);
  // The page reports on the URL it is showing now; ignore reports about another page.
  const url = signals && withoutFragment(signals.url) === withoutFragment(sender.url) ? signals.url : sender.url;
  const parsed = parseUrl(url);
  const urlVerdict = classifyWithPolicy(parsed, ctx.policy);
  let needsContent = false;
  /** The verdict on what the page showed, `base` holding what the last full report on the same URL found. */
  const judged = (base: Verdict | null): Verdict => {
    if (!signals || urlVerdict.reasons.includes('policy-exempt')) return urlVerdict;
    const verdict = classifyPage(signals, urlVerdict, ctx.policy.registry);
    needsContent = needsPageContent(signals, verdict, ctx.policy.registry);
    // Until the page's main area arrives keep what the last full report found: a single-page app
    // reports again after each change, and the warning must not blink off in between.
    return needsContent && base ? base : verdict;
  };
  if (sender.frameId !== 0) {
    const record = await worker.ports.tabStore.read(sender.tabId);
    const frame = record?.frames?.find((entry) => entry.frameId === sender.frameId && withoutFragment(entry.url) === withoutFragment(url));
    const verdict = judged(frame?.verdict ?? null);
    return { view: await frameJudged(worker, sender, url, verdict, ctx), needsContent };
  }
  const record = await worker.ports.tabStore.update(sender.tabId, (current) => {
    const same = current !== null && withoutFragment(current.url) === withoutFragment(url);
    const base: TabRecord = same ? current : freshRecord(parsed, urlVerdict);
    return { ...base, url, verdict: judged(same ? base.verdict : null) };
  });
  return { view: await worker.apply(sender.tabId, record, ctx), needsContent };
}

export async function dismissPage(worker: Worker, sender: ContentSender): Promise<WarningView> {
  const ctx = await worker.context();
  const record = await worker.ports.tabStore.update(sender.tabId, (current) => (current ? { ...current, dismissed: true } : null));
  return worker.apply(sender.tabId, record, ctx);
}

/** "Don't warn me again about this site", where the organisation lets users keep their own allowlist. */
export async function allowSite(worker: Worker, sender: ContentSender): Promise<WarningView> {
  const ctx = await worker.context();
  const record = await worker.ports.tabStore.read(sender.tabId);
  if (!ctx.state.merged.effective.allowUserAllowlist) return worker.apply(sender.tabId, record, ctx);
  await worker.ports.settings.saveUser(withSiteAllowed(ctx.state.user, record?.site || siteOf(sender.url)));
  return worker.apply(sender.tabId, record, await worker.refreshed());
}

/**
 * The page fought the banner past the keeper's bound (src/content/keeper.ts): the tab gets the
 * warning as a page of the extension's own, which no page can touch, with "Proceed".
 */
export async function warningOverpowered(worker: Worker, sender: ContentSender): Promise<{ replaced: boolean }> {
  const ctx = await worker.context();
  const record = await worker.ports.tabStore.read(sender.tabId);
  if (!record || !(await worker.decisionFor(record, ctx)).banner) return { replaced: false };
  await worker.ports.tabs.navigate(sender.tabId, warningPageFor(worker.ports, record.url));
  return { replaced: true };
}
