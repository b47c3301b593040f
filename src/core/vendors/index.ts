import autel from '../../data/vendors/autel.json' with { type: 'json' };
import dahua from '../../data/vendors/dahua.json' with { type: 'json' };
import dji from '../../data/vendors/dji.json' with { type: 'json' };
import hikvision from '../../data/vendors/hikvision.json' with { type: 'json' };
import huawei from '../../data/vendors/huawei.json' with { type: 'json' };
import hytera from '../../data/vendors/hytera.json' with { type: 'json' };
import kaspersky from '../../data/vendors/kaspersky.json' with { type: 'json' };
import zte from '../../data/vendors/zte.json' with { type: 'json' };
import type { BuiltInVendor, VendorDefinition } from './types.ts';

/**
 * Every built-in restricted vendor: one data file each under src/data/vendors/. JSON types its
 * enumerations as plain strings; test/unit/vendors/data.test.ts checks them against the lists.
 */
export const VENDORS = [kaspersky, huawei, zte, hytera, hikvision, dahua, dji, autel] as readonly BuiltInVendor[];

/** The built-in vendors' ids, in registry order. */
export const BUILT_IN_VENDOR_IDS: readonly string[] = VENDORS.map((vendor) => vendor.id);

export function getVendor(id: string): VendorDefinition | undefined {
  return VENDORS.find((vendor) => vendor.id === id);
}

export type { VendorDefinition, RestrictionRecord, Alternative } from './types.ts';
