import browser from 'webextension-polyfill';
import { mergeSettings, type MergedSettings } from '../core/policy/merge.ts';
import { isFallbackCode, isProblem } from '../core/policy/problems.ts';
import { parseManagedPolicy, type OrgPolicy, type PolicyProblem } from '../core/policy/schema.ts';
import { parseStoredSettings, type Settings, type SettingsProblem } from '../core/policy/settings.ts';
import { regionFromLanguages } from '../core/reader.ts';
import { browserLanguages } from './runtime.ts';

/*
 * Where the settings come from: the user's own (storage.local "settings"), the organisation
 * profile a user imported (storage.local "importedPolicy"), and enterprise-managed storage.
 * Managed storage is slow to read (seconds after start-up), may throw when no policy exists
 * (Firefox), and may change at run time: its last valid reading is cached in storage.local
 * ("managedPolicy") and used until a new reading replaces it.
 */

const SETTINGS = 'settings';
const IMPORTED = 'importedPolicy';
const MANAGED_CACHE = 'managedPolicy';

interface ManagedCache {
  policy: OrgPolicy;
  problems: PolicyProblem[];
}

export interface LoadedState {
  user: Settings;
  merged: MergedSettings;
  settingsProblems: SettingsProblem[];
  policyProblems: PolicyProblem[];
  importedPolicy: OrgPolicy | null;
  managedPolicy: OrgPolicy | null;
  /** The first region of the browser's language preferences (de-DE → DE), or null: "Where you are" when nobody set it. */
  browserRegion: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An entry in the current shape; one cached by an older version (English `message` text) is not, and is dropped. */
const isPolicyProblem = (value: unknown): value is PolicyProblem =>
  isProblem(value) && isFallbackCode((value as Partial<PolicyProblem>).fallback);

/** Everything that decides what the extension does, read in one storage call. */
export async function loadState(): Promise<LoadedState> {
  const [stored, languages] = await Promise.all([browser.storage.local.get([SETTINGS, IMPORTED, MANAGED_CACHE]), browserLanguages()]);
  const { settings: user, problems: settingsProblems } = parseStoredSettings(stored[SETTINGS]);
  // Stored values are re-validated: storage can hold anything (an old version, a bad edit).
  const imported = isRecord(stored[IMPORTED]) ? parseManagedPolicy(stored[IMPORTED]) : null;
  const cache = stored[MANAGED_CACHE];
  const managed = isRecord(cache) ? parseManagedPolicy(cache['policy']) : null;
  // The cached problem list is re-checked too: options renders each entry's fields. Entries it
  // cannot render are left out; refreshManagedPolicy rewrites the cache from managed storage.
  const managedProblems = isRecord(cache) && Array.isArray(cache['problems']) ? cache['problems'].filter(isPolicyProblem) : [];
  const importedPolicy = imported && Object.keys(imported.policy).length ? imported.policy : null;
  const managedPolicy = managed && Object.keys(managed.policy).length ? managed.policy : null;
  return {
    user,
    merged: mergeSettings(user, { ...importedPolicy, ...managedPolicy }),
    settingsProblems,
    policyProblems: [...managedProblems, ...(imported?.problems ?? []), ...(managed?.problems ?? [])],
    importedPolicy,
    managedPolicy,
    browserRegion: regionFromLanguages(languages),
  };
}

export async function saveUserSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS]: settings });
}

export async function saveImportedPolicy(policy: OrgPolicy | null): Promise<void> {
  if (policy) await browser.storage.local.set({ [IMPORTED]: policy });
  else await browser.storage.local.remove(IMPORTED);
}

/**
 * Reads enterprise-managed storage and caches the result. No policy (or a browser that throws
 * for lack of one) caches an empty policy; a failed read keeps the last cached one.
 */
export async function refreshManagedPolicy(): Promise<void> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Firefox throws when no policy is configured for the extension: that is "no policy".
    if (!/managed storage manifest not found|no managed storage/i.test(message)) return;
    raw = {};
  }
  const parsed = parseManagedPolicy(raw);
  const next: ManagedCache = { policy: parsed.policy, problems: parsed.problems };
  const current = (await browser.storage.local.get(MANAGED_CACHE))[MANAGED_CACHE];
  if (JSON.stringify(current) !== JSON.stringify(next)) await browser.storage.local.set({ [MANAGED_CACHE]: next });
}

/** Calls back when anything `loadState` reads changes; re-reads managed storage when the admin changes it. */
export function onStateChanged(callback: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void refreshManagedPolicy();
    else if (area === 'local' && [SETTINGS, IMPORTED, MANAGED_CACHE].some((key) => key in changes)) callback();
  });
}
