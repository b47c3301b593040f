import type { ReasonCode } from '../../core/classify/verdict.ts';
import type { RestrictionRecord, VendorDefinition } from '../../core/vendors/types.ts';

/** Looks up a localized string; returns the key itself when it is missing (as `t` does). */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** `reason_<code with - replaced by _>`: the message that explains a reason code. */
export function reasonMessageKey(code: ReasonCode): string {
  return `reason_${code.replace(/-/g, '_')}`;
}

export function restrictionTitleKey(record: Pick<RestrictionRecord, 'id'>): string {
  return `restriction_${record.id}_title`;
}

export function restrictionSummaryKey(record: Pick<RestrictionRecord, 'id'>): string {
  return `restriction_${record.id}_summary`;
}

/** The authority's name as the locale says it (`restriction_<id>_authority`); the record's own name otherwise. */
export function restrictionAuthorityKey(record: Pick<RestrictionRecord, 'id'>): string {
  return `restriction_${record.id}_authority`;
}

export function restrictionEffectiveKey(record: Pick<RestrictionRecord, 'id'>, index: number): string {
  return `restriction_${record.id}_effective_${index}`;
}

/** A message, or null when the locale has no such key. */
export function optionalMessage(translate: Translate, key: string, substitutions?: string | string[]): string | null {
  const text = translate(key, substitutions);
  return text && text !== key ? text : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats an ISO calendar date (YYYY-MM-DD) in the given locale, long style. The date is a
 * calendar day, not an instant, so it is formatted in UTC: it never shifts by a day with the
 * user's time zone. Anything that is not such a date is returned unchanged.
 */
export function formatIsoDate(iso: string, locale: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return longDateFormat(locale).format(date);
}

/** Formatters are costly to make (the banner would make four for one line): one per locale. */
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

function longDateFormat(locale: string): Intl.DateTimeFormat {
  let format = longDateFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale || undefined, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    }
    longDateFormats.set(locale, format);
  }
  return format;
}

/** A whole number in the locale's digits and grouping (1,234 / 1.234 / 1 234). */
export function formatCount(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale || undefined, { maximumFractionDigits: 0 }).format(value);
  } catch {
    return String(value);
  }
}

/**
 * Items joined as the locale writes a list: "a, b, and c" / "a, b und c" / "a, b et c" /
 * "a, b y c" (`type: 'unit'` for codes and names that are not a sentence: "a, b, c").
 */
export function formatList(items: readonly string[], locale: string, type: 'conjunction' | 'unit' = 'conjunction'): string {
  try {
    return new Intl.ListFormat(locale || undefined, { style: 'long', type }).format(items);
  } catch {
    return items.join(', ');
  }
}

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
