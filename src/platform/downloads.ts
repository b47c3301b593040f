import browser, { type Downloads } from 'webextension-polyfill';
import type { DownloadFacts as DownloadLocation } from '../core/policy/download.ts';

/** A download as the browser reports it: where it comes from and goes to, and its id (to cancel it). */
export interface DownloadFacts extends DownloadLocation {
  id: number;
}

/** Calls back when a download starts and again when its final file name is known. */
export function onDownload(callback: (download: DownloadFacts) => void): void {
  browser.downloads.onCreated.addListener((item) => callback(facts(item)));
  browser.downloads.onChanged.addListener((delta) => {
    if (!delta.filename?.current) return;
    void browser.downloads.search({ id: delta.id }).then(([item]) => {
      if (item) callback(facts(item));
    });
  });
}

/** Chrome reports the URL after redirects as `finalUrl`; the polyfill's types predate it. */
function facts(item: Downloads.DownloadItem & { finalUrl?: string }): DownloadFacts {
  return { id: item.id, url: item.url, finalUrl: item.finalUrl ?? item.url, filename: item.filename ?? '' };
}

export async function cancelDownload(id: number): Promise<void> {
  try {
    await browser.downloads.cancel(id);
  } catch {
    // Already finished or removed: nothing left to cancel.
  }
}

/** A system notification from the extension (no click handling: it only informs). */
export async function notify(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  });
}
