import { classifyPage, needsPageContent, verdictWithoutSignals } from '../core/classify/page.ts';
import { parsePageSignals } from '../core/classify/page-signals.ts';
import { parseTileLinks, vendorTiles } from '../core/classify/tiles.ts';
import { siteOf } from '../core/classify/url-parts.ts';
import { isFlagged, NO_VERDICT, type Verdict } from '../core/classify/verdict.ts';
import { extensionHosts, onKnownShopSite } from '../core/classify/content-script-matches.ts';
import { compileBlockRules } from '../core/policy/block-rules.ts';
import { classifyWithPolicy, compilePolicy, findVendor, type CompiledPolicy } from '../core/policy/compile.ts';
import { decide, type Decision } from '../core/policy/decide.ts';
import { classifyDownload } from '../core/policy/download.ts';
import { parsePolicyFile } from '../core/policy/schema.ts';
import { parseStoredSettings, withSiteAllowed } from '../core/policy/settings.ts';
import { vendorViewOf } from '../core/vendors/view.ts';
import { setTabBadge } from '../platform/badge.ts';
import { allowHostForSession, blockedPageUrl, extensionId, installBlockRules } from '../platform/block-rules.ts';
import { cancelDownload, notify, onDownload } from '../platform/downloads.ts';
import {
  navigateTab, onInstalledOrStarted, onNavigationBlocked, onRequest, onTabClosed, onTopLevelNavigation, openTabUrls, sendToTab, type Sender,
} from '../platform/events.ts';
import type {
  BackgroundRequest, BackgroundResponse, BlockInfo, OptionsState, PageSignalsAnswer, TabState, TileMarksView, VendorView, WarningView,
} from '../platform/messages.ts';
import { loadState, onStateChanged, refreshManagedPolicy, saveImportedPolicy, saveUserSettings, type LoadedState } from '../platform/policy.ts';
import { t } from '../platform/runtime.ts';
import { onScanPermissionChanged, reconcileScanning } from '../platform/scanning.ts';
import { addToSessionList, allTabs, readSessionList, readTab, updateTab, type TabRecord } from '../platform/tab-store.ts';

/*
 * The service worker: turns navigations, page signals and downloads into verdicts (core),
 * remembers them per tab (storage.session), marks the badge, installs block rules and tells
 * pages what to show. No state lives in globals except a cache of the compiled policy, which
 * is rebuilt from storage whenever the worker starts or the settings change.
 */

interface Context {
  state: LoadedState;
  policy: CompiledPolicy;
}

let cached: Promise<Context> | null = null;

/** The settings and the policy compiled from them (compiled once per change, not per event). */
function context(): Promise<Context> {
  cached ??= loadState().then((state) => ({ state, policy: compilePolicy(state.merged.effective) }));
  return cached;
}

const PROCEEDED_HOSTS = 'proceededHosts';
/** Hosts the extension may redirect; elsewhere block rules can only block (see onNavigationBlocked below). */
const PERMITTED_HOSTS: ReadonlySet<string> = new Set(extensionHosts());

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

const withoutFragment = (url: string) => url.split('#')[0];

function freshRecord(url: string, policy: CompiledPolicy): TabRecord {
  return { url, site: siteOf(url), verdict: classifyWithPolicy(url, policy), dismissed: false };
}

function vendorView(policy: CompiledPolicy, verdict: Verdict): VendorView | null {
  const vendor = findVendor(policy, verdict.vendor);
  return vendor ? vendorViewOf(vendor) : null;
}

async function decisionFor(record: TabRecord | null, ctx: Context): Promise<Decision> {
  const proceeded = record ? (await readSessionList(PROCEEDED_HOSTS)).includes(hostOf(record.url)) : false;
  return decide(record?.verdict ?? NO_VERDICT, ctx.state.merged.effective, record?.site ?? '', { dismissed: record?.dismissed ?? false, proceeded });
}

/** Applications still running per tab (transient, like tab-store's write queue). */
const applying = new Map<number, Promise<unknown>>();

