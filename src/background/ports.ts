import type { Verdict } from '../core/classify/verdict.ts';
import type { BlockRule } from '../core/policy/block-rules.ts';
import type { MergedSettings } from '../core/policy/merge.ts';
import type { OrgPolicy, PolicyProblem } from '../core/policy/schema.ts';
import type { Settings, SettingsProblem } from '../core/policy/settings.ts';
import type { ContentMessage } from '../platform/messages.ts';

/*
 * What the worker's feature handlers need from the browser, one interface per concern. index.ts
 * builds them from src/platform/; unit tests pass plain objects. The data types below are the
 * worker's view of what the ports carry, so no handler imports anything from platform/ but
 * message types. Members are function-typed properties, not methods: the compiler then checks
 * their parameters strictly, and index.ts fails to compile if platform's types drift from these.
 */

/** What the worker remembers about a tab (kept in storage.session so a restarted worker loses nothing). */
export interface TabRecord {
  url: string;
  site: string;
  verdict: Verdict;
  /** The user dismissed the banner on this page (cleared when the tab moves to another page). */
  dismissed: boolean;
}

/** Everything that decides what the extension does: the user's settings merged with the organisation's policy. */
export interface LoadedState {
  user: Settings;
  merged: MergedSettings;
  settingsProblems: SettingsProblem[];
  policyProblems: PolicyProblem[];
  importedPolicy: OrgPolicy | null;
  managedPolicy: OrgPolicy | null;
}

/** A download as the browser reports it, when it starts and again once its file name is known. */
export interface DownloadFacts {
  id: number;
  url: string;
  finalUrl: string;
  /** The file name once the browser has chosen it ("" before). */
  filename: string;
}

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
  set: (tabId: number, flagged: boolean, title: string) => Promise<void>;
}

/** Tabs and their pages. */
export interface Tabs {
  /** Sends a tab to `url` (a page that must be blocked is replaced with the blocking page). */
  navigate: (tabId: number, url: string) => Promise<void>;
  /** Tells a tab's content script something; nothing happens where none runs. */
  send: (tabId: number, message: ContentMessage) => Promise<void>;
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
}
