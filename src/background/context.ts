import { extensionHosts, onKnownShopSite } from '../core/classify/content-script-matches.ts';
import type { ParsedUrl } from '../core/classify/url-parts.ts';
import { isFlagged, NO_VERDICT, type Verdict } from '../core/classify/verdict.ts';
import { warningHeadline } from '../core/i18n/restriction-text.ts';
import { compileBlockRules, type CompiledBlockRules } from '../core/policy/block-rules.ts';
import { compilePolicy, findVendor, type CompiledPolicy } from '../core/policy/compile.ts';
import { decide, type Decision } from '../core/policy/decide.ts';
import { readerOf } from '../core/policy/merge.ts';
import type { Reader } from '../core/reader.ts';
import { reachOf, type Reach } from '../core/vendors/standing.ts';
import { vendorViewOf } from '../core/vendors/view.ts';
import type { VendorView, WarningView } from '../platform/messages.ts';
import type { FrameRecord, LoadedState, Ports, TabRecord } from './ports.ts';

/*
 * What every feature handler shares: the settings with the policy compiled from them, and
 * `apply`, which turns a tab's record into its decision, badge and warning. The worker keeps no
 * state in globals: the compiled policy is the one cache (rebuilt whenever the settings change),
 * and both it and the per-tab order of applications live in the object createWorker returns.
 */

export interface Context {
  state: LoadedState;
  policy: CompiledPolicy;
  /** Whom the warnings speak to: where they are and their role (core/reader.ts). */
  reader: Reader;
}

export interface Worker {
  readonly ports: Ports;
  /** The settings and the policy compiled from them (compiled once per change, not per event). */
  context(): Promise<Context>;
  /** The context read afresh: after a write of ours (the storage change event may not have arrived yet) or a change. */
  refreshed(): Promise<Context>;
  /**
   * Decides for one tab, marks its badge, replaces a page that must be blocked, and returns what
   * the page shows. Runs in call order per tab: a navigation's decision that finishes late must
   * not put back the badge of a verdict the page's own report has since cleared.
   */
  apply(tabId: number, record: TabRecord | null, ctx?: Context): Promise<WarningView>;
  decisionFor(record: TabRecord | null, ctx: Context): Promise<Decision>;
}

/** The session list of hosts the user chose "Proceed" for on the blocking page. */
export const PROCEEDED_HOSTS = 'proceededHosts';

/**
 * The session list of hosts whose page kept hiding the banner, where the user chose "Proceed" on
 * the page that showed the warning instead (see page-reports.ts warningOverpowered): the banner
 * stays away from them, as if dismissed, until the browser closes.
 */
export const WARNED_HOSTS = 'warnedHosts';

/**
 * The session list of pages the worker sent to the blocking page, each with the verdict that
 * blocked it (as JSON): a page found from its content (a shop's listing) is not flagged by its
 * address alone, and the blocking page must still say whose product it was.
 */
export const BLOCKED_PAGES = 'blockedPages';

/** Flagged frames kept per tab at most: a page with hundreds of frames costs no more. */
const MAX_FRAMES = 8;

/** Hosts the extension may redirect; elsewhere block rules can only block (see navigation.ts onNavigationBlocked). */
const PERMITTED_HOSTS: ReadonlySet<string> = new Set(extensionHosts());

/** The URL parser's host, as "Proceed" records it and decisions look it up (a trailing dot kept, unlike ParsedUrl.host). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export const withoutFragment = (url: string): string => url.split('#')[0] ?? url;

/** A tab's record for a page it just arrived at: the URL's verdict, nothing dismissed, no frames yet. */
export function freshRecord(parsed: ParsedUrl, verdict: Verdict): TabRecord {
  return { url: parsed.url, site: parsed.site, verdict, dismissed: false, frames: [] };
}

/** The frame whose page decides for the tab: the first flagged one, when the tab's own page is not flagged. */
export function decidingFrame(record: TabRecord | null): FrameRecord | null {
  if (!record || isFlagged(record.verdict)) return null;
  return record.frames?.find((frame) => isFlagged(frame.verdict)) ?? null;
}

/** The record with frame `frameId` showing the page `parsed` judged `verdict` (kept only when flagged). */
export function withFrame(record: TabRecord, frameId: number, parsed: ParsedUrl, verdict: Verdict): TabRecord {
  const others = (record.frames ?? []).filter((frame) => frame.frameId !== frameId);
  const keep = isFlagged(verdict) && others.length < MAX_FRAMES;
  return { ...record, frames: keep ? [...others, { frameId, url: parsed.url, site: parsed.site, verdict }] : others };
}

