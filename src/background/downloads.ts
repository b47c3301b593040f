import { noticeStatement, warningHeadline } from '../core/i18n/restriction-text.ts';
import { classifyDownload } from '../core/policy/download.ts';
import { vendorReach, vendorView, type Worker } from './context.ts';
import type { DownloadFacts } from './ports.ts';

/** The session list of downloads already handled, by guard and id. */
const GUARDED_DOWNLOADS = 'guardedDownloads';

/**
 * The download guard: a restricted vendor's installer (or any file from a host the organisation
 * blocks) gets a warning notification, or is cancelled with one. As with pages, a vendor whose
 * actions do not meet the reader's choice of when to warn is left alone, and a notice (a maker's
 * app, for a private reader) is never cancelled: its notification says what the notice says. The browser reports a
 * download twice (when it starts and when its file name is known); each is handled once per
 * guard setting.
 */
export async function guardDownload(worker: Worker, download: DownloadFacts): Promise<void> {
  const ctx = await worker.context();
  const { effective } = ctx.state.merged;
  const guard = effective.downloadGuard;
  if (guard === 'off' || effective.mode === 'off') return;
  const verdict = classifyDownload(download, ctx.policy);
  if (verdict.kind !== 'download' && !verdict.reasons.includes('policy-blocked-domain')) return;
  const reach = vendorReach(ctx, verdict.vendor);
  if (reach && !reach.warns) return;
  const { tabStore, downloads, t } = worker.ports;
  const key = `${guard}:${download.id}`;
  if ((await tabStore.readList(GUARDED_DOWNLOADS)).includes(key)) return;
  await tabStore.addToList(GUARDED_DOWNLOADS, key);
  const view = vendorView(ctx, verdict);
  const vendor = view?.name || t('organization_fallback_name');
  const { message } = effective;
  const notify = (title: string, lines: (string | null)[]) => downloads.notify(key, title, [...lines, message].filter(Boolean).join('\n'));
  if (reach?.level === 'notice' && view) {
    // Informs, in the notice's own words: what the restriction is and that it is not a ban on the reader.
    const i18n = { t, locale: worker.ports.locale() };
    await notify(warningHeadline('notice', 'download', view, i18n), [t('download_notice_message', vendor), noticeStatement(view, i18n)]);
  } else if (guard === 'block') {
    await downloads.cancel(download.id);
    await notify(t('download_blocked_title'), [t('download_blocked_message', vendor)]);
  } else {
    await notify(t('download_warning_title'), [t('download_warning_message', vendor)]);
  }
}
