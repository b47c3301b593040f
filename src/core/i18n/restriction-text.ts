import { isBinding, type Standing, type WarningLevel } from '../vendors/standing.ts';
import type { VendorView } from '../vendors/view.ts';
import type { RestrictionRecord } from '../vendors/types.ts';
import { formatIsoDate, formatList } from './format.ts';
import { restrictionAudienceKey, restrictionLineKey } from './keys.ts';
import { optionalMessage, type I18n } from './translate.ts';

/*
 * What the banner, the tile marks, the popup and the blocking page say first about a vendor:
 * the action most relevant to the reader, whom it binds when that is not them, and the vendor's
 * headline action after it (see core/vendors/standing.ts for the order). At the notice level
 * (standing.ts levelFor) they say it calmly: what the restriction is, and what it is not.
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

/** The parts of a vendor's view its statement comes from. */
type StatementSource = Pick<VendorView, 'restrictions' | 'restriction' | 'standings' | 'alsoPrimary' | 'reader'>;

/** Where a record stands for the view's reader (by id: the view may have crossed a message channel, which copies the records). */
const standingIn = (view: Pick<VendorView, 'standings'>, record: RestrictionRecord): Standing | undefined =>
  view.standings.find((entry) => entry.id === record.id);

/** A built-in action that forbids something to named audiences, not to everyone (a procurement rule for government bodies). */
const bindsSome = (record: RestrictionRecord) => record.effect !== '' && isBinding(record) && !record.appliesTo.includes('everyone');

/** Such an action that does not bind the reader: a procurement rule for government bodies, read by a private buyer. */
const bindsOthersOnly = (view: Pick<VendorView, 'standings'>, record: RestrictionRecord) =>
  bindsSome(record) && !standingIn(view, record)?.forReader;

/** The record the statement leads with: the view's lead, or when it has no line the most relevant record that has one. */
function statedLead(view: StatementSource, i18n: I18n): RestrictionRecord | null {
  if (!view.restriction) return null;
  return [view.restriction, ...view.restrictions].find((record) => restrictionLine(record, i18n) !== null) ?? view.restriction;
}

/**
 * The most relevant record with a line that binds the reader's role in particular (NDAA §889 for
 * a US federal contractor), when the lead is not one: what applies to the reader comes first.
 */
function roleRecord(view: StatementSource, lead: RestrictionRecord, i18n: I18n): RestrictionRecord | null {
  const forRole = (record: RestrictionRecord) => bindsSome(record) && Boolean(standingIn(view, record)?.forReader);
  if (forRole(lead)) return null;
  return view.restrictions.find((record) => forRole(record) && restrictionLine(record, i18n) !== null) ?? null;
}

/** One sentence of a statement, with the record it quotes (none for the sentence that says whom the lead binds). */
interface StatementPart {
  text: string;
  record: RestrictionRecord | null;
}

/** The reader's statement as sentences (see readerStatement). */
function readerParts(view: StatementSource, i18n: I18n): StatementPart[] {
  const lead = statedLead(view, i18n);
  if (!lead) return [];
  const role = roleRecord(view, lead, i18n);
  const parts: StatementPart[] = [];
  const quote = (record: RestrictionRecord) => {
    const text = restrictionLine(record, i18n);
    if (text) parts.push({ text, record });
    return text;
  };
  if (role) quote(role);
  const leadLine = quote(lead);
  const standing = standingIn(view, lead);
  if (leadLine && standing?.here && !standing.forReader && lead.appliesTo.length > 0) {
    const key = view.reader.role === 'personal' ? 'restriction_scope_not_private' : 'restriction_scope_only';
    parts.push({ text: i18n.t(key, audienceList(lead, i18n)), record: null });
  }
  const also = view.alsoPrimary;
  if (also && also.id !== lead.id && also.id !== role?.id) quote(also);
  return parts;
}

/** A notice's statement as sentences (see noticeStatement). */
function noticeParts(view: StatementSource, i18n: I18n): StatementPart[] {
  const parts = readerParts(view, i18n);
  const quoted = new Set([view.restriction?.id, ...parts.map((part) => part.record?.id)]);
  const others = view.restrictions.find(
    (record) => !quoted.has(record.id) && bindsOthersOnly(view, record) && restrictionLine(record, i18n) !== null,
  );
  const othersLine = others ? restrictionLine(others, i18n) : null;
  return others && othersLine ? [{ text: othersLine, record: others }, ...parts] : parts;
}

const joined = (parts: StatementPart[]): string | null => (parts.length > 0 ? parts.map((part) => part.text).join(' ') : null);

