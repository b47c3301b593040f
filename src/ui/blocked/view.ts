import { formatList } from '../../core/i18n/format.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { BlockInfo } from '../../platform/messages.ts';
import { isWebUrl } from '../components/format.ts';
import { mailtoUrl } from '../components/mailto.ts';
import { vendorDisplayName } from '../components/vendor-view.ts';

/** What the page's own address says: the blocked URL (the fragment, exactly as the redirect wrote it) and whether a loaded page was replaced. */
export interface BlockedLocation {
  url: string;
  /** `?replaced=1`: the background replaced a page that had loaded, so the flagged page is in history too. */
  replaced: boolean;
  /**
   * `?warned=1`: not a block. The page kept hiding the in-page warning, so the background shows
   * the warning here instead (see src/background/page-reports.ts warningOverpowered).
   */
  warned: boolean;
}

export function blockedLocation({ hash, search }: { hash: string; search: string }): BlockedLocation {
  const params = new URLSearchParams(search);
  return {
    url: hash.startsWith('#') ? hash.slice(1) : hash,
    replaced: params.get('replaced') === '1',
    warned: params.get('warned') === '1',
  };
}

/**
 * How "Back to safety" gets away from the flagged page. A redirect before load leaves only the
 * blocking page in history, so one step back; a replaced page left the flagged page behind it,
 * so two. When history does not reach back that far (the tab opened on the flagged page),
 * going back would land on the flagged page or nowhere: close the tab instead.
 */
export type BackPlan = { kind: 'back'; steps: number } | { kind: 'close' };

export function backPlan(historyLength: number, replaced: boolean): BackPlan {
  const steps = replaced ? 2 : 1;
  return historyLength > steps ? { kind: 'back', steps } : { kind: 'close' };
}

/** Proceed only ever navigates to a web page (the fragment could hold anything). */
export function canProceedTo(url: string): boolean {
  return isWebUrl(url);
}

/** The host to name in the report subject: the site from the background, else the URL's host, else the URL. */
function siteOf(url: string, info: BlockInfo | null): string {
  if (info?.site) return info.site;
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/**
 * "Report a mistake" as a mailto: URL to the organisation's help desk (or no address: the mail
 * program asks), with the blocked URL and the verdict filled in. The extension sends nothing itself.
 */
export function reportMailto(url: string, info: BlockInfo | null, t: Translate, locale = 'en'): string {
  const unknown = t('blocked_report_unknown');
  const verdict = info?.verdict;
  const vendor = info?.vendor ? `${vendorDisplayName(info.vendor, t)} (${info.vendor.id})` : (verdict?.vendor ?? unknown);
  // Reason codes, for the help desk to look up: listed as the locale separates items, not as a sentence.
  const reasons = verdict && verdict.reasons.length > 0 ? formatList([...new Set(verdict.reasons)], locale, 'unit') : unknown;
  return mailtoUrl(info?.organization.supportEmail ?? '', {
    subject: t('blocked_report_subject', siteOf(url, info)),
    body: t('blocked_report_body', [url, vendor, verdict?.kind ?? unknown, reasons]),
  });
}
