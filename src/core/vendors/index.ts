import kaspersky from '../../data/vendors/kaspersky.json' with { type: 'json' };
import type { BuiltInVendor, VendorDefinition } from './types.ts';

/**
 * Every built-in restricted vendor: one data file each under src/data/vendors/. JSON types its
 * enumerations as plain strings; test/unit/vendors/data.test.ts checks them against the lists.
 */
export const VENDORS = [kaspersky] as readonly BuiltInVendor[];

export function getVendor(id: string): VendorDefinition | undefined {
  return VENDORS.find((vendor) => vendor.id === id);
}

export type { VendorDefinition, RestrictionRecord, Alternative } from './types.ts';
