import { POLICY_DEFAULTS, type LockedKey } from '../../core/policy/merge.ts';
import type { OrgPolicy } from '../../core/policy/schema.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../core/policy/settings.ts';
import { BUILT_IN_VENDOR_IDS } from '../../core/vendors/index.ts';
import type { BackgroundResponse, OptionsState } from '../../platform/messages.ts';

export type ImportResult = BackgroundResponse['import-policy'];

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, allowedSites: [...DEFAULT_SETTINGS.allowedSites] };
}

/** What the page shows when the background cannot be reached: the defaults, with the browser's error reported. */
export function fallbackState(detail: string): OptionsState {
  const settings = defaultSettings();
  return {
    settings,
    effective: { ...POLICY_DEFAULTS, ...settings, extraVendors: [], blockedDomains: [], exemptDomains: [], jurisdictions: [] },
    locked: [],
    settingsProblems: [{ path: '', code: 'load_failed', values: [detail] }],
    policyProblems: [],
    importedPolicy: null,
    managedPolicy: null,
    blockRules: { counts: { rules: 0, regexRules: 0, domains: 0 }, overLimit: [] },
    extensionId: '',
    browserRegion: null,
    builtInVendors: [],
  };
}

/**
 * The state as it will be once `settings` are saved, for an immediate answer to a click: the
 * user's fields apply wherever the organisation has not locked them.
 */
export function withUserSettings(state: OptionsState, settings: Settings): OptionsState {
  const effective = { ...state.effective };
  if (!state.locked.includes('mode')) effective.mode = settings.mode;
  if (!state.locked.includes('downloadGuard')) effective.downloadGuard = settings.downloadGuard;
  if (!state.locked.includes('allowedSites')) effective.allowedSites = settings.allowedSites;
  // The organisation's jurisdictions stand in for "Where you are"; the user's region is kept underneath.
  effective.region = settings.region;
  if (!state.locked.includes('audience')) effective.audience = settings.audience;
  if (!state.locked.includes('warnFor')) effective.warnFor = settings.warnFor;
  effective.vendorsOff = settings.vendorsOff;
  return { ...state, settings, effective };
}

/** True when an organisation policy (managed or an imported profile) applies. */
export function hasOrganizationPolicy(state: Pick<OptionsState, 'managedPolicy' | 'importedPolicy'>): boolean {
  return Boolean(state.managedPolicy || state.importedPolicy);
}

/**
 * What "Export" writes: the organisation layer (managed policy over the imported profile), or,
 * when there is none, the user's own choices as policy keys, as a start for a profile.
 */
export function exportedPolicy(state: Pick<OptionsState, 'managedPolicy' | 'importedPolicy' | 'settings'>): OrgPolicy {
  if (hasOrganizationPolicy(state)) return { ...state.importedPolicy, ...state.managedPolicy };
  const { mode, downloadGuard, region, audience, warnFor, vendorsOff } = state.settings;
  const vendors = BUILT_IN_VENDOR_IDS.filter((id) => !vendorsOff.includes(id));
  return {
    mode,
    downloadGuard,
    ...(region ? { jurisdictions: [region] } : {}),
    audience,
    warnFor,
    ...(vendors.length < BUILT_IN_VENDOR_IDS.length ? { vendors } : {}),
  };
}

/** The words for each setting an organisation can manage (`options_key_*`). */
export const LOCKED_KEY_LABELS: Readonly<Record<LockedKey, string>> = {
  mode: 'options_key_mode',
  allowProceed: 'options_key_allow_proceed',
  allowUserAllowlist: 'options_key_allow_user_allowlist',
  extraVendors: 'options_key_extra_vendors',
  blockedDomains: 'options_key_blocked_domains',
  exemptDomains: 'options_key_exempt_domains',
  alternatives: 'options_key_alternatives',
  organizationName: 'options_key_organization_name',
  supportUrl: 'options_key_support_url',
  supportEmail: 'options_key_support_email',
  message: 'options_key_message',
  downloadGuard: 'options_key_download_guard',
  scanAllSites: 'options_key_scan_all_sites',
  jurisdictions: 'options_key_jurisdictions',
  audience: 'options_key_audience',
  warnFor: 'options_key_warn_for',
  vendors: 'options_key_vendors',
  allowedSites: 'options_key_allowed_sites',
};

/** The index of the row to focus after removing row `removed` from a list of `length` rows, or null. */
export function focusIndexAfterRemoval(removed: number, length: number): number | null {
  const remaining = length - 1;
  if (remaining <= 0) return null;
  return Math.min(removed, remaining - 1);
}

/** Larger files are refused before they are read (a policy within every limit is far smaller). */
export const MAX_PROFILE_MEGABYTES = 16;
export const MAX_PROFILE_BYTES = MAX_PROFILE_MEGABYTES * 1024 * 1024;
