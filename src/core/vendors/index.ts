import kaspersky from '../../data/vendors/kaspersky.json' with { type: 'json' };
import type { BuiltInVendor, VendorDefinition } from './types.ts';

/**
 * Every built-in restricted vendor: one data file each under src/data/vendors/. JSON types its
 * enumerations as plain strings; test/unit/vendors/data.test.ts checks them against the lists.
 */
export const VENDORS = [kaspersky] as readonly BuiltInVendor[];

/** The built-in vendors' ids, in registry order. */
export const BUILT_IN_VENDOR_IDS: readonly string[] = VENDORS.map((vendor) => vendor.id);

export function getVendor(id: string): VendorDefinition | undefined {
  return VENDORS.find((vendor) => vendor.id === id);
}

export type { VendorDefinition, RestrictionRecord, Alternative } from './types.ts';
