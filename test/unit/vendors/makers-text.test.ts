/**
 * What the equipment makers' pages say: each restriction's one line with the right dates, and
 * for a private reader that the restrictions bind others and do not ban buying.
 */
import { describe, expect, it } from 'vitest';
import {
  headlineKind,
  markText,
  NOTICE_TOPICS,
  noticeStatement,
  noticeTopic,
  quotedRecords,
  readerStatement,
  restrictionLine,
  statementFor,
  warningHeadline,
} from '../../../src/core/i18n/restriction-text.ts';
import type { Reader, ReaderRole } from '../../../src/core/reader.ts';
import { getVendor } from '../../../src/core/vendors/index.ts';
import type { RestrictionRecord, VendorDefinition } from '../../../src/core/vendors/types.ts';
import { vendorViewOf } from '../../../src/core/vendors/view.ts';
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

const reader = (region: string | null, role: ReaderRole = 'personal'): Reader => ({ regions: region ? [region] : [], role });
const english = { t: translator('en'), locale: 'en-GB' };
// As the banner and pages get it: copied through a message channel.
const viewOf = (vendor: VendorDefinition, r: Reader) => structuredClone(vendorViewOf(vendor, r));
const hikvision = getVendor('hikvision')!;
const huawei = getVendor('huawei')!;
const dji = getVendor('dji')!;

const record = (
  id: string,
  effect: RestrictionRecord['effect'],
  appliesTo: RestrictionRecord['appliesTo'],
  jurisdiction = 'US',
): RestrictionRecord => ({
  id,
  authority: 'Authority',
  citation: id,
  date: '2022-11-25',
  effective: [],
  jurisdiction,
  effect,
  appliesTo,
  sourceUrl: 'https://authority.example/',
});

