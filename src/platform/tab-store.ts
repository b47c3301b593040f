import browser from 'webextension-polyfill';
import type { Verdict } from '../core/classify/verdict.ts';

/** A page in one of a tab's frames that a rule flagged (a vendor's store embedded in another site's page). */
export interface FrameRecord {
  frameId: number;
  url: string;
  site: string;
  verdict: Verdict;
}

/** What the background remembers about a tab, in storage.session so a restarted worker loses nothing. */
export interface TabRecord {
  url: string;
  site: string;
  verdict: Verdict;
  /** The user dismissed the banner on this page (cleared when the tab moves to another page). */
  dismissed: boolean;
  /** Flagged pages in the tab's frames (cleared when the tab moves to another page; absent in older records). */
  frames?: FrameRecord[];
}

const keyOf = (tabId: number) => `tab:${tabId}`;
const queues = new Map<number, Promise<unknown>>();

/**
 * A stored record is used only if it has the shape this version writes: anything else (another
 * version's format, a bad write) counts as no record, and the tab is classified afresh.
 */
function isTabRecord(value: unknown): value is TabRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const frames = record['frames'];
  return (
    typeof record['url'] === 'string' &&
    typeof record['site'] === 'string' &&
    typeof record['dismissed'] === 'boolean' &&
    isVerdict(record['verdict']) &&
    (frames === undefined || (Array.isArray(frames) && frames.every(isFrameRecord)))
  );
}

function isVerdict(value: unknown): boolean {
  const verdict = value as Record<string, unknown> | null | undefined;
  return (
    typeof verdict === 'object' &&
    verdict !== null &&
    (typeof verdict['vendor'] === 'string' || verdict['vendor'] === null) &&
    typeof verdict['kind'] === 'string' &&
    Array.isArray(verdict['reasons'])
  );
}

function isFrameRecord(value: unknown): boolean {
  const frame = value as Record<string, unknown> | null;
  return (
    typeof frame === 'object' &&
    frame !== null &&
    typeof frame['frameId'] === 'number' &&
    typeof frame['url'] === 'string' &&
    typeof frame['site'] === 'string' &&
    isVerdict(frame['verdict'])
  );
}

export async function readTab(tabId: number): Promise<TabRecord | null> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)];
  return isTabRecord(stored) ? stored : null;
}

/**
 * Read-modify-write of one tab's record, serialised per tab: navigation events and page
 * messages for the same tab arrive close together and must not overwrite each other.
 */
export function updateTab(tabId: number, change: (current: TabRecord | null) => TabRecord | null): Promise<TabRecord | null> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(async () => {
    const next = change(await readTab(tabId));
    if (next) await browser.storage.session.set({ [keyOf(tabId)]: next });
    else await browser.storage.session.remove(keyOf(tabId));
    return next;
  });
  const settled = run.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return run;
}

export async function allTabs(): Promise<Map<number, TabRecord>> {
  const stored = await browser.storage.session.get(null);
  const tabs = new Map<number, TabRecord>();
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith('tab:') && isTabRecord(value)) tabs.set(Number(key.slice(4)), value);
  }
  return tabs;
}

/** A list kept for the browser session (hosts the user proceeded to, downloads already handled). */
export async function readSessionList(key: string): Promise<string[]> {
  const stored = (await browser.storage.session.get(key))[key];
  return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
}

export async function addToSessionList(key: string, item: string): Promise<void> {
  const list = await readSessionList(key);
  if (!list.includes(item)) await browser.storage.session.set({ [key]: [...list, item] });
}