/**
 * What a vendor's actions mean for this reader under their choice of when to warn (core/vendors/
 * standing.ts reachOf); undefined for a vendor the policy does not know (decide() then warns fully).
 */
export function vendorReach(ctx: Pick<Context, 'policy' | 'reader' | 'state'>, vendorId: string | null): Reach | undefined {
  const vendor = findVendor(ctx.policy, vendorId);
  return vendor ? reachOf(vendor.restrictions, ctx.reader, ctx.state.merged.effective.warnFor) : undefined;
}

/** The verdict's vendor as the UI shows it to this reader. */
export function vendorView(ctx: Pick<Context, 'policy' | 'reader'>, verdict: Verdict): VendorView | null {
  const vendor = findVendor(ctx.policy, verdict.vendor);
  return vendor ? vendorViewOf(vendor, ctx.reader) : null;
}

export function blockRulesFor(ctx: Context, ports: Ports): CompiledBlockRules {
  return compileBlockRules(ctx.policy, ctx.state.merged.effective, ports.blockRules.blockedPageUrl(), PERMITTED_HOSTS, ctx.reader);
}

/** The blocking page in place of `url` ("replaced": the browser did not stop the page itself). */
export function blockingPageFor(ports: Ports, url: string): string {
  return `${ports.blockRules.blockedPageUrl()}?replaced=1#${url}`;
}

/** The same page as a warning, in place of a page that kept hiding the banner ("warned"). */
export function warningPageFor(ports: Ports, url: string): string {
  return `${ports.blockRules.blockedPageUrl()}?replaced=1&warned=1#${url}`;
}

export function createWorker(ports: Ports): Worker {
  let cached: Promise<Context> | null = null;
  /** Applications still running per tab (transient, like the tab store's write queue). */
  const applying = new Map<number, Promise<unknown>>();

  const context = (): Promise<Context> => {
    cached ??= ports.settings.load().then((state) => ({
      state,
      policy: compilePolicy(state.merged.effective),
      reader: readerOf(state.merged.effective, state.browserRegion),
    }));
    return cached;
  };

  const refreshed = (): Promise<Context> => {
    cached = null;
    return context();
  };

  const decisionFor = async (record: TabRecord | null, ctx: Context): Promise<Decision> => {
    const host = record ? hostOf(record.url) : '';
    const proceeded = record ? (await ports.tabStore.readList(PROCEEDED_HOSTS)).includes(host) : false;
    const warnedPast = record ? (await ports.tabStore.readList(WARNED_HOSTS)).includes(host) : false;
    const settings = ctx.state.merged.effective;
    // A frame's page decides under the page's site, or its own when the user allowed that one.
    const frame = decidingFrame(record);
    const site = frame && settings.allowedSites.includes(frame.site) ? frame.site : (record?.site ?? '');
    const verdict = frame?.verdict ?? record?.verdict ?? NO_VERDICT;
    const reach = vendorReach(ctx, verdict.vendor);
    const choices = { dismissed: (record?.dismissed ?? false) || warnedPast, proceeded };
    return decide(verdict, settings, site, choices, reach);
  };

  /** The badge's tooltip: the banner's headline (the notice's, at that level), or the extension's own title. */
  const badgeTitle = (decision: Decision, vendor: VendorView | null): string => {
    if (!decision.badge || !vendor) return ports.t('action_title');
    return warningHeadline(decision.level, decision.verdict.kind, vendor, { t: ports.t });
  };

  const applyNow = async (tabId: number, record: TabRecord | null, ctx?: Context): Promise<WarningView> => {
    const current = ctx ?? (await context());
    const decision = await decisionFor(record, current);
    const vendor = vendorView(current, decision.verdict);
    await ports.badge.set(tabId, decision.badge ? decision.level : null, badgeTitle(decision, vendor));
    // Block rules stop most pages before they load; this covers pages found from their content, and frames.
    if (decision.block && record) {
      const blocked = decidingFrame(record)?.url ?? record.url;
      await ports.tabStore.addToList(BLOCKED_PAGES, JSON.stringify({ url: blocked, verdict: decision.verdict }));
      await ports.tabs.navigate(tabId, blockingPageFor(ports, blocked));
    }
    const markTiles = record !== null && decision.verdict.vendor === null && onKnownShopSite(record.url);
    return { decision, vendor, markTiles };
  };

  const apply = (tabId: number, record: TabRecord | null, ctx?: Context): Promise<WarningView> => {
    const run = (applying.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(() => applyNow(tabId, record, ctx));
    applying.set(tabId, run);
    void run
      .catch(() => undefined)
      .then(() => {
        if (applying.get(tabId) === run) applying.delete(tabId);
      });
    return run;
  };

  return { ports, context, refreshed, apply, decisionFor };
}
