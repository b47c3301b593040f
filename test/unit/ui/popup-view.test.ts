import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../src/core/classify/verdict.ts';
import type { Decision } from '../../../src/core/policy/decide.ts';
import type { TabState } from '../../../src/platform/messages.ts';
import { popupView, silenceMessageKey, tabIdFromSearch } from '../../../src/ui/popup/view.ts';
import { UNKNOWN_READER } from '../../../src/core/vendors/view.ts';

const state = (verdict: Verdict, silencedBy: Decision['silencedBy'] = null): TabState => ({
  url: 'https://usa.kaspersky.com/premium',
  site: 'kaspersky.com',
  decision: { verdict, banner: silencedBy === null, block: false, badge: silencedBy === null, silencedBy, level: 'warning' },
  vendor: null,
  reader: UNKNOWN_READER,
});

describe('tabIdFromSearch', () => {
  it('reads ?tab=<id>', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=0')).toBe(0);
  });

  it('ignores missing or malformed ids', () => {
    expect(tabIdFromSearch('')).toBeNull();
    expect(tabIdFromSearch('?tab=')).toBeNull();
    expect(tabIdFromSearch('?tab=-1')).toBeNull();
    expect(tabIdFromSearch('?tab=1.5')).toBeNull();
    expect(tabIdFromSearch('?tab=abc')).toBeNull();
  });
});

describe('popupView', () => {
  it('shows nothing to flag without a state', () => {
    expect(popupView(null)).toEqual({ kind: 'clear', vendorId: null, site: null });
  });

  it('shows flagged purchase and download pages with their reasons, once each', () => {
    const view = popupView(
      state({
        vendor: 'kaspersky',
        kind: 'purchase',
        reasons: ['vendor-storefront', 'page-buy-control', 'page-buy-control'],
        rule: 'vendor-storefront-home',
      }),
    );
    expect(view).toEqual({
      kind: 'flagged',
      pageKind: 'purchase',
      vendorId: 'kaspersky',
      site: 'kaspersky.com',
      reasons: ['vendor-storefront', 'page-buy-control'],
      silencedBy: null,
      level: 'warning',
      frameUrl: null,
    });
    expect(
      popupView(state({ vendor: 'kaspersky', kind: 'download', reasons: [], rule: 'vendor-download-page' }, 'dismissed')),
    ).toMatchObject({
      kind: 'flagged',
      pageKind: 'download',
      silencedBy: 'dismissed',
    });
  });

  it("carries the decision's level: the popup explains a notice as information", () => {
    const flagged = state({ vendor: 'dji', kind: 'purchase', reasons: [], rule: 'vendor-store-host' });
    expect(popupView({ ...flagged, decision: { ...flagged.decision, level: 'notice' } })).toMatchObject({
      kind: 'flagged',
      level: 'notice',
    });
  });

  it('names the frame whose page decided, when a frame in the page sells it', () => {
    const framed = { ...state({ vendor: 'kaspersky', kind: 'purchase', reasons: [], rule: 'vendor-store-page' }) };
    expect(popupView({ ...framed, frameUrl: 'https://usa.kaspersky.com/premium' })).toMatchObject({
      kind: 'flagged',
      frameUrl: 'https://usa.kaspersky.com/premium',
    });
  });

  it('treats vendor information pages and other pages as clear', () => {
    expect(popupView(state({ vendor: 'kaspersky', kind: 'vendor', reasons: ['vendor-info-page'], rule: 'vendor-info-page' }))).toEqual({
      kind: 'clear',
      vendorId: 'kaspersky',
      site: 'kaspersky.com',
    });
    expect(popupView(state({ vendor: null, kind: 'none', reasons: [], rule: null }))).toMatchObject({ kind: 'clear', vendorId: null });
  });

  it('has a message for every reason a warning is silenced', () => {
    expect(silenceMessageKey('dismissed')).toBe('popup_silenced_dismissed');
    expect(silenceMessageKey('site-allowed')).toBe('popup_silenced_site_allowed');
    expect(silenceMessageKey('mode-off')).toBe('popup_silenced_mode_off');
  });
});
