import { kaspersky } from './kaspersky.ts';
import type { VendorDefinition } from './types.ts';

/** Every built-in restricted vendor. */
export const VENDORS: readonly VendorDefinition[] = [kaspersky];

export function getVendor(id: string): VendorDefinition | undefined {
  return VENDORS.find((vendor) => vendor.id === id);
}

export type { VendorDefinition, RestrictionRecord, Alternative } from './types.ts';
