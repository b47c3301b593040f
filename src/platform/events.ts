import browser, { type Runtime, type WebNavigation } from 'webextension-polyfill';
import { CONTENT_REQUESTS, PAGE_REQUESTS, type BackgroundRequest, type ContentMessage } from './messages.ts';

/** Top-level navigations only: a committed page, or a same-document URL change (SPA, fragment). */
export function onTopLevelNavigation(listener: (tabId: number, url: string, sameDocument: boolean) => void): void {
  const committed = (details: WebNavigation.OnCommittedDetailsType) => {
    if (details.frameId === 0) listener(details.tabId, details.url, false);
  };
  const sameDocument = (details: WebNavigation.OnHistoryStateUpdatedDetailsType) => {
    if (details.frameId === 0) listener(details.tabId, details.url, true);
  };
  browser.webNavigation.onCommitted.addListener(committed);
  browser.webNavigation.onHistoryStateUpdated.addListener(sameDocument);
  browser.webNavigation.onReferenceFragmentUpdated.addListener(sameDocument);
}

/** Navigations inside a tab's frames (not its top frame): a committed page, or a frame's own URL change. */
export function onSubframeNavigation(listener: (tabId: number, frameId: number, url: string) => void): void {
  const frame = (details: { tabId: number; frameId: number; url: string }) => {
    if (details.frameId !== 0) listener(details.tabId, details.frameId, details.url);
  };
  browser.webNavigation.onCommitted.addListener(frame);
  browser.webNavigation.onHistoryStateUpdated.addListener(frame);
}

/** A top-level navigation the browser refused because a block rule matched (it shows an error page). */
export function onNavigationBlocked(listener: (tabId: number, url: string) => void): void {
  // Chrome reports the net error as `error`; the polyfill's types omit it.
  browser.webNavigation.onErrorOccurred.addListener((details: WebNavigation.OnErrorOccurredDetailsType & { error?: string }) => {
    if (details.frameId === 0 && details.error?.includes('ERR_BLOCKED_BY_CLIENT')) listener(details.tabId, details.url);
  });
}

export function onTabClosed(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

export function onInstalledOrStarted(listener: () => void): void {
  browser.runtime.onInstalled.addListener(() => listener());
  browser.runtime.onStartup.addListener(() => listener());
}

/** Who sent a request: a content script in one of a tab's frames (0: the top frame), or one of the extension's own pages. */
export type Sender = { kind: 'content'; tabId: number; frameId: number; url: string } | { kind: 'extension-page' };

/**
 * Answers typed requests, and only from this extension: its content scripts (in any frame of a
 * tab) and its own pages. Anything else is refused.
 */
export function onRequest(handler: (request: BackgroundRequest, sender: Sender) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const from = identify(sender);
    if (!from || !isRequest(message)) return undefined;
    const fromContent = (CONTENT_REQUESTS as readonly string[]).includes(message.type);
    if (fromContent !== (from.kind === 'content')) return undefined;
    return handler(message, from);
  });
}

function identify(sender: Runtime.MessageSender): Sender | null {
  if (sender.id !== browser.runtime.id) return null;
  const ownOrigin = browser.runtime.getURL('');
  if (sender.tab?.id !== undefined && sender.frameId !== undefined && sender.url && !sender.url.startsWith(ownOrigin)) {
    return { kind: 'content', tabId: sender.tab.id, frameId: sender.frameId, url: sender.url };
  }
  if (sender.url?.startsWith(ownOrigin)) return { kind: 'extension-page' };
  return null;
}

const REQUEST_TYPES = new Set<string>([...CONTENT_REQUESTS, ...PAGE_REQUESTS]);

function isRequest(message: unknown): message is BackgroundRequest {
  return typeof message === 'object' && message !== null && REQUEST_TYPES.has(String((message as { type?: unknown }).type));
}

/** Tells the content script in a tab's top frame; false when none runs there (an unrelated site, or not loaded yet). */
export async function sendToTab(tabId: number, message: ContentMessage): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}

/** URLs of the top frames of open tabs, read through webNavigation (no "tabs" permission needed). */
export async function openTabUrls(): Promise<{ tabId: number; url: string }[]> {
  const tabs = await browser.tabs.query({});
  const found = await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return null;
      const frame = await browser.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => null);
      return frame?.url ? { tabId: tab.id, url: frame.url } : null;
    }),
  );
  return found.filter((entry): entry is { tabId: number; url: string } => entry !== null);
}

/** Sends a tab to `url` (used to replace a page that must be blocked with the blocking page). */
export async function navigateTab(tabId: number, url: string): Promise<void> {
  try {
    await browser.tabs.update(tabId, { url });
  } catch {
    // The tab closed meanwhile.
  }
}
