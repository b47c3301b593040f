import type { Reader } from '../reader.ts';
import { restrictionsFor, type Standing } from './standing.ts';
import type { Alternative, RestrictionRecord, VendorDefinition } from './types.ts';

/** Vendor id of the hosts an organisation blocks outright (`blockedDomains`). */
export const POLICY_VENDOR_ID = 'organization';

/** A vendor as the UI shows it to one reader (built-in, or defined by the organisation's policy). */
export interface VendorView {
  id: string;
  name: string;
  /** All restriction records, most relevant to the reader first (see standing.ts); records with `summary` come from policy and are shown as written. */
  restrictions: RestrictionRecord[];
  /** Where each record stands for the reader, in the same order. */
  standings: Standing[];
  /** The record quoted first: the most relevant to the reader. */
  restriction: RestrictionRecord | null;
  /** The vendor's headline record (the US sales ban for Kaspersky), when it is quoted after another lead. */
  alsoPrimary: RestrictionRecord | null;
  /** The vendor's headline record, whatever the reader: what existing users' updates depend on. */
  primary: RestrictionRecord | null;
  /** Whom the view was made for. */
  reader: Reader;
  alternatives: Alternative[];
  /** A maker of equipment (VendorDefinition.soldAsLicences false): its shops sell products, not software. */
  sellsEquipment?: boolean;
}

/** A reader of unknown place and no special role: every record is "elsewhere", the headline record leads. */
export const UNKNOWN_READER: Reader = Object.freeze({ regions: [], role: 'personal' });

export function vendorViewOf(vendor: VendorDefinition, reader: Reader = UNKNOWN_READER): VendorView {
  const { ranked, lead, alsoPrimary } = restrictionsFor(vendor.restrictions, vendor.primaryRestriction, reader);
  return {
    id: vendor.id,
    name: vendor.name,
    restrictions: ranked.map((entry) => entry.record),
    standings: ranked.map((entry) => entry.standing),
    restriction: lead,
    alsoPrimary,
    primary: vendor.restrictions.find((record) => record.id === vendor.primaryRestriction) ?? null,
    reader,
    alternatives: vendor.alternatives,
    sellsEquipment: vendor.soldAsLicences === false,
  };
}
