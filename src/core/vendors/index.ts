import kaspersky from '../../data/vendors/kaspersky.json' with { type: 'json' };
import type { BuiltInVendor, VendorDefinition } from './types.ts';

/** Every built-in restricted vendor: one data file each under src/data/vendors/. */
export const VENDORS: readonly BuiltInVendor[] = [kaspersky];

export function getVendor(id: string): VendorDefinition | undefined {
  return VENDORS.find((vendor) => vendor.id === id);
}

export type { VendorDefinition, RestrictionRecord, Alternative } from './types.ts';
