import type { RestrictionRecord } from '../../core/vendors/types.ts';
import { POLICY_VENDOR_ID, type VendorView } from '../../core/vendors/view.ts';
import type { Translate } from '../../core/i18n/translate.ts';

/** Hosts the organisation blocks outright, rather than a vendor. */
export function isOrganizationVendor(vendor: Pick<VendorView, 'id'> | null | undefined): boolean {
  return vendor?.id === POLICY_VENDOR_ID;
}

/** The name to show for a vendor: an organisation-blocked host without an organisation name reads "your organisation". */
export function vendorDisplayName(vendor: Pick<VendorView, 'name'> | null | undefined, t: Translate): string {
  return vendor?.name || t('organization_fallback_name');
}

/** A record written by the organisation's policy: its `summary` is shown exactly as written. */
export function isPolicyRecord(record: RestrictionRecord): record is RestrictionRecord & { summary: string } {
  return typeof record.summary === 'string';
}
