import { describe, expect, it } from 'vitest';
import { classifyWithPolicy, compilePolicy } from '../../../src/core/policy/compile.ts';
import { builtInVendorOn, mergeSettings } from '../../../src/core/policy/merge.ts';
import { parseManagedPolicy } from '../../../src/core/policy/schema.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/policy/settings.ts';
import { BUILT_IN_VENDOR_IDS } from '../../../src/core/vendors/index.ts';

const STORE = 'https://usa.kaspersky.com/premium';
const user = (changes: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, allowedSites: [], vendorsOff: [], ...changes });
const verdictWith = (settings: Settings, policy = {}) =>
  classifyWithPolicy(STORE, compilePolicy(mergeSettings(settings, policy).effective));

describe('switching built-in vendors on and off', () => {
  it('has every built-in vendor on by default', () => {
    const { effective } = mergeSettings(user(), {});
    for (const id of BUILT_IN_VENDOR_IDS) expect(builtInVendorOn(effective, id), id).toBe(true);
    expect(verdictWith(user()).vendor).toBe('kaspersky');
  });

  it("drops a vendor the user switched off from the classifier, and keeps it when the organisation's list names it", () => {
    expect(verdictWith(user({ vendorsOff: ['kaspersky'] })).kind).toBe('none');
    expect(verdictWith(user({ vendorsOff: ['kaspersky'] }), { vendors: ['kaspersky'] }).vendor).toBe('kaspersky');
    expect(verdictWith(user(), { vendors: [] }).kind).toBe('none');
    expect(mergeSettings(user(), { vendors: [] }).locked).toContain('vendors');
  });

  it('accepts only built-in ids in the policy, naming the bad entry', () => {
    expect(parseManagedPolicy({ vendors: ['kaspersky', 'kaspersky'] }).policy.vendors).toEqual(['kaspersky']);
    expect(parseManagedPolicy({ vendors: ['kaspresky'] }).problems).toEqual([
      { path: 'vendors[0]', code: 'not_builtin_vendor', values: [], fallback: 'default' },
    ]);
    expect(parseManagedPolicy({ vendors: 'kaspersky' }).problems[0]?.code).toBe('not_vendor_list');
  });
});
