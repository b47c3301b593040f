import type { VendorView } from '../vendors/view.ts';
import type { RestrictionRecord } from '../vendors/types.ts';
import { formatIsoDate, formatList } from './format.ts';
import { restrictionAudienceKey, restrictionLineKey } from './keys.ts';
import { optionalMessage, type I18n } from './translate.ts';

/*
 * What the banner, the tile marks, the popup and the blocking page say first about a vendor:
 * the action most relevant to the reader, whom it binds when that is not them, and the vendor's
 * headline action after it (see core/vendors/standing.ts for the order).
 */

/** An organisation's own record: shown as written, never through _locales. */
export const isAsWritten = (record: RestrictionRecord): record is RestrictionRecord & { summary: string } => record.summary !== undefined;

/** The record's dates as its one-line message takes them: issued ($1), then each effective step ($2, $3…). */
export function restrictionDates(record: RestrictionRecord, locale: string): string[] {
  return [record.date, ...record.effective.map((step) => step.date)].map((date) => formatIsoDate(date, locale));
}

/** One record in one line: an organisation's text as written, a built-in record's `banner_restriction_<id>`, or null. */
export function restrictionLine(record: RestrictionRecord, { t, locale }: I18n): string | null {
  if (isAsWritten(record)) return record.summary.trim() || null;
  return optionalMessage(t, restrictionLineKey(record), restrictionDates(record, locale));
}

/** "government bodies and operators of critical infrastructure": whom a record applies to, as the locale lists it. */
export function audienceList(record: RestrictionRecord, { t, locale }: I18n): string {
  return formatList(
    record.appliesTo.map((audience) => t(restrictionAudienceKey(audience))),
    locale,
  );
}

/**
 * The reader's statement: the lead record's line; when it is where the reader is but binds
 * others only, whom it binds (and, to a private reader, that it does not restrict them); then
 * the vendor's headline record when that is another record from elsewhere. Null when nothing
 * has a line (an organisation's record without text).
 */
export function readerStatement(view: Pick<VendorView, 'restriction' | 'standings' | 'alsoPrimary' | 'reader'>, i18n: I18n): string | null {
  const lead = view.restriction;
  if (!lead) return null;
  const parts: string[] = [];
  const leadLine = restrictionLine(lead, i18n);
  if (leadLine) parts.push(leadLine);
  // By id: the view may have crossed a message channel, which copies the records.
  const standing = view.standings.find((entry) => entry.id === lead.id);
  if (leadLine && standing?.here && !standing.forReader && lead.appliesTo.length > 0) {
    const key = view.reader.role === 'personal' ? 'restriction_scope_not_private' : 'restriction_scope_only';
    parts.push(i18n.t(key, audienceList(lead, i18n)));
  }
  const also = view.alsoPrimary ? restrictionLine(view.alsoPrimary, i18n) : null;
  if (also) parts.push(also);
  return parts.length > 0 ? parts.join(' ') : null;
}
