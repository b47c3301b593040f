import { describe, expect, it } from 'vitest';
import { mergeSettings, POLICY_DEFAULTS } from '../../../src/core/policy/merge.ts';
import {
  ALL_SITES_ORIGINS,
  planScanning,
  sameScript,
  SCAN_SCRIPT_ID,
  scanScriptFor,
  userMayChange,
  type ScanInputs,
  type ScanScript,
} from '../../../src/core/policy/scan-all-sites.ts';
import { parseManagedPolicy, parsePolicyFile } from '../../../src/core/policy/schema.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';

const MANIFEST_SCRIPT = {
  js: ['assets/index.ts-loader-AbC123.js'],
  matches: ['*://*.kaspersky.com/*', '*://*.amazon.com/*'],
  run_at: 'document_idle',
};

const wanted = scanScriptFor(MANIFEST_SCRIPT) as ScanScript;

describe('the scanAllSites policy key', () => {
  it('accepts true and false, and nothing else', () => {
    expect(parseManagedPolicy({ scanAllSites: true })).toEqual({ policy: { scanAllSites: true }, problems: [] });
    expect(parseManagedPolicy({ scanAllSites: false })).toEqual({ policy: { scanAllSites: false }, problems: [] });
    for (const bad of ['true', 1, null, {}]) {
      const parsed = parseManagedPolicy({ scanAllSites: bad, mode: 'block' });
      expect(parsed.policy, JSON.stringify(bad)).toEqual({ mode: 'block' });
      expect(
        parsed.problems.map((problem) => problem.path),
        JSON.stringify(bad),
      ).toEqual(['scanAllSites']);
    }
    expect(parsePolicyFile('{"scanAllSites": "yes"}').policy).toEqual({});
  });

  it('is null (the user decides) without a policy, and is not locked', () => {
    const { effective, locked } = mergeSettings({ ...DEFAULT_SETTINGS, allowedSites: [] }, {});
    expect(POLICY_DEFAULTS.scanAllSites).toBeNull();
    expect(effective.scanAllSites).toBeNull();
    expect(locked).not.toContain('scanAllSites');
  });

  it('is locked when the organisation sets it, either way', () => {
    for (const value of [true, false]) {
      const { effective, locked } = mergeSettings({ ...DEFAULT_SETTINGS, allowedSites: [] }, { scanAllSites: value });
      expect(effective.scanAllSites).toBe(value);
      expect(locked).toEqual(['scanAllSites']);
    }
  });
});

describe('scanScriptFor: the content script for every site', () => {
  it("runs the manifest content script's own files on every http(s) page except the ones the manifest already covers", () => {
    expect(wanted).toEqual({
      id: SCAN_SCRIPT_ID,
      js: ['assets/index.ts-loader-AbC123.js'],
      matches: ['*://*/*'],
      excludeMatches: ['*://*.kaspersky.com/*', '*://*.amazon.com/*'],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
    expect(wanted.matches).toEqual([...ALL_SITES_ORIGINS]);
  });

  it("keeps the manifest's stylesheets, run_at and all_frames, and copies its lists", () => {
    const manifest = { ...MANIFEST_SCRIPT, css: ['assets/x.css'], run_at: 'document_start', all_frames: true };
    const script = scanScriptFor(manifest);
    expect(script).toMatchObject({ css: ['assets/x.css'], runAt: 'document_start', allFrames: true });
    script?.js.push('changed.js');
    expect(manifest.js).toEqual(['assets/index.ts-loader-AbC123.js']);
  });

  it('is null when the build has no content script', () => {
    expect(scanScriptFor(undefined)).toBeNull();
    expect(scanScriptFor({ js: [], matches: ['*://*.kaspersky.com/*'] })).toBeNull();
  });
});

describe('planScanning: the reconcile decision', () => {
  const registered = { ...wanted };
  const plan = (inputs: Partial<ScanInputs>) => planScanning({ policy: null, granted: false, registered: null, wanted, ...inputs });

  it('is off by default: no permission, nothing registered, nothing to do', () => {
    expect(plan({})).toEqual({ status: 'off', active: false, registration: 'none', releasePermission: false });
  });

  it('registers the script once the user granted the permission, and keeps it', () => {
    expect(plan({ granted: true })).toEqual({ status: 'on', active: true, registration: 'register', releasePermission: false });
    expect(plan({ granted: true, registered })).toEqual({ status: 'on', active: true, registration: 'keep', releasePermission: false });
  });

  it('takes the script away when the permission is gone (revoked in the browser, or released)', () => {
    expect(plan({ granted: false, registered })).toEqual({
      status: 'off',
      active: false,
      registration: 'unregister',
      releasePermission: false,
    });
  });

  it("replaces a registration whose files or sites differ from this build's (after an update)", () => {
    const old = { ...registered, js: ['assets/index.ts-loader-Old999.js'] };
    expect(plan({ granted: true, registered: old }).registration).toBe('replace');
    const narrower = { ...registered, excludeMatches: ['*://*.kaspersky.com/*'] };
    expect(plan({ granted: true, registered: narrower }).registration).toBe('replace');
  });

  it('organisation false: locked off, the permission released and the script taken away', () => {
    expect(plan({ policy: false })).toEqual({ status: 'locked-off', active: false, registration: 'none', releasePermission: false });
    expect(plan({ policy: false, granted: true, registered })).toEqual({
      status: 'locked-off',
      active: false,
      registration: 'unregister',
      releasePermission: true,
    });
  });

  it('organisation true: the user is asked until the permission is granted (a policy cannot grant it), then on and locked', () => {
    expect(plan({ policy: true })).toEqual({ status: 'org-asks', active: false, registration: 'none', releasePermission: false });
    expect(plan({ policy: true, registered })).toMatchObject({ status: 'org-asks', registration: 'unregister' });
    expect(plan({ policy: true, granted: true })).toEqual({
      status: 'locked-on',
      active: true,
      registration: 'register',
      releasePermission: false,
    });
    expect(plan({ policy: true, granted: true, registered })).toMatchObject({ status: 'locked-on', registration: 'keep' });
  });

  it('registers nothing when the build has no content script', () => {
    expect(plan({ granted: true, wanted: null })).toMatchObject({ status: 'on', active: false, registration: 'none' });
    expect(plan({ granted: true, wanted: null, registered })).toMatchObject({ registration: 'unregister' });
  });

  it('lets the user change it only when the organisation says nothing', () => {
    expect(['off', 'on', 'locked-off', 'locked-on', 'org-asks'].filter((status) => userMayChange(status as never))).toEqual(['off', 'on']);
  });
});

describe('sameScript', () => {
  it("compares lists whatever their order, with the browser's defaults for missing fields", () => {
    const reported = { id: SCAN_SCRIPT_ID, js: wanted.js, matches: ['*://*/*'], excludeMatches: [...wanted.excludeMatches].reverse() };
    expect(sameScript(reported, wanted)).toBe(true);
    expect(sameScript({ ...reported, runAt: 'document_start' }, wanted)).toBe(false);
    expect(sameScript({ ...reported, allFrames: true }, wanted)).toBe(false);
    expect(sameScript({ ...reported, id: 'other' }, wanted)).toBe(false);
    expect(sameScript(reported, null)).toBe(false);
  });
});
