import { classifyPage, needsPageContent } from '../core/classify/page.ts';
import { parsePageSignals } from '../core/classify/page-signals.ts';
import { parseUrl, siteOf } from '../core/classify/url-parts.ts';
import { classifyWithPolicy } from '../core/policy/compile.ts';
import { withSiteAllowed } from '../core/policy/settings.ts';
import type { PageSignalsAnswer, WarningView } from '../platform/messages.ts';
import { freshRecord, withoutFragment, type Worker } from './context.ts';
import type { ContentSender, RequestOf } from './requests.ts';

/*
 * What a page's content script reports (its signals) and what its user chose in the banner
 * (dismiss, allow the site). The page's verdict joins its URL's; the answer says what to show.
 */

export async function pageSignals(worker: Worker, request: RequestOf<'page-signals'>, sender: ContentSender): Promise<PageSignalsAnswer> {
  const ctx = await worker.context();
  const signals = parsePageSignals(request.signals);
  // The page reports on the URL it is showing now; ignore reports about another page.
  const url = signals && withoutFragment(signals.url) === withoutFragment(sender.url) ? signals.url : sender.url;
  const parsed = parseUrl(url);
  const urlVerdict = classifyWithPolicy(parsed, ctx.policy);
  let needsContent = false;
  const record = await worker.ports.tabStore.update(sender.tabId, (current) => {
    const base = current && withoutFragment(current.url) === withoutFragment(url) ? current : freshRecord(parsed, urlVerdict);
    if (!signals || urlVerdict.reasons.includes('policy-exempt')) return { ...base, url, verdict: urlVerdict };
    const verdict = classifyPage(signals, urlVerdict, ctx.policy.registry);
    needsContent = needsPageContent(signals, verdict, ctx.policy.registry);
    // Until the page's main area arrives keep what the last full report found: a single-page app
    // reports again after each change, and the warning must not blink off in between.
    return { ...base, url, verdict: needsContent && base === current ? base.verdict : verdict };
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
