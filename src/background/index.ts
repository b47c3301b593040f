import { setTabBadge } from '../platform/badge.ts';
import { allowHostForSession, blockedPageUrl, extensionId, installBlockRules } from '../platform/block-rules.ts';
import { cancelDownload, notify, onDownload } from '../platform/downloads.ts';
import {
  navigateTab,
  onInstalledOrStarted,
  onNavigationBlocked,
  onRequest,
  onSubframeNavigation,
  onTabClosed,
  onTopLevelNavigation,
  openTabUrls,
  sendToTab,
} from '../platform/events.ts';
import { loadState, onStateChanged, refreshManagedPolicy, saveImportedPolicy, saveUserSettings } from '../platform/policy.ts';
import { t, uiLanguage } from '../platform/runtime.ts';
import { onScanPermissionChanged, reconcileScanning } from '../platform/scanning.ts';
import { addToSessionList, allTabs, readSessionList, readTab, updateTab } from '../platform/tab-store.ts';
import { createWorker } from './context.ts';
import { guardDownload } from './downloads.ts';
import * as navigation from './navigation.ts';
import type { Ports } from './ports.ts';
import { dispatch, requestHandlers } from './requests.ts';
import { reapplyEverywhere } from './settings-changes.ts';

/*
 * The service worker: builds the feature handlers' ports from src/platform/ and wires the
 * browser's events to them. The handlers (navigation, page reports, tile marks, downloads, UI
 * requests) turn events into verdicts with core and keep no state in globals.
 */

const ports: Ports = {
  tabStore: { read: readTab, update: updateTab, all: allTabs, readList: readSessionList, addToList: addToSessionList },
  badge: { set: setTabBadge },
  tabs: { navigate: navigateTab, send: sendToTab, openTabUrls },
  settings: { load: loadState, saveUser: saveUserSettings, saveImportedPolicy },
  blockRules: { install: installBlockRules, allowHostForSession, blockedPageUrl, extensionId },
  downloads: { cancel: cancelDownload, notify },
  t,
  locale: uiLanguage,
};

const worker = createWorker(ports);
const handlers = requestHandlers(worker);

// Listeners are added synchronously at the top level: the browser wakes the worker for them.
onTopLevelNavigation((tabId, url, sameDocument) => void navigation.onNavigation(worker, tabId, url, sameDocument));
onSubframeNavigation((tabId, frameId, url) => void navigation.onFrameNavigation(worker, tabId, frameId, url));
onTabClosed((tabId) => void navigation.onTabClosed(worker, tabId));
onNavigationBlocked((tabId, url) => void navigation.onNavigationBlocked(worker, tabId, url));

onStateChanged(() => {
  void reapplyEverywhere(worker);
  // The organisation may have turned checking every site on or off.
  syncScanning();
});

/** Checking every site: registration follows the permission and the policy (platform/scanning.ts). */
function syncScanning(): void {
  reconcileScanning().catch((error: unknown) => console.warn('Vendor Guard: checking every site could not be updated', error));
}

// The user granted or took back site access (in the options page, the popup or the browser's own settings).
onScanPermissionChanged(syncScanning);

onInstalledOrStarted(() => void navigation.onInstalledOrStarted(worker));

// Every start of the worker: the cached policy applies at once; the managed one replaces it when read.
void refreshManagedPolicy();
// Every start of the worker: what the browser kept registered is checked against the permission and the policy.
syncScanning();

onDownload((download) => void guardDownload(worker, download));

onRequest((request, sender) => dispatch(handlers, request, sender));
