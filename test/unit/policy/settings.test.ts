import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/policy/decide.ts';
import {
  DEFAULT_SETTINGS,
  parseStoredSettings,
  withSiteAllowed,
  withSiteRemoved,
  type SettingsProblem,
} from '../../../src/core/policy/settings.ts';
import type { Verdict } from '../../../src/core/classify/verdict.ts';

describe('parseStoredSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(parseStoredSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid fields and reports each invalid one', () => {
    const loaded = parseStoredSettings({ mode: 'loud', allowedSites: ['Kaspersky.com ', 'kaspersky.com', 'amazon.com'] });
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, allowedSites: ['kaspersky.com', 'amazon.com'] });
    expect(loaded.problems).toEqual([{ path: 'mode', code: 'not_mode', values: [] }]);
  });

  const notObject: SettingsProblem[] = [{ path: '', code: 'not_object', values: [] }];
  it.each<[unknown, SettingsProblem[]]>([
    ['garbage', notObject],
    [42, notObject],
    [null, notObject],
    [[], notObject],
    [{ allowedSites: 'kaspersky.com' }, [{ path: 'allowedSites', code: 'wrong_type', values: ['Array', '"kaspersky.com"'] }]],
    [
      { allowedSites: ['amazon.com', 7], downloadGuard: 'cancel' },
      [
        { path: 'downloadGuard', code: 'not_mode', values: [] },
        { path: 'allowedSites', code: 'wrong_type', values: ['string', '7'] },
      ],
    ],
  ])('survives corrupt storage %j, saying what was wrong', (stored, problems) => {
    const loaded = parseStoredSettings(stored);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problems).toEqual(problems);
  });

  it('adds and removes allowed sites without duplicates', () => {
    const once = withSiteAllowed(DEFAULT_SETTINGS, 'kaspersky.com');
    expect(withSiteAllowed(once, 'kaspersky.com')).toBe(once);
    expect(withSiteRemoved(once, 'kaspersky.com').allowedSites).toEqual([]);
  });
});

describe('decide', () => {
  const purchase: Verdict = { vendor: 'kaspersky', kind: 'purchase', reasons: ['vendor-store-page'], rule: 'vendor-store-page' };
  const blog: Verdict = { vendor: 'kaspersky', kind: 'vendor', reasons: ['vendor-info-page'], rule: 'vendor-info-page' };

  const fresh = { dismissed: false, proceeded: false };

  it('warns on flagged pages with banner and badge', () => {
    expect(decide(purchase, DEFAULT_SETTINGS, 'kaspersky.com', fresh)).toMatchObject({
      banner: true,
      block: false,
      badge: true,
      silencedBy: null,
    });
  });

  it('never warns on vendor pages that sell nothing', () => {
    expect(decide(blog, { mode: 'block', allowedSites: [] }, 'kaspersky.com', fresh)).toMatchObject({
      banner: false,
      block: false,
      badge: false,
    });
  });

  it('is silent in mode off and on allowed sites; a dismissal keeps the badge', () => {
    expect(decide(purchase, { mode: 'off', allowedSites: [] }, 'kaspersky.com', fresh)).toMatchObject({
      banner: false,
      badge: false,
      silencedBy: 'mode-off',
    });
    expect(decide(purchase, { mode: 'warn', allowedSites: ['kaspersky.com'] }, 'kaspersky.com', fresh)).toMatchObject({
      banner: false,
      badge: false,
      silencedBy: 'site-allowed',
    });
    expect(decide(purchase, DEFAULT_SETTINGS, 'kaspersky.com', { dismissed: true, proceeded: false })).toMatchObject({
      banner: false,
      badge: true,
      silencedBy: 'dismissed',
    });
  });

  it('blocks in block mode until the user proceeds, then warns', () => {
    const block = { mode: 'block' as const, allowedSites: [] };
    expect(decide(purchase, block, 'kaspersky.com', fresh)).toMatchObject({ block: true, banner: false, badge: true });
    expect(decide(purchase, block, 'kaspersky.com', { dismissed: false, proceeded: true })).toMatchObject({
      block: false,
      banner: true,
      badge: true,
    });
  });
});
