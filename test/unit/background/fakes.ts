import { createWorker, type Worker } from '../../../src/background/context.ts';
import type { DownloadFacts, LoadedState, Ports, TabRecord } from '../../../src/background/ports.ts';
import type { ContentSender } from '../../../src/background/requests.ts';
import { EMPTY_CONTENT, EMPTY_SIGNALS, type PageContent, type PageSignals } from '../../../src/core/classify/page-signals.ts';
import type { Verdict } from '../../../src/core/classify/verdict.ts';
import type { BlockRule } from '../../../src/core/policy/block-rules.ts';
import { mergeSettings } from '../../../src/core/policy/merge.ts';
import type { OrgPolicy } from '../../../src/core/policy/schema.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/policy/settings.ts';
import type { WarningLevel } from '../../../src/core/vendors/standing.ts';
import type { ContentMessage } from '../../../src/platform/messages.ts';

/*
 * Fake ports for the worker's feature handlers: plain objects that keep what a browser would
 * keep (tab records, session lists, settings) and record every call, so a test can say what the
 * worker did. No webextension-polyfill anywhere.
 */

export const EXTENSION_ID = 'testextensionid';
export const BLOCKED_PAGE = `chrome-extension://${EXTENSION_ID}/src/ui/blocked/index.html`;

export interface FakeSetup {
  user?: Partial<Settings>;
  /** The organisation's policy (as if managed). */
  policy?: OrgPolicy;
  openTabs?: { tabId: number; url: string }[];
  /** Block-rule patterns the browser refuses. */
  refuse?: (rule: BlockRule) => boolean;
  /** The first region of the browser's languages (LoadedState.browserRegion). */
  browserRegion?: string;
  /** Whether a content script runs in the tab's top frame to receive messages (default: yes). */
  topScripted?: (tabId: number) => boolean;
}

export interface FakeBrowser {
  ports: Ports;
  worker: Worker;
  tabRecords: Map<number, TabRecord>;
  lists: Map<string, string[]>;
  user: Settings;
  imported: OrgPolicy | null;
  managed: OrgPolicy | null;
  /** How often the settings were read from storage. */
  loads: number;
  badges: { tabId: number; flagged: boolean; level: WarningLevel | null; title: string }[];
  navigated: { tabId: number; url: string }[];
  sent: { tabId: number; message: ContentMessage }[];
  installedRules: BlockRule[][];
  allowedHosts: string[];
  savedUser: Settings[];
  savedImported: (OrgPolicy | null)[];
  cancelled: number[];
  notifications: { id: string; title: string; message: string }[];
  /** The last badge set on a tab. */
  badgeOf(tabId: number): { flagged: boolean; title: string } | undefined;
  /** The level of the last badge set on a tab: the warning's mark, the notice's, or none (null). */
  badgeLevelOf(tabId: number): WarningLevel | null | undefined;
}

/** Storage hands out copies: a handler must not count on keeping an object it wrote. */
const copy = <T>(value: T): T => structuredClone(value);

/** i18n that shows the key and its substitutions, so tests can read what was said. */
export const fakeT = (key: string, substitutions?: string | string[]): string =>
  substitutions === undefined ? key : `${key}(${[substitutions].flat().join('|')})`;

export function fakeBrowser(setup: FakeSetup = {}): FakeBrowser {
  const fake: Omit<FakeBrowser, 'ports' | 'worker'> = {
    tabRecords: new Map(),
    lists: new Map(),
    user: { ...DEFAULT_SETTINGS, allowedSites: [], ...setup.user },
    imported: null,
    managed: setup.policy ?? null,
    loads: 0,
    badges: [],
    navigated: [],
    sent: [],
    installedRules: [],
    allowedHosts: [],
    savedUser: [],
    savedImported: [],
    cancelled: [],
    notifications: [],
    badgeOf(tabId) {
      const last = this.badges.filter((badge) => badge.tabId === tabId).at(-1);
      return last && { flagged: last.flagged, title: last.title };
    },
    badgeLevelOf(tabId) {
      return this.badges.filter((badge) => badge.tabId === tabId).at(-1)?.level;
    },
  };
  const load = async (): Promise<LoadedState> => {
    fake.loads++;
    return copy({
      user: fake.user,
      merged: mergeSettings(fake.user, { ...fake.imported, ...fake.managed }),
      settingsProblems: [],
      policyProblems: [],
      importedPolicy: fake.imported,
      managedPolicy: fake.managed,
      browserRegion: setup.browserRegion ?? null,
    });
  };
  const ports: Ports = {
    tabStore: {
      read: async (tabId) => copy(fake.tabRecords.get(tabId) ?? null),
      update: async (tabId, change) => {
        const next = change(copy(fake.tabRecords.get(tabId) ?? null));
        if (next) fake.tabRecords.set(tabId, copy(next));
        else fake.tabRecords.delete(tabId);
        return next;
      },
      all: async () => copy(fake.tabRecords),
      readList: async (key) => [...(fake.lists.get(key) ?? [])],
      addToList: async (key, item) => {
        const list = fake.lists.get(key) ?? [];
        if (!list.includes(item)) fake.lists.set(key, [...list, item]);
      },
    },
    badge: { set: async (tabId, level, title) => void fake.badges.push({ tabId, flagged: level !== null, level, title }) },
    tabs: {
      navigate: async (tabId, url) => void fake.navigated.push({ tabId, url }),
      send: async (tabId, message) => {
        const delivered = setup.topScripted?.(tabId) ?? true;
        if (delivered) fake.sent.push({ tabId, message: copy(message) });
        return delivered;
      },
      openTabUrls: async () => setup.openTabs ?? [],
    },
    settings: {
      load,
      saveUser: async (settings) => {
        fake.savedUser.push(copy(settings));
        fake.user = copy(settings);
      },
      saveImportedPolicy: async (policy) => {
        fake.savedImported.push(copy(policy));
        fake.imported = copy(policy);
      },
    },
    blockRules: {
      install: async (rules) => {
        fake.installedRules.push(rules);
        return rules.filter((rule) => setup.refuse?.(rule) ?? false);
      },
      allowHostForSession: async (host) => void fake.allowedHosts.push(host),
      blockedPageUrl: () => BLOCKED_PAGE,
      extensionId: () => EXTENSION_ID,
    },
    downloads: {
      cancel: async (id) => void fake.cancelled.push(id),
      notify: async (id, title, message) => void fake.notifications.push({ id, title, message }),
    },
    t: fakeT,
    locale: () => 'en-US',
  };
  return Object.assign(fake, { ports, worker: createWorker(ports) });
}

/** A content script in tab `tabId`'s top frame (or frame `frameId`) showing `url`. */
export const contentSender = (tabId: number, url: string, frameId = 0): ContentSender => ({ kind: 'content', tabId, frameId, url });

/** Page signals as the content script sends them: only what the test names, the rest empty. */
export function signals(
  url: string,
  overrides: Partial<Omit<PageSignals, 'content'>> = {},
  content: Partial<PageContent> | null = null,
): PageSignals {
  const main: PageContent | null = content && { ...EMPTY_CONTENT, ...content };
  return { ...EMPTY_SIGNALS, url, ...overrides, content: main };
}

/** A verdict the page's own report decided (no URL rule would give it): what a settings change must keep. */
export const FROM_PAGE: Verdict = Object.freeze({
  vendor: 'kaspersky',
  kind: 'purchase',
  reasons: ['page-product-data'],
  rule: 'page-content',
}) as Verdict;

export const download = (id: number, url: string, filename = ''): DownloadFacts => ({ id, url, finalUrl: url, filename });
