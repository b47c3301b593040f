import browser, { type Runtime } from 'webextension-polyfill';
import type { BackgroundRequest, BackgroundResponse, ContentMessage } from './messages.ts';

/** Sends a typed request to the background service worker and returns its typed answer. */
export async function sendToBackground<R extends BackgroundRequest>(request: R): Promise<BackgroundResponse[R['type']]> {
  return (await browser.runtime.sendMessage(request)) as BackgroundResponse[R['type']];
}

/** A localized string from _locales; the key itself if the string is missing (visible in tests). */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The browser's UI language, for Intl formatting. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/**
 * The browser's language preferences, the most telling first: the user's own list of languages
 * (navigator.languages, which is also what pages get as Accept-Language), then the browser's
 * Accept-Language setting, then the UI language. The UI language comes last because it names a
 * region least well: Chrome has only a few UI locales (an Australian gets en-GB or en-US), it is
 * often region-less ("de"), and headless Chromium reports en-US whatever --lang says.
 * Nothing leaves the browser.
 */
export async function browserLanguages(): Promise<string[]> {
  let accept: string[] = [];
  try {
    accept = await browser.i18n.getAcceptLanguages();
  } catch {
    // Not every browser answers in every context; the other sources remain.
  }
  return [...(globalThis.navigator?.languages ?? []), ...accept, browser.i18n.getUILanguage()];
}

/** The id of the active tab in the current window, or null (for example in a test page). */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Listens for messages the background sends to this tab's content script. */
export function onBackgroundMessage(listener: (message: ContentMessage) => void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id === browser.runtime.id && typeof message === 'object' && message !== null) listener(message as ContentMessage);
    return undefined;
  });
}