/**
 * The reader's statement: the line of a record that binds the reader's role in particular, when
 * the lead is not one; the lead record's line (or, when the lead has none, such as FCC 25-71
 * leading for a US reader of a maker, the line of the most relevant record that has one); when
 * it is where the reader is but binds others only, whom it binds (and, to a private reader, that
 * it does not restrict them); then the vendor's headline record when that is another record from
 * elsewhere. Each record once; null when nothing has a line (an organisation's record without text).
 */
export function readerStatement(view: StatementSource, i18n: I18n): string | null {
  return joined(readerParts(view, i18n));
}

/**
 * What a notice is about, for its headline and tile mark: rules for US government buyers (NDAA
 * §889 binds federal agencies, their contractors and grant recipients), the FCC's refusal of new
 * equipment authorizations in the US, or (for any other vendor whose actions only inform) a
 * government action that is not a ban on buying.
 */
export type NoticeTopic = 'us_government' | 'us_authorization' | 'other';

export const NOTICE_TOPICS: readonly NoticeTopic[] = ['us_government', 'us_authorization', 'other'];

export function noticeTopic(view: Pick<VendorView, 'restrictions' | 'standings'>): NoticeTopic {
  const others = view.restrictions.filter((record) => bindsOthersOnly(view, record));
  const government = others.some(
    (record) =>
      record.jurisdiction === 'US' && record.appliesTo.some((audience) => audience === 'government' || audience === 'federal_contractors'),
  );
  if (government) return 'us_government';
  if (view.restrictions.some((record) => record.jurisdiction === 'US' && record.effect === 'authorization_ban')) return 'us_authorization';
  return 'other';
}

/**
 * What a notice says: first the action that binds others (whom it binds, and that private buyers
 * are not among them), then the reader's statement (readerStatement: the action most relevant
 * to the reader, which for a maker says that models already authorized stay legal). Each record
 * once; null when nothing has a line.
 */
export function noticeStatement(view: StatementSource, i18n: I18n): string | null {
  return joined(noticeParts(view, i18n));
}

/** The page's kind, as the warning's headline names it. */
export type HeadlineKind = 'purchase' | 'download' | 'vendor' | 'none';

/** The warning's headlines: the banner's and the toolbar tooltip's sentences, the popup's heading; a maker's shop sells products, not software. */
const WARNING_HEADLINES = {
  banner: { purchase: 'banner_headline_purchase', products: 'banner_headline_purchase_products', download: 'banner_headline_download' },
  popup: { purchase: 'popup_headline_purchase', products: 'popup_headline_purchase_products', download: 'popup_headline_download' },
} as const;

/** Which of the warning's headlines a page gets: what it sells, or that it offers a download. */
export function headlineKind(kind: HeadlineKind, vendor: Pick<VendorView, 'sellsEquipment'> | null): 'purchase' | 'products' | 'download' {
  if (kind !== 'purchase') return 'download';
  return vendor?.sellsEquipment ? 'products' : 'purchase';
}

/**
 * The headline of the banner, the badge's tooltip and the popup: at the notice level, the
 * vendor and what the notice is about ("Hikvision: restricted for US government buyers"), no
 * word of warning; otherwise what the page does ("This page sells Kaspersky software.", "This
 * page sells Hikvision products."). `surface` picks the popup's variant of the warning headline
 * (no full stop, as a heading).
 */
export function warningHeadline(
  level: WarningLevel,
  kind: HeadlineKind,
  vendor: Pick<VendorView, 'name' | 'restrictions' | 'standings' | 'sellsEquipment'> | null,
  { t }: Pick<I18n, 't'>,
  surface: keyof typeof WARNING_HEADLINES = 'banner',
): string {
  const name = vendor?.name || t('organization_fallback_name');
  if (level === 'notice' && vendor) return t(`notice_headline_${noticeTopic(vendor)}`, name);
  return t(WARNING_HEADLINES[surface][headlineKind(kind, vendor)], name);
}

/** The short text of a tile mark: "Restricted vendor", or at the notice level what the notice is about ("US gov. restricted"). */
export function markText(level: WarningLevel, vendor: Pick<VendorView, 'restrictions' | 'standings'>, { t }: Pick<I18n, 't'>): string {
  return level === 'notice' ? t(`mark_text_notice_${noticeTopic(vendor)}`) : t('mark_text');
}

/** The vendor's restrictions in a few sentences: the reader's statement, or at the notice level what it is and is not (noticeStatement). */
export function statementFor(level: WarningLevel, view: StatementSource, i18n: I18n): string | null {
  return level === 'notice' ? noticeStatement(view, i18n) : readerStatement(view, i18n);
}

/** The records the statement for this level quotes, in its order: the banner links to their sources. */
export function quotedRecords(level: WarningLevel, view: StatementSource, i18n: I18n): RestrictionRecord[] {
  const parts = level === 'notice' ? noticeParts(view, i18n) : readerParts(view, i18n);
  return parts.flatMap((part) => (part.record ? [part.record] : []));
}
