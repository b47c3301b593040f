/**
 * What the equipment makers' pages say: each restriction's one line with the right dates, and
 * for a private reader that the restrictions bind others and do not ban buying.
 */
import { describe, expect, it } from 'vitest';
import { restrictionLine } from '../../../src/core/i18n/restriction-text.ts';
import { getVendor } from '../../../src/core/vendors/index.ts';
import { translator } from '../ui/i18n-stub.ts';

const LANGUAGES = [
  { locale: 'en', intl: 'en-GB', dates: ['13 August 2019', '13 August 2020'], signed: '13 August 2018' },
  { locale: 'de', intl: 'de', dates: ['13. August 2019', '13. August 2020'], signed: '13. August 2018' },
  { locale: 'fr', intl: 'fr', dates: ['13 août 2019', '13 août 2020'], signed: '13 août 2018' },
  { locale: 'es', intl: 'es', dates: ['13 de agosto de 2019', '13 de agosto de 2020'], signed: '13 de agosto de 2018' },
];

const recordOf = (vendorId: string, recordId: string) => getVendor(vendorId)!.restrictions.find((record) => record.id === recordId)!;

describe("the makers' restriction lines", () => {
  it.each(LANGUAGES)(
    '§889 ($locale): agencies since its first effective date, contractors and grants since its second',
    ({ locale, intl, dates, signed }) => {
      const i18n = { t: translator(locale), locale: intl };
      for (const [vendor, id] of [
        ['huawei', 'ndaa_fy2019_889'],
        ['hikvision', 'ndaa_fy2019_889_video'],
      ] as const) {
        const line = restrictionLine(recordOf(vendor, id), i18n) ?? '';
        expect(line.indexOf(dates[0]!), `${locale} ${id}`).toBeGreaterThan(0);
        expect(line.indexOf(dates[1]!)).toBeGreaterThan(line.indexOf(dates[0]!));
        // The signing date is the record's date, not when anything took effect.
        expect(line).not.toContain(signed);
        expect(line).toContain('889');
      }
    },
  );

  it('the FCC lines say in every language that private buyers are not banned and authorized models stay legal', () => {
    const english = { t: translator('en'), locale: 'en-GB' };
    for (const [vendor, id] of [
      ['zte', 'fcc_22_84'],
      ['dahua', 'fcc_22_84_video'],
      ['dji', 'fcc_covered_list_uas_2025'],
    ] as const) {
      const line = restrictionLine(recordOf(vendor, id), english) ?? '';
      expect(line, id).toContain('It is not a ban on private buyers');
      expect(line, id).toMatch(/models already authorized (?:remain legal to sell, buy and use|may still be sold, bought and used)/);
      for (const { locale, intl } of LANGUAGES)
        expect(restrictionLine(recordOf(vendor, id), { t: translator(locale), locale: intl })).toContain('FCC');
    }
    expect(restrictionLine(recordOf('dji', 'fcc_covered_list_uas_2025'), english)).toContain('Since 22 December 2025');
  });
});
