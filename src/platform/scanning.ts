import browser, { type Scripting } from 'webextension-polyfill';
import {
  ALL_SITES_ORIGINS,
  planScanning,
  sameScript,
  SCAN_SCRIPT_ID,
  scanScriptFor,
  type RegisteredScript,
  type ScanInputs,
  type ScanPlan,
  type ScanScript,
  type ScanStatus,
} from '../core/policy/scan-all-sites.ts';
import { loadState } from './policy.ts';

/*
 * Checking every shopping and download site (core/policy/scan-all-sites.ts decides; this file
 * does what it decides): the optional all-sites permission (ALL_SITES_ORIGINS), and the content script registered
 * for every site. The options page and the popup call `turnOnScanning` straight from a click
 * (the browser shows its permission dialog only during a user action) and `turnOffScanning`;
 * the background calls `reconcileScanning` whenever it starts, the permission changes or the
 * policy changes. Every caller may run at the same time as another: each step tolerates finding
 * the work already done.
 */

/** What the options page and the popup show. */
export interface ScanView {
  status: ScanStatus;
  /** The content script runs on every site now. */
  active: boolean;
}

const ALL_SITES = { origins: [...ALL_SITES_ORIGINS] };

/** The content script of this build, as the manifest names its files, for every site. */
function wantedScript(): ScanScript | null {
  return scanScriptFor(browser.runtime.getManifest().content_scripts?.[0]);
}

async function registeredScript(): Promise<RegisteredScript | null> {
  const scripts = await browser.scripting.getRegisteredContentScripts({ ids: [SCAN_SCRIPT_ID] });
  return scripts.find((script) => script.id === SCAN_SCRIPT_ID) ?? null;
}

async function readInputs(): Promise<ScanInputs> {
  const [state, granted, registered] = await Promise.all([loadState(), browser.permissions.contains(ALL_SITES), registeredScript()]);
  return { policy: state.merged.effective.scanAllSites, granted, registered, wanted: wantedScript() };
}

const viewOf = (plan: ScanPlan): ScanView => ({ status: plan.status, active: plan.active && plan.registration === 'keep' });

/** The feature's state as it is now (nothing is changed). */
export async function readScanning(): Promise<ScanView> {
  return viewOf(planScanning(await readInputs()));
}

async function register(script: ScanScript): Promise<void> {
  try {
    await browser.scripting.registerContentScripts([script as Scripting.RegisteredContentScript]);
  } catch (error) {
    // Another page or the background registered it meanwhile: fine if it is the same script.
    const now = await registeredScript();
    if (!now || !sameScript(now, script)) throw error;
  }
}

async function unregister(): Promise<void> {
  try {
    await browser.scripting.unregisterContentScripts({ ids: [SCAN_SCRIPT_ID] });
  } catch (error) {
    if (await registeredScript()) throw error;
  }
}

async function applyPlan(): Promise<ScanView> {
  let inputs = await readInputs();
  let plan = planScanning(inputs);
  if (plan.releasePermission) {
    // The organisation turned the feature off: the extension gives the site access back.
    await browser.permissions.remove(ALL_SITES);
    inputs = await readInputs();
    plan = planScanning(inputs);
  }
  if (plan.registration === 'unregister' || plan.registration === 'replace') await unregister();
  if ((plan.registration === 'register' || plan.registration === 'replace') && inputs.wanted) await register(inputs.wanted);
  return readScanning();
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the browser's registration match the policy and the permission: registers the script
 * when the permission is granted (and the organisation did not turn the feature off), takes it
 * away otherwise, replaces it when a new build renamed its files, and releases the permission
 * when the organisation turned the feature off. Calls in one page run one after another.
 */
export function reconcileScanning(): Promise<ScanView> {
  const run = queue.then(applyPlan, applyPlan);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Asks the browser for the permission and, when the user allows it, registers the content
 * script. Call it straight from a click or key handler, before any `await`: browsers show the
 * permission dialog only during a user action.
 */
export function turnOnScanning(): Promise<{ granted: boolean; view: ScanView }> {
  const asked = browser.permissions.request(ALL_SITES);
  return asked.then(async (granted) => ({ granted, view: await reconcileScanning() }));
}

/** Releases the permission and takes the content script away. */
export async function turnOffScanning(): Promise<ScanView> {
  await browser.permissions.remove(ALL_SITES);
  return reconcileScanning();
}

/**
 * True when a permission change touches site access. Not only the all-sites pattern itself: a browser may
 * report a revocation from its own settings as narrower origins, and a recheck costs little.
 */
function concernsSiteAccess(permissions: { origins?: string[] }): boolean {
  return (permissions.origins ?? []).length > 0;
}

/**
 * Calls back when the all-sites permission is granted or removed, here or in the browser's own
 * settings (the user can take site access back there at any time). Returns the unsubscribe function.
 */
export function onScanPermissionChanged(callback: () => void): () => void {
  const listener = (permissions: { origins?: string[] }) => {
    if (concernsSiteAccess(permissions)) callback();
  };
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}

/** Storage keys whose change may change the organisation's `scanAllSites` (see platform/policy.ts). */
const POLICY_KEYS_IN_STORAGE = ['importedPolicy', 'managedPolicy'];

/** Calls back when the permission or the organisation's policy changes. Returns the unsubscribe function. */
export function onScanningChanged(callback: () => void): () => void {
  const stopPermission = onScanPermissionChanged(callback);
  const storageListener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && POLICY_KEYS_IN_STORAGE.some((key) => key in changes)) callback();
  };
  browser.storage.onChanged.addListener(storageListener);
  return () => {
    stopPermission();
    browser.storage.onChanged.removeListener(storageListener);
  };
}
