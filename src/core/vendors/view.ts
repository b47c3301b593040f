import type { Alternative, RestrictionRecord, VendorDefinition } from './types.ts';

/** Vendor id of the hosts an organisation blocks outright (`blockedDomains`). */
export const POLICY_VENDOR_ID = 'organization';

/** A vendor as the UI shows it (built-in, or defined by the organisation's policy). */
export interface VendorView {
  id: string;
  name: string;
  /** All restriction records, oldest first; records with `summary` come from policy and are shown as written. */
  restrictions: RestrictionRecord[];
  /** The record the banner quotes in one line. */
  restriction: RestrictionRecord | null;
  alternatives: Alternative[];
}

export function vendorViewOf(vendor: VendorDefinition): VendorView {
  return {
    id: vendor.id,
    name: vendor.name,
    restrictions: vendor.restrictions,
    restriction: vendor.restrictions.find((record) => record.id === vendor.primaryRestriction) ?? null,
    alternatives: vendor.alternatives,
  };
}
