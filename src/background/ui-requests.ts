import { parseUrl, siteOf } from '../core/classify/url-parts.ts';
import { isFlagged, type Verdict } from '../core/classify/verdict.ts';
import { classifyWithPolicy } from '../core/policy/compile.ts';
import { VENDORS } from '../core/vendors/index.ts';
import { parsePolicyFile } from '../core/policy/schema.ts';
import { parseStoredSettings, withSiteAllowed, type Settings } from '../core/policy/settings.ts';
import type { BackgroundResponse, BlockInfo, OptionsState, TabState } from '../platform/messages.ts';
import {
  BLOCKED_PAGES,
  blockRulesFor,
  type Context,
  decidingFrame,
  hostOf,
  PROCEEDED_HOSTS,
  vendorReach,
  vendorView,
  WARNED_HOSTS,
  type Worker,
} from './context.ts';

/*
 * Requests from the extension's own pages: the popup (a tab's state), the blocking page (what
 * was blocked, "Proceed") and the options page (settings, the imported organisation profile).
 */

export async function tabState(worker: Worker, tabId: number): Promise<TabState | null> {
  const ctx = await worker.context();
  const record = await worker.ports.tabStore.read(tabId);
  if (!record) return null;
  const decision = await worker.decisionFor(record, ctx);
  const frame = decidingFrame(record);
  return {
    url: record.url,
    site: record.site,
    decision,
    vendor: vendorView(ctx, decision.verdict),
    reader: ctx.reader,
    ...(frame ? { frameUrl: frame.url } : {}),
  };
}

/** The verdict with which the worker sent `url` to the blocking page this session, the latest first (context.ts BLOCKED_PAGES). */
async function blockedVerdict(worker: Worker, url: string): Promise<Verdict | null> {
  const entries = await worker.ports.tabStore.readList(BLOCKED_PAGES);
  for (const entry of entries.toReversed()) {
    try {
      const { url: blocked, verdict } = JSON.parse(entry) as { url?: unknown; verdict?: Partial<Verdict> };
      if (blocked !== url || !verdict || typeof verdict.vendor !== 'string') continue;
      if (verdict.kind !== 'purchase' && verdict.kind !== 'download') continue;
      const reasons = Array.isArray(verdict.reasons) ? verdict.reasons.filter((reason) => typeof reason === 'string') : [];
      return { vendor: verdict.vendor, kind: verdict.kind, reasons, rule: typeof verdict.rule === 'string' ? verdict.rule : null };
    } catch {
      // Not one of ours: skip it.
    }
  }
  return null;
}

/**
 * What the blocking page shows for a URL: its address's verdict, or for a page found from its
 * content (which its address alone does not flag) the verdict the worker blocked it with.
 */
export async function blockInfo(worker: Worker, url: string): Promise<BlockInfo> {
  const ctx = await worker.context();
  const { effective } = ctx.state.merged;
  const parsed = parseUrl(url);
  const byAddress = classifyWithPolicy(parsed, ctx.policy);
  const verdict = isFlagged(byAddress) ? byAddress : ((await blockedVerdict(worker, url)) ?? byAddress);
  return {
    url,
    site: parsed.site,
    verdict,
    vendor: vendorView(ctx, verdict),
    level: vendorReach(ctx, verdict.vendor)?.level ?? 'warning',
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

/**
 * "Proceed" on the blocking page: through to the host for this session, and allowed for good if
 * asked and permitted. From the page that showed the warning in place of a page that kept hiding
 * the banner (`warned`), the host gets no banner for the session: the person has read the warning.
 */
export async function proceed(worker: Worker, url: string, remember: boolean, warned = false): Promise<{ ok: boolean }> {
  const ctx = await worker.context();
  const { effective } = ctx.state.merged;
  const host = hostOf(url);
  if (warned && host) {
    await worker.ports.tabStore.addToList(WARNED_HOSTS, host);
    return { ok: true };
  }
  if (!effective.allowProceed || !host) return { ok: false };
  await worker.ports.tabStore.addToList(PROCEEDED_HOSTS, host);
  await worker.ports.blockRules.allowHostForSession(host);
  if (remember && effective.allowUserAllowlist) await worker.ports.settings.saveUser(withSiteAllowed(ctx.state.user, siteOf(url)));
  return { ok: true };
}

export async function optionsState(worker: Worker, ctx?: Context): Promise<OptionsState> {
  const current = ctx ?? (await worker.context());
  const { state } = current;
  const rules = blockRulesFor(current, worker.ports);
  return {
    settings: state.user,
    effective: state.merged.effective,
    locked: state.merged.locked,
    settingsProblems: state.settingsProblems,
    policyProblems: state.policyProblems,
    importedPolicy: state.importedPolicy,
    managedPolicy: state.managedPolicy,
    blockRules: { counts: rules.counts, overLimit: rules.overLimit },
    extensionId: worker.ports.blockRules.extensionId(),
    browserRegion: state.browserRegion,
    builtInVendors: VENDORS.map(({ id, name }) => ({ id, name })),
  };
}

/** Saves the user's settings only when they have no problems; answers with the state as stored either way. */
export async function saveSettings(worker: Worker, input: Settings): Promise<OptionsState> {
  const { settings, problems } = parseStoredSettings(input);
  if (problems.length === 0) await worker.ports.settings.saveUser(settings);
  return optionsState(worker, await worker.refreshed());
}

export async function importPolicy(worker: Worker, contents: string): Promise<BackgroundResponse['import-policy']> {
  const parsed = parsePolicyFile(contents);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  await worker.ports.settings.saveImportedPolicy(parsed.policy);
  return { ok: true, state: await optionsState(worker, await worker.refreshed()) };
}

export async function clearImportedPolicy(worker: Worker): Promise<OptionsState> {
  await worker.ports.settings.saveImportedPolicy(null);
  return optionsState(worker, await worker.refreshed());
}
