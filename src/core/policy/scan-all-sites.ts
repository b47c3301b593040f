/*
 * Checking every shopping and download site: an opt-in that runs the content script on every
 * http(s) page, not only on the vendor, retailer, portal and store hosts the manifest lists.
 *
 * It needs an optional site permission (ALL_SITES_ORIGINS) that only the user can grant, in the browser's
 * own dialog, and a content script registered at run time. The browser's grant is the record of
 * the user's choice: it survives restarts, and the user can take it back in the browser's own
 * settings. This module decides, from the organisation's policy, the grant and what the browser
 * has registered, what the extension shows and what it must change. It calls no browser API.
 */

/** The id of the content script registered for every site. */
export const SCAN_SCRIPT_ID = 'vendor-guard-all-sites';

/** The optional host permission the feature asks for: every http and https page. */
export const ALL_SITES_ORIGINS: readonly string[] = ['*://*/*'];

/**
 * What the options page and popup show:
 * - `off` / `on`: the user's choice (the permission is not / is granted);
 * - `locked-off`: the organisation turned it off (the permission is released);
 * - `locked-on`: the organisation asks for it and the user allowed it;
 * - `org-asks`: the organisation asks for it, and the user has not allowed it (yet, or any more).
 */
export type ScanStatus = 'off' | 'on' | 'locked-off' | 'locked-on' | 'org-asks';

/** A content script as `scripting.registerContentScripts` takes it (the fields this feature uses). */
export interface ScanScript {
  id: string;
  js: string[];
  css?: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_start' | 'document_end' | 'document_idle';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

/** The static content script as `runtime.getManifest()` reports it (built file names). */
export interface ManifestContentScript {
  js?: string[];
  css?: string[];
  matches?: string[];
  run_at?: string;
  all_frames?: boolean;
}

/**
 * The script to register: the same files as the manifest's content script, run as it runs (when,
 * and in which frames), on every http(s) page except those the manifest's script already covers,
 * so no page ever gets it twice.
 */
export function scanScriptFor(manifestScript: ManifestContentScript | undefined): ScanScript | null {
  const js = manifestScript?.js ?? [];
  if (js.length === 0) return null;
  const runAt = manifestScript?.run_at;
  return {
    id: SCAN_SCRIPT_ID,
    js: [...js],
    ...(manifestScript?.css?.length ? { css: [...manifestScript.css] } : {}),
    matches: [...ALL_SITES_ORIGINS],
    excludeMatches: [...(manifestScript?.matches ?? [])],
    runAt: runAt === 'document_start' || runAt === 'document_end' ? runAt : 'document_idle',
    allFrames: manifestScript?.all_frames ?? false,
    persistAcrossSessions: true,
  };
}

/** What the browser reports for a registered script (`scripting.getRegisteredContentScripts`). */
export interface RegisteredScript {
  id: string;
  js?: string[];
  css?: string[];
  matches?: string[];
  excludeMatches?: string[];
  runAt?: string;
  allFrames?: boolean;
}

export interface ScanInputs {
  /** The organisation's `scanAllSites`: null when it says nothing. */
  policy: boolean | null;
  /** The browser grants the optional all-sites permission. */
  granted: boolean;
  /** Our script as the browser has it registered, if it is. */
  registered: RegisteredScript | null;
  /** The script that should be registered while the feature is on (null: the build has no content script). */
  wanted: ScanScript | null;
}

/**
 * - `keep`: registered as it should be; `none`: not registered, as it should be;
 * - `register`: register `wanted`; `replace`: unregister, then register `wanted` (a new build's files);
 * - `unregister`: take the script away.
 */
export type RegistrationStep = 'keep' | 'none' | 'register' | 'replace' | 'unregister';

export interface ScanPlan {
  status: ScanStatus;
  /** True when the content script should run on every site. */
  active: boolean;
  registration: RegistrationStep;
  /** The organisation turned the feature off while the permission is still granted: give it back. */
  releasePermission: boolean;
}

/** Decides what to show and what to change; the same answer for the same inputs, whoever asks. */
export function planScanning({ policy, granted, registered, wanted }: ScanInputs): ScanPlan {
  const status: ScanStatus =
    policy === false ? 'locked-off' : policy === true ? (granted ? 'locked-on' : 'org-asks') : granted ? 'on' : 'off';
  const active = granted && policy !== false && wanted !== null;
  let registration: RegistrationStep;
  if (!active) registration = registered ? 'unregister' : 'none';
  else if (!registered) registration = 'register';
  else registration = sameScript(registered, wanted) ? 'keep' : 'replace';
  return { status, active, registration, releasePermission: policy === false && granted };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

/** True when the browser's registration runs the wanted files on the wanted pages. */
export function sameScript(registered: RegisteredScript, wanted: ScanScript | null): boolean {
  if (!wanted) return false;
  return (
    registered.id === wanted.id &&
    sameList(registered.js, wanted.js) &&
    sameList(registered.css, wanted.css) &&
    sameList(registered.matches, wanted.matches) &&
    sameList(registered.excludeMatches, wanted.excludeMatches) &&
    (registered.runAt ?? 'document_idle') === wanted.runAt &&
    (registered.allFrames ?? false) === wanted.allFrames
  );
}

/** True when the user may switch the feature on or off themself (the organisation decides nothing). */
export function userMayChange(status: ScanStatus): boolean {
  return status === 'on' || status === 'off';
}
