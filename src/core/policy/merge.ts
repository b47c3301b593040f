import type { Reader } from '../reader.ts';
import type { Alternative } from '../vendors/types.ts';
import { POLICY_KEYS, type ExtraVendor, type OrgPolicy, type PolicyKey } from './schema.ts';
import type { Settings } from './settings.ts';

/** What the extension actually does: built-in defaults < the user's settings < the organisation's policy. */
export interface EffectiveSettings extends Settings {
  allowProceed: boolean;
  allowUserAllowlist: boolean;
  extraVendors: ExtraVendor[];
  blockedDomains: string[];
  exemptDomains: string[];
  /** null: the vendor's built-in list; []: hide the section. */
  alternatives: Alternative[] | null;
  organizationName: string;
  supportUrl: string;
  supportEmail: string;
  message: string;
  /**
   * What the organisation says about checking every site: null when it says nothing (the user
   * decides, by granting or removing the browser permission). See scan-all-sites.ts.
   */
  scanAllSites: boolean | null;
  /** Where the organisation says its people are; empty: the user's "Where you are" (or the browser's) decides. */
  jurisdictions: string[];
  /** The built-in vendors the organisation turned on; null: every one but those the user switched off (`vendorsOff`). */
  vendors: string[] | null;
}

export const POLICY_DEFAULTS: Readonly<Omit<EffectiveSettings, keyof Settings>> = Object.freeze({
  allowProceed: true,
  allowUserAllowlist: true,
  extraVendors: [],
  blockedDomains: [],
  exemptDomains: [],
  alternatives: null,
  organizationName: '',
  supportUrl: '',
  supportEmail: '',
  message: '',
  scanAllSites: null,
  jurisdictions: [],
  vendors: null,
});

/** A setting the user may see but not change. */
export type LockedKey = PolicyKey | 'allowedSites';

export interface MergedSettings {
  effective: EffectiveSettings;
  /** Keys the organisation set: the options page shows them disabled, "Set by your organisation". */
  locked: LockedKey[];
}

/** Merges field by field; a key the organisation sets wins and is locked. */
export function mergeSettings(user: Settings, policy: OrgPolicy): MergedSettings {
  // Fresh lists: callers may change `effective` without touching the defaults or the policy.
  const effective: EffectiveSettings = {
    ...POLICY_DEFAULTS,
    extraVendors: [],
    blockedDomains: [],
    exemptDomains: [],
    jurisdictions: [],
    ...user,
  };
  const locked: LockedKey[] = [];
  for (const key of POLICY_KEYS) {
    const value = policy[key];
    if (value === undefined) continue;
    (effective as unknown as Record<PolicyKey, unknown>)[key] = Array.isArray(value) ? [...value] : value;
    locked.push(key);
  }
  if (!effective.allowUserAllowlist) {
    // The organisation turned the user's allowlist off: it neither applies nor can be edited.
    effective.allowedSites = [];
    locked.push('allowedSites');
  }
  return { effective, locked };
}

/**
 * The reader the warnings speak to: the organisation's jurisdictions, else the user's "Where
 * you are", else the first region of the browser's languages (`browserRegion`), else nowhere known.
 */
export function readerOf(
  effective: Pick<EffectiveSettings, 'jurisdictions' | 'region' | 'audience'>,
  browserRegion: string | null,
): Reader {
  const regions = effective.jurisdictions.length > 0 ? effective.jurisdictions : [effective.region || browserRegion || ''].filter(Boolean);
  return { regions, role: effective.audience };
}

/** Whether a built-in vendor is on: the organisation's list when it set one, else unless the user switched it off. */
export function builtInVendorOn(effective: Pick<EffectiveSettings, 'vendors' | 'vendorsOff'>, id: string): boolean {
  return effective.vendors ? effective.vendors.includes(id) : !effective.vendorsOff.includes(id);
}
