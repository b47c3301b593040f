import { isWhereReaderIs, type Reader, type ReaderRole, type WarnFor } from '../reader.ts';
import { BINDING_EFFECTS, type RestrictionAudience, type RestrictionRecord } from './types.ts';

/** Where a restriction stands for one reader. */
export interface Standing {
  id: string;
  /** Its jurisdiction is where the reader is (the EU's for readers in a member state). */
  here: boolean;
  /** It binds or addresses the reader: their role is among those it applies to, where they are (or, for US federal contractors, wherever they are). */
  forReader: boolean;
}

/** The audiences that take in a reader of each role. */
const ROLE_AUDIENCES: Record<ReaderRole, readonly RestrictionAudience[]> = {
  personal: ['everyone'],
  government: ['everyone', 'government'],
  federal_contractor: ['everyone', 'federal_contractors'],
};

/** An organisation's own record (no effect): it is its reason for warning its own people, so it stands for them. */
const isOrganizationRecord = (record: RestrictionRecord) => record.effect === '';

/** Whether the record forbids something (an organisation's own reasons count: the organisation decided). */
export const isBinding = (record: RestrictionRecord): boolean => record.effect === '' || BINDING_EFFECTS.has(record.effect);

export function standingOf(record: RestrictionRecord, reader: Reader): Standing {
  if (isOrganizationRecord(record)) return { id: record.id, here: true, forReader: true };
  const here = isWhereReaderIs(record.jurisdiction, reader.regions);
  const forRole = record.appliesTo.some((audience) => ROLE_AUDIENCES[reader.role].includes(audience));
  // US federal contracting rules follow the contract, not the contractor's country.
  const followsContract =
    reader.role === 'federal_contractor' && record.jurisdiction === 'US' && record.appliesTo.includes('federal_contractors');
  return { id: record.id, here, forReader: forRole && (here || followsContract) };
}

/** How soon a record comes for the reader: lower first. */
function rank(record: RestrictionRecord, standing: Standing, primaryId: string): number[] {
  const group = standing.here && standing.forReader ? 0 : standing.here ? 1 : standing.forReader ? 2 : record.id === primaryId ? 3 : 4;
  const binding = isBinding(record) ? 0 : 1;
  const national = record.jurisdiction === 'EU' ? 1 : 0;
  return [group, binding, national];
}

export interface ReaderRestrictions {
  /** Every record with its standing, most relevant first: where the reader is and for them; where they are; for their role; the vendor's headline record; the rest, newest first. */
  ranked: { record: RestrictionRecord; standing: Standing }[];
  /** The record to quote first. */
  lead: RestrictionRecord | null;
  /** The vendor's headline record (the US sales ban for Kaspersky), quoted after the lead when it is another record and not where the reader is. */
  alsoPrimary: RestrictionRecord | null;
}

/**
 * Orders a vendor's records for a reader: their own jurisdiction first, then what applies to
 * their role, then the vendor's headline record, then the rest; within a group binding actions
 * before warnings, national before EU-wide, newest first.
 */
export function restrictionsFor(records: readonly RestrictionRecord[], primaryId: string, reader: Reader): ReaderRestrictions {
  const ranked = records
    .map((record, index) => ({ record, index, standing: standingOf(record, reader) }))
    .map((entry) => ({ ...entry, key: rank(entry.record, entry.standing, primaryId) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return (a.key[i] ?? 0) - (b.key[i] ?? 0);
      if (a.record.date !== b.record.date) return a.record.date < b.record.date ? 1 : -1;
      return b.index - a.index;
    })
    .map(({ record, standing }) => ({ record, standing }));
  const lead = ranked[0]?.record ?? null;
  const primary = records.find((record) => record.id === primaryId) ?? null;
  const primaryStanding = ranked.find((entry) => entry.record === primary)?.standing;
  const alsoPrimary = primary && primary !== lead && !primaryStanding?.here ? primary : null;
  return { ranked, lead, alsoPrimary };
}

/**
 * Whether a flagged page of a vendor with these records gets the in-page warning under the
 * reader's `warnFor` choice: any action; only where the reader is (or binding their role); only
 * binding actions that apply to them. With no known place, "here" cannot be judged and warns.
 */
export function warnsFor(records: readonly RestrictionRecord[], reader: Reader, warnFor: WarnFor): boolean {
  if (warnFor === 'any') return records.length > 0;
  if (warnFor === 'here' && reader.regions.length === 0) return records.length > 0;
  return records.some((record) => {
    const standing = standingOf(record, reader);
    if (warnFor === 'here') return standing.here || standing.forReader;
    return standing.forReader && isBinding(record);
  });
}

/** How strongly a flagged page speaks: the full warning, or a calmer notice that informs. */
export type WarningLevel = 'warning' | 'notice';

/** Effects that ask something of people: forbid, oblige, or (an official warning) advise against. */
const ALARMING_EFFECTS: ReadonlySet<string> = new Set([
  'sales_ban',
  'use_ban',
  'procurement_ban',
  'replacement_duty',
  'sanctions',
  'site_block',
  'official_warning',
]);

/**
 * The full warning when some action forbids, obliges or warns everyone in its jurisdiction (a
 * sales ban, an official warning to all users), or binds the reader in their role; a notice when
 * the vendor's actions only rule out new equipment approvals, subsidies or exports, or bind
 * others (a procurement rule for government bodies, read by a private buyer).
 */
export function levelFor(records: readonly RestrictionRecord[], reader: Reader): WarningLevel {
  const alarms = records.some(
    (record) =>
      isOrganizationRecord(record) ||
      (ALARMING_EFFECTS.has(record.effect) && (record.appliesTo.includes('everyone') || standingOf(record, reader).forReader)),
  );
  return alarms ? 'warning' : 'notice';
}

/** What a vendor's records mean for one reader's page: whether it gets the banner at all, and how strongly. */
export interface Reach {
  warns: boolean;
  level: WarningLevel;
}

export function reachOf(records: readonly RestrictionRecord[], reader: Reader, warnFor: WarnFor): Reach {
  return { warns: warnsFor(records, reader, warnFor), level: levelFor(records, reader) };
}
