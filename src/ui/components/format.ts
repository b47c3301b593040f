import type { RestrictionRecord } from '../../core/vendors/types.ts';

/* What the pages show about records and links; words, dates and numbers are in core/i18n. */

/** The host of a URL without a leading "www.", for showing where a link goes; "" if unparsable. */
export function displayHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The date since which existing installations get no updates: the last effective date of the
 * vendor's headline record (for Kaspersky, the BIS Final Determination's 2024-09-29 step).
 */
export function lastEffectiveDate(record: RestrictionRecord): string | null {
  return record.effective.at(-1)?.date ?? null;
}