describe("the reader's statement for a maker", () => {
  it('a US private reader gets the FCC order, though FCC 25-71 (which has no line) ranks first', () => {
    const view = viewOf(hikvision, reader('US'));
    expect(view.restriction?.id).toBe('fcc_25_71');
    expect(readerStatement(view, english)).toMatch(/^New models of this maker's equipment cannot currently get FCC authorization/);
  });

  it.each([reader('US', 'government'), reader('US', 'federal_contractor'), reader('DE', 'federal_contractor')])(
    'a reader §889 binds (%j) reads it first, then the FCC order, each once',
    (r) => {
      const text = readerStatement(viewOf(hikvision, r), english) ?? '';
      expect(text).toMatch(/^US federal agencies may not buy/);
      expect(text.indexOf('FCC 22-84')).toBeGreaterThan(text.indexOf('Section 889'));
      expect(text.match(/Section 889/g)).toHaveLength(1);
      expect(text.match(/FCC 22-84/g)).toHaveLength(1);
    },
  );

  it('Kaspersky: the rules binding a US government reader have no line of their own, so the statement is the sales ban', () => {
    const kaspersky = getVendor('kaspersky')!;
    expect(readerStatement(viewOf(kaspersky, reader('US', 'government')), english)).toBe(
      readerStatement(viewOf(kaspersky, reader('US')), english),
    );
  });
});

describe('the notice: what it is about, what it says', () => {
  it('is about US government buyers where a US rule binds government bodies or federal contractors and not the reader', () => {
    for (const r of [reader('US'), reader('DE'), reader(null), reader('DE', 'government')]) {
      expect(noticeTopic(viewOf(hikvision, r)), JSON.stringify(r)).toBe('us_government');
      expect(noticeTopic(viewOf(huawei, r))).toBe('us_government');
    }
  });

  it('is about FCC authorizations where the rules only refuse new models, or bind the reader (who gets the warning anyway)', () => {
    expect(noticeTopic(viewOf(dji, reader('US')))).toBe('us_authorization');
    expect(noticeTopic(viewOf(dji, reader('DE', 'federal_contractor')))).toBe('us_authorization');
    expect(noticeTopic(viewOf(hikvision, reader('US', 'federal_contractor')))).toBe('us_authorization');
  });

  it('is about a government action in general elsewhere: rules of other countries, or for others than governments', () => {
    const funding = {
      ...hikvision,
      restrictions: [record('funding', 'funding_ban', ['subsidy_recipients'])],
      primaryRestriction: 'funding',
    };
    expect(noticeTopic(viewOf(funding, reader('US')))).toBe('other');
    const abroad = {
      ...hikvision,
      restrictions: [record('procurement', 'procurement_ban', ['government'], 'GB')],
      primaryRestriction: 'procurement',
    };
    expect(noticeTopic(viewOf(abroad, reader('US')))).toBe('other');
    const approvals = {
      ...hikvision,
      restrictions: [record('approvals', 'authorization_ban', ['everyone'], 'GB')],
      primaryRestriction: 'approvals',
    };
    expect(noticeTopic(viewOf(approvals, reader('US')))).toBe('other');
  });

  it.each([reader('US'), reader('DE'), reader(null)])(
    'Hikvision to a private reader (%j): §889 and whom it binds, then the FCC order and that it bans no private buyer',
    (r) => {
      const text = noticeStatement(viewOf(hikvision, r), english) ?? '';
      expect(text).toMatch(/^US federal agencies may not buy this maker's covered video surveillance/);
      expect(text).toContain('since 13 August 2019');
      expect(text).toContain('federal grants and loans may not pay for it (NDAA Section 889). Private buyers are not restricted.');
      expect(text).toMatch(
        /New models of this maker's equipment cannot currently get FCC authorization for the US \(FCC 22-84\)\. It is not a ban on private buyers: models already authorized remain legal to sell, buy and use\.$/,
      );
      // Each record once.
      expect(text.match(/FCC 22-84/g)).toHaveLength(1);
      expect(text.match(/Section 889/g)).toHaveLength(1);
    },
  );

  it('DJI: the drone listing alone (no rule binds others), in every language', () => {
    expect(noticeStatement(viewOf(dji, reader('US')), english)).toBe(
      restrictionLine(
        dji.restrictions.find((r) => r.id === 'fcc_covered_list_uas_2025')!,
        english,
      ),
    );
    expect(noticeStatement(viewOf(dji, reader('DE')), { t: translator('de'), locale: 'de' })).toContain(
      'Es ist kein Verbot für private Käufer',
    );
  });

  it('quotes a rule for others once when it already leads, and says nothing when no record has a line', () => {
    const procurement = record('ndaa_fy2019_889', 'procurement_ban', ['government', 'federal_contractors']);
    const only = { ...huawei, restrictions: [procurement], primaryRestriction: 'ndaa_fy2019_889' };
    const text = noticeStatement(viewOf(only, reader('US')), english) ?? '';
    expect(text.match(/Section 889/g)).toHaveLength(1);
    // Where the reader is, binding others: readerStatement says whom it binds.
    expect(text).toContain(
      'It does not restrict private buyers: it applies only to government bodies and US federal contractors and grant recipients.',
    );
    const silent = { ...huawei, restrictions: [record('no_line', 'funding_ban', ['subsidy_recipients'])], primaryRestriction: 'no_line' };
    expect(noticeStatement(viewOf(silent, reader('US')), english)).toBeNull();
  });

  it('quotedRecords: the records each statement quotes, in its order (the banner links to their sources)', () => {
    const ids = (level: 'warning' | 'notice', vendor: VendorDefinition, r: Reader) =>
      quotedRecords(level, viewOf(vendor, r), english).map((record) => record.id);
    expect(ids('notice', hikvision, reader('US'))).toEqual(['ndaa_fy2019_889_video', 'fcc_22_84_video']);
    expect(ids('notice', dji, reader('DE'))).toEqual(['fcc_covered_list_uas_2025']);
    expect(ids('warning', hikvision, reader('US', 'federal_contractor'))).toEqual(['ndaa_fy2019_889_video', 'fcc_22_84_video']);
    expect(ids('warning', getVendor('kaspersky')!, reader('US'))).toEqual(['bis_final_determination']);
    // The sentence on whom a rule binds quotes no record of its own.
    expect(ids('warning', getVendor('kaspersky')!, reader('AU'))).toEqual(['au_pspf_direction_002_2025', 'bis_final_determination']);
  });

  it('statementFor: the reader statement for a warning, the notice statement for a notice', () => {
    const view = viewOf(hikvision, reader('US'));
    expect(statementFor('warning', view, english)).toBe(readerStatement(view, english));
    expect(statementFor('notice', view, english)).toBe(noticeStatement(view, english));
    expect(statementFor('notice', view, english)).not.toBe(statementFor('warning', view, english));
  });

  it('headlines: calm and about the vendor for a notice, what the page does for a warning', () => {
    const view = viewOf(hikvision, reader('US'));
    expect(warningHeadline('notice', 'purchase', view, english)).toBe('Hikvision: restricted for US government buyers');
    expect(warningHeadline('notice', 'download', viewOf(dji, reader('US')), english)).toBe('DJI: no FCC authorization for new models');
    const funding = {
      ...hikvision,
      restrictions: [record('funding', 'funding_ban', ['subsidy_recipients'])],
      primaryRestriction: 'funding',
    };
    expect(warningHeadline('notice', 'purchase', viewOf(funding, reader('US')), english)).toBe(
      'Hikvision: a government restriction, not a ban on buying',
    );
    expect(warningHeadline('warning', 'purchase', view, english)).toBe('This page sells Hikvision products.');
    expect(warningHeadline('warning', 'download', view, english)).toBe('This page offers Hikvision software for download.');
    expect(warningHeadline('warning', 'purchase', view, english, 'popup')).toBe('This page sells Hikvision products');
    // Kaspersky's shops sell software; a maker's, products.
    expect(warningHeadline('warning', 'purchase', viewOf(getVendor('kaspersky')!, reader('US')), english)).toBe(
      'This page sells Kaspersky software.',
    );
    expect(headlineKind('purchase', null)).toBe('purchase');
    expect(headlineKind('vendor', view)).toBe('download');
    // No vendor known: never a notice (decide gives the full warning), and the organisation's name stands in.
    expect(warningHeadline('notice', 'purchase', null, english)).toBe(
      english.t('banner_headline_purchase', english.t('organization_fallback_name')),
    );
  });

  it('tile marks: short and calm for a notice, "Restricted vendor" for a warning', () => {
    expect(markText('notice', viewOf(hikvision, reader('US')), english)).toBe('US gov. restricted');
    expect(markText('notice', viewOf(dji, reader('US')), english)).toBe('FCC: no new models');
    expect(markText('warning', viewOf(dji, reader('US')), english)).toBe('Restricted vendor');
  });

  it.each(LANGUAGES)('every notice topic has its headline and mark in $locale, none sounding like the warning', ({ locale }) => {
    const t = translator(locale);
    for (const topic of NOTICE_TOPICS) {
      for (const key of [`notice_headline_${topic}`, `mark_text_notice_${topic}`]) {
        expect(t(key, 'Hikvision'), `${locale} ${key}`).not.toBe(key);
        expect(t(key, 'Hikvision')).not.toBe(t('mark_text'));
      }
      expect(t(`notice_headline_${topic}`, 'Hikvision')).toContain('Hikvision');
    }
    expect(t('banner_label_notice')).not.toBe(t('banner_label'));
  });
});