/**
 * Decides for one tab, marks its badge, replaces a page that must be blocked, and returns what
 * the page shows. Runs in call order per tab: a navigation's decision that finishes late must not
 * put back the badge of a verdict the page's own report has since cleared.
 */
function apply(tabId: number, record: TabRecord | null, ctx?: Context): Promise<WarningView> {
  const run = (applying.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(() => applyNow(tabId, record, ctx));
  applying.set(tabId, run);
  void run.catch(() => undefined).then(() => {
    if (applying.get(tabId) === run) applying.delete(tabId);
  });
  return run;
}

async function applyNow(tabId: number, record: TabRecord | null, ctx?: Context): Promise<WarningView> {
  const current = ctx ?? (await context());
  const decision = await decisionFor(record, current);
  const vendor = vendorView(current.policy, decision.verdict);
  await setTabBadge(tabId, decision.badge, badgeTitle(decision, vendor));
  if (decision.block && record) {
    // Block rules stop most pages before they load; this covers pages found from their content.
    await navigateTab(tabId, `${blockedPageUrl()}?replaced=1#${record.url}`);
  }
  const markTiles = record !== null && decision.verdict.vendor === null && onKnownShopSite(record.url);
  return { decision, vendor, markTiles };
}

function badgeTitle(decision: Decision, vendor: VendorView | null): string {
  if (!decision.badge || !vendor) return t('action_title');
  return t(decision.verdict.kind === 'purchase' ? 'banner_headline_purchase' : 'banner_headline_download', vendor.name || t('organization_fallback_name'));
}

async function applyBlockRules(ctx: Context): Promise<void> {
  const { effective } = ctx.state.merged;
  const compiled = compileBlockRules(ctx.policy, effective, blockedPageUrl(), PERMITTED_HOSTS);
  const refused = await installBlockRules(effective.mode === 'block' && compiled.overLimit.length === 0 ? compiled.rules : []);
  if (refused.length) console.warn(`Vendor Guard: the browser refused ${refused.length} block rule patterns`, refused);
}

async function reapplyEverywhere(): Promise<void> {
  cached = null;
  const ctx = await context();
  await applyBlockRules(ctx).catch((error: unknown) => console.warn('Vendor Guard: block rules not installed', error));
  for (const [tabId, record] of await allTabs()) {
    const fresh = record.url ? { ...record, verdict: verdictWithoutSignals(record.verdict, classifyWithPolicy(record.url, ctx.policy)) } : record;
    await sendToTab(tabId, { type: 'warning-changed', view: await apply(tabId, fresh, ctx) });
    // What the page showed is judged again under the new settings (pages without the content script ignore this).
    await sendToTab(tabId, { type: 'url-changed' });
  }
}

onTopLevelNavigation((tabId, url, sameDocument) => {
  void (async () => {
    const ctx = await context();
    const record = await updateTab(tabId, (current) => {
      // A fragment change stays on the same page: keep what the page told us and any dismissal.
      if (sameDocument && current && withoutFragment(current.url) === withoutFragment(url)) return { ...current, url };
      return freshRecord(url, ctx.policy);
    });
    const view = await apply(tabId, record, ctx);
    if (sameDocument) {
      await sendToTab(tabId, { type: 'warning-changed', view });
      await sendToTab(tabId, { type: 'url-changed' });
    }
  })();
});

onTabClosed((tabId) => void updateTab(tabId, () => null));

// A block rule without host access shows the browser's error page: show the blocking page instead.
onNavigationBlocked((tabId, url) => {
  void (async () => {
    const ctx = await context();
    if (ctx.state.merged.effective.mode === 'block') await navigateTab(tabId, `${blockedPageUrl()}?replaced=1#${url}`);
  })();
});

onStateChanged(() => {
  void reapplyEverywhere();
  // The organisation may have turned checking every site on or off.
  syncScanning();
});

/** Checking every site: registration follows the permission and the policy (platform/scanning.ts). */
function syncScanning(): void {
  reconcileScanning().catch((error: unknown) => console.warn('Vendor Guard: checking every site could not be updated', error));
}

// The user granted or took back site access (in the options page, the popup or the browser's own settings).
onScanPermissionChanged(syncScanning);

// Tabs open before the extension was installed or the browser restarted get a verdict too.
onInstalledOrStarted(() => {
  void (async () => {
    await reapplyEverywhere();
    const ctx = await context();
    for (const { tabId, url } of await openTabUrls()) await apply(tabId, await updateTab(tabId, () => freshRecord(url, ctx.policy)), ctx);
  })();
});

// Every start of the worker: the cached policy applies at once; the managed one replaces it when read.
void refreshManagedPolicy();
// Every start of the worker: what the browser kept registered is checked against the permission and the policy.
syncScanning();

onDownload((download) => {
  void (async () => {
    const ctx = await context();
    const guard = ctx.state.merged.effective.downloadGuard;
    if (guard === 'off' || ctx.state.merged.effective.mode === 'off') return;
    const verdict = classifyDownload(download, ctx.policy);
    if (verdict.kind !== 'download' && !verdict.reasons.includes('policy-blocked-domain')) return;
    const key = `${guard}:${download.id}`;
    if ((await readSessionList('guardedDownloads')).includes(key)) return;
    await addToSessionList('guardedDownloads', key);
    const vendor = vendorView(ctx.policy, verdict)?.name || t('organization_fallback_name');
    const { message } = ctx.state.merged.effective;
    if (guard === 'block') {
      await cancelDownload(download.id);
      await notify(key, t('download_blocked_title'), [t('download_blocked_message', vendor), message].filter(Boolean).join('\n'));
    } else {
      await notify(key, t('download_warning_title'), [t('download_warning_message', vendor), message].filter(Boolean).join('\n'));
    }
  })();
});

onRequest(async (request: BackgroundRequest, sender: Sender): Promise<BackgroundResponse[BackgroundRequest['type']]> => {
  const ctx = await context();
  if (sender.kind === 'content') return contentRequest(request, sender.tabId, sender.url, ctx);
  switch (request.type) {
    case 'get-tab-state':
      return tabState(request.tabId, ctx);
    case 'get-block-info':
      return blockInfo(request.url, ctx);
    case 'proceed':
      return proceed(request.url, request.remember, ctx);
    case 'get-options-state':
      return optionsState(ctx);
    case 'save-settings': {
      const { settings, problems } = parseStoredSettings(request.settings);
      if (problems.length === 0) await saveUserSettings(settings);
      return optionsState(await refreshed());
    }
    case 'import-policy': {
      const parsed = parsePolicyFile(request.contents);
      if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
      await saveImportedPolicy(parsed.policy);
      return { ok: true, state: await optionsState(await refreshed()) };
    }
    case 'clear-imported-policy':
      await saveImportedPolicy(null);
      return optionsState(await refreshed());
    default:
      throw new Error(`unexpected request ${request.type}`);
  }
});

/** The context after a write of ours (the storage change event may not have arrived yet). */
async function refreshed(): Promise<Context> {
  cached = null;
  return context();
}

async function contentRequest(request: BackgroundRequest, tabId: number, senderUrl: string, ctx: Context): Promise<WarningView | PageSignalsAnswer | TileMarksView> {
  switch (request.type) {
    case 'page-signals': {
      const signals = parsePageSignals(request.signals);
      // The page reports on the URL it is showing now; ignore reports about another page.
      const url = signals && withoutFragment(signals.url) === withoutFragment(senderUrl) ? signals.url : senderUrl;
      let needsContent = false;
      const record = await updateTab(tabId, (current) => {
        const base = current && withoutFragment(current.url) === withoutFragment(url) ? current : freshRecord(url, ctx.policy);
        const urlVerdict = classifyWithPolicy(url, ctx.policy);
        if (!signals || urlVerdict.reasons.includes('policy-exempt')) return { ...base, url, verdict: urlVerdict };
        const verdict = classifyPage(signals, urlVerdict, ctx.policy.registry);
        needsContent = needsPageContent(signals, verdict, ctx.policy.registry);
        // Until the page's main area arrives keep what the last full report found: a single-page app
        // reports again after each change, and the warning must not blink off in between.
        return { ...base, url, verdict: needsContent && base === current ? base.verdict : verdict };
      });
      return { view: await apply(tabId, record, ctx), needsContent };
    }
    case 'dismiss-page':
      return apply(tabId, await updateTab(tabId, (current) => (current ? { ...current, dismissed: true } : null)), ctx);
    case 'allow-site': {
      const record = await readTab(tabId);
      if (!ctx.state.merged.effective.allowUserAllowlist) return apply(tabId, record, ctx);
      await saveUserSettings(withSiteAllowed(ctx.state.user, record?.site || siteOf(senderUrl)));
      return apply(tabId, record, await refreshed());
    }
    case 'listing-tiles':
      return tileMarks(request.links, tabId, senderUrl, ctx);
    default:
      throw new Error(`unexpected request ${request.type}`);
  }
}

/**
 * Marks for the vendor's product tiles on a list page. None where the page itself carries the
 * warning, or where the warning would be silenced anyway (warnings off, the site allowed).
 */
async function tileMarks(input: unknown, tabId: number, pageUrl: string, ctx: Context): Promise<TileMarksView> {
  const none: TileMarksView = { marks: [], vendors: [] };
  const links = parseTileLinks(input);
  const record = await readTab(tabId);
  if (!links || (record && isFlagged(record.verdict))) return none;
  const site = siteOf(pageUrl);
  const vendorIds: string[] = [];
  const marks = vendorTiles(pageUrl, links, ctx.policy.registry).flatMap(({ index, vendor }) => {
    const verdict: Verdict = { vendor, kind: 'purchase', reasons: [], rule: null };
    if (!decide(verdict, ctx.state.merged.effective, site, { dismissed: false, proceeded: false }).badge) return [];
    if (!vendorIds.includes(vendor)) vendorIds.push(vendor);
    return [{ index, vendor: vendorIds.indexOf(vendor) }];
  });
  const vendors = vendorIds.flatMap((id) => {
    const vendor = findVendor(ctx.policy, id);
    return vendor ? [vendorViewOf(vendor)] : [];
  });
  return vendors.length === vendorIds.length ? { marks, vendors } : none;
}

async function tabState(tabId: number, ctx: Context): Promise<TabState | null> {
  const record = await readTab(tabId);
  if (!record) return null;
  const decision = await decisionFor(record, ctx);
  return { url: record.url, site: record.site, decision, vendor: vendorView(ctx.policy, decision.verdict) };
}

function blockInfo(url: string, ctx: Context): BlockInfo {
  const { effective } = ctx.state.merged;
  const verdict = classifyWithPolicy(url, ctx.policy);
  return {
    url,
    site: siteOf(url),
    verdict,
    vendor: vendorView(ctx.policy, verdict),
    organization: {
      name: effective.organizationName,
      message: effective.message,
      supportUrl: effective.supportUrl,
      supportEmail: effective.supportEmail,
    },
    allowProceed: effective.allowProceed,
    allowUserAllowlist: effective.allowProceed && effective.allowUserAllowlist,
  };
}

async function proceed(url: string, remember: boolean, ctx: Context): Promise<{ ok: boolean }> {
  const { effective } = ctx.state.merged;
  const host = hostOf(url);
  if (!effective.allowProceed || !host) return { ok: false };
  await addToSessionList(PROCEEDED_HOSTS, host);
  await allowHostForSession(host);
  if (remember && effective.allowUserAllowlist) await saveUserSettings(withSiteAllowed(ctx.state.user, siteOf(url)));
  return { ok: true };
}

function optionsState(ctx: Context): OptionsState {
  const { state } = ctx;
  const rules = compileBlockRules(ctx.policy, state.merged.effective, blockedPageUrl(), PERMITTED_HOSTS);
  return {
    settings: state.user,
    effective: state.merged.effective,
    locked: state.merged.locked,
    settingsProblems: state.settingsProblems,
    policyProblems: state.policyProblems,
    importedPolicy: state.importedPolicy,
    managedPolicy: state.managedPolicy,
    blockRules: { counts: rules.counts, overLimit: rules.overLimit },
    extensionId: extensionId(),
  };
}
