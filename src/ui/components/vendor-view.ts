import type { RestrictionRecord, VendorDefinition } from '../../core/vendors/types.ts';
import type { VendorView } from '../../platform/messages.ts';
import type { Translate } from './format.ts';

/** Vendor id of the hosts an organisation blocks outright (core/policy/compile.ts POLICY_VENDOR_ID). */
export const ORGANIZATION_VENDOR_ID = 'organization';

/** A built-in vendor as the UI shows it (for pages that explain a vendor without a tab state). */
export function vendorViewOf(vendor: VendorDefinition): VendorView {
  return {
    id: vendor.id,
    name: vendor.name,
    restrictions: vendor.restrictions,
    restriction: vendor.restrictions.find((record) => record.id === vendor.primaryRestriction) ?? null,
    alternatives: vendor.alternatives,
  };
}

/** Hosts the organisation blocks outright, rather than a vendor. */
export function isOrganizationVendor(vendor: Pick<VendorView, 'id'> | null | undefined): boolean {
  return vendor?.id === ORGANIZATION_VENDOR_ID;
}

/** The name to show for a vendor: an organisation-blocked host without an organisation name reads "your organisation". */
export function vendorDisplayName(vendor: Pick<VendorView, 'name'> | null | undefined, t: Translate): string {
  return vendor?.name || t('organization_fallback_name');
}

/** A record written by the organisation's policy: its `summary` is shown exactly as written. */
export function isPolicyRecord(record: RestrictionRecord): record is RestrictionRecord & { summary: string } {
  return typeof record.summary === 'string';
}
