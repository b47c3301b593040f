import type { BlockRule } from '../core/policy/block-rules.ts';
import type { OrgPolicy } from '../core/policy/schema.ts';
import type { Settings } from '../core/policy/settings.ts';
import type { WarningLevel } from '../core/vendors/standing.ts';
import type { ContentMessage } from '../platform/messages.ts';
import type { LoadedState } from '../platform/policy.ts';
import type { TabRecord } from '../platform/tab-store.ts';

/*
 * What the worker's feature handlers need from the browser, one interface per concern. index.ts
 * builds them from src/platform/; unit tests pass plain objects. The data they carry is typed
 * where the platform layer makes it (type imports only: handlers run no browser code). Members
 * are function-typed properties, not methods, so the compiler checks their parameters strictly.
 */

export type { FrameRecord, TabRecord } from '../platform/tab-store.ts';
export type { LoadedState } from '../platform/policy.ts';
export type { DownloadFacts } from '../platform/downloads.ts';

/** Per-tab records and lists kept for the browser session. */
export interface TabStore {
  read: (tabId: number) => Promise<TabRecord | null>;
  /** Read-modify-write of one tab's record, serialised per tab; null removes the record. */
  update: (tabId: number, change: (current: TabRecord | null) => TabRecord | null) => Promise<TabRecord | null>;
  all: () => Promise<Map<number, TabRecord>>;
  /** A list kept for the session (hosts the user proceeded to, downloads already handled). */
  readList: (key: string) => Promise<string[]>;
  addToList: (key: string, item: string) => Promise<void>;
}

/** The toolbar icon's mark and title, per tab. */
export interface Badge {
  /** `level`: the warning's mark or the calmer notice's; null clears it. */
  set: (tabId: number, level: WarningLevel | null, title: string) => Promise<void>;
}

/** Tabs and their pages. */
export interface Tabs {
  /** Sends a tab to `url` (a page that must be blocked is replaced with the blocking page). */
  navigate: (tabId: number, url: string) => Promise<void>;
  /** Tells the content script in a tab's top frame something; false (and nothing happens) where none runs. */
  send: (tabId: number, message: ContentMessage) => Promise<boolean>;
  /** URLs of the top frames of open tabs. */
  openTabUrls: () => Promise<{ tabId: number; url: string }[]>;
}

/** Where the settings and the organisation's policy are read and written. */
export interface SettingsStore {
  load: () => Promise<LoadedState>;
  saveUser: (settings: Settings) => Promise<void>;
  /** Null removes the imported profile. */
  saveImportedPolicy: (policy: OrgPolicy | null) => Promise<void>;
}

/** The browser's request blocking (declarativeNetRequest) and the extension's own pages. */
export interface BlockRules {
  /** Installs `rules` in place of the current ones; returns those the browser refused. */
  install: (rules: BlockRule[]) => Promise<BlockRule[]>;
  /** Lets the user through to `host` until the browser closes. */
  allowHostForSession: (host: string) => Promise<void>;
  /** The blocking page; the blocked URL follows as its fragment. */
  blockedPageUrl: () => string;
  extensionId: () => string;
}

/** The browser's downloads and system notifications. */
export interface Downloads {
  cancel: (id: number) => Promise<void>;
  notify: (id: string, title: string, message: string) => Promise<void>;
}

/** A localized string from _locales (the key itself when it is missing). */
export type Translate = (key: string, substitutions?: string | string[]) => string;

export interface Ports {
  tabStore: TabStore;
  badge: Badge;
  tabs: Tabs;
  settings: SettingsStore;
  blockRules: BlockRules;
  downloads: Downloads;
  t: Translate;
  /** The browser's UI language, for dates in the words the worker writes (notifications). */
  locale: () => string;
}
