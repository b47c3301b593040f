import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../src/core/classify/verdict.ts';
import type { RestrictionRecord } from '../../../src/core/vendors/types.ts';
import { formatIsoDate } from '../../../src/core/i18n/format.ts';
import { reasonMessageKey, restrictionEffectiveKey, restrictionSummaryKey, restrictionTitleKey } from '../../../src/core/i18n/keys.ts';
import { optionalMessage } from '../../../src/core/i18n/translate.ts';
import { displayHost, isWebUrl, lastEffectiveDate } from '../../../src/ui/components/format.ts';

const record = (id: string, date: string, effective: string[] = []): RestrictionRecord => ({
  id,
  authority: 'Authority',
  citation: `${id} citation`,
  date,
  effective: effective.map((d) => ({ date: d })),
  jurisdiction: 'US',
  effect: 'sales_ban',
  appliesTo: ['everyone'],
  sourceUrl: 'https://example.gov/',
});

describe('message keys', () => {
  it('turns reason codes into reason_ keys with underscores', () => {
    expect(reasonMessageKey('vendor-store-page')).toBe('reason_vendor_store_page');
    for (const code of REASON_CODES) expect(reasonMessageKey(code)).toMatch(/^reason_[a-z_]+$/);
  });

  it('names restriction keys after the record id', () => {
    const r = record('bis_final_determination', '2024-06-24');
    expect(restrictionTitleKey(r)).toBe('restriction_bis_final_determination_title');
    expect(restrictionSummaryKey(r)).toBe('restriction_bis_final_determination_summary');
    expect(restrictionEffectiveKey(r, 1)).toBe('restriction_bis_final_determination_effective_1');
  });

  it('treats a message equal to its key as missing', () => {
    const t = (key: string) => (key === 'known' ? 'Known text' : key);
    expect(optionalMessage(t, 'known')).toBe('Known text');
    expect(optionalMessage(t, 'unknown')).toBeNull();
    expect(optionalMessage(() => '', 'empty')).toBeNull();
  });
});

describe('formatIsoDate', () => {
  it('formats a calendar day in the long style of the locale', () => {
    expect(formatIsoDate('2024-09-29', 'en-US')).toBe('September 29, 2024');
    expect(formatIsoDate('2024-07-20', 'en-GB')).toBe('20 July 2024');
    expect(formatIsoDate('2024-07-20', 'de')).toBe('20. Juli 2024');
  });

  it('never shifts the day with the time zone', () => {
    // 1 January in UTC is still 31 December in the Americas; the day must not move.
    expect(formatIsoDate('2025-01-01', 'en-US')).toBe('January 1, 2025');
  });

  it('falls back for unknown locales and returns non-dates unchanged', () => {
    expect(formatIsoDate('2024-09-29', '')).toMatch(/2024/);
    expect(formatIsoDate('not-a-date', 'en-US')).toBe('not-a-date');
    expect(formatIsoDate('2024-9-29', 'en-US')).toBe('2024-9-29');
  });
});

describe('lastEffectiveDate', () => {
  it("gives a record's last effective step, or null when it has none", () => {
    expect(lastEffectiveDate(record('c', '2024-06-24', ['2024-07-20', '2024-09-29']))).toBe('2024-09-29');
    expect(lastEffectiveDate(record('a', '2017-09-13'))).toBeNull();
  });
});

describe('links', () => {
  it('only accepts http(s) URLs as links', () => {
    expect(isWebUrl('https://www.federalregister.gov/d/2024-13532')).toBe(true);
    expect(isWebUrl('http://example.com')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('data:text/html,hi')).toBe(false);
    expect(isWebUrl('not a url')).toBe(false);
  });

  it('shows the host without www', () => {
    expect(displayHost('https://www.federalregister.gov/d/2024-13532')).toBe('federalregister.gov');
    expect(displayHost('nope')).toBe('');
  });
});
