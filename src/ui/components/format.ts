import type { RestrictionRecord, VendorDefinition } from '../../core/vendors/types.ts';

/* What the pages show about records and links; words, dates and numbers are in core/i18n. */

/** Restriction records, newest first (by issue date; stable for equal dates). */
export function newestFirst(records: readonly RestrictionRecord[]): RestrictionRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => (a.record.date === b.record.date ? b.index - a.index : a.record.date < b.record.date ? 1 : -1))
    .map(({ record }) => record);
}

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

/** Anything that carries restriction records: a built-in vendor definition or a VendorView. */
export type HasRestrictions = Pick<VendorDefinition, 'restrictions'>;

/** The date a restriction record's n-th effective step took effect, if there is one. */
export function effectiveDate(vendor: HasRestrictions, restrictionId: string, index: number): string | null {
  return vendor.restrictions.find((record) => record.id === restrictionId)?.effective[index]?.date ?? null;
}

/**
 * The date since which existing installations get no updates: the last effective date of the
 * vendor's restrictions (for Kaspersky, the BIS Final Determination's 2024-09-29 step).
 */
export function lastEffectiveDate(vendor: HasRestrictions): string | null {
  let last: string | null = null;
  for (const record of vendor.restrictions) {
    for (const step of record.effective) if (last === null || step.date > last) last = step.date;
  }
  return last;
}
