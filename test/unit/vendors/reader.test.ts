import { describe, expect, it } from 'vitest';
import { readerStatement } from '../../../src/core/i18n/restriction-text.ts';
import { decide } from '../../../src/core/policy/decide.ts';
import { readerOf } from '../../../src/core/policy/merge.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';
import {
  EU_MEMBERS,
  isWhereReaderIs,
  READER_ROLES,
  regionFromLanguages,
  regionOfLanguageTag,
  type Reader,
  type ReaderRole,
} from '../../../src/core/reader.ts';
import { getVendor } from '../../../src/core/vendors/index.ts';
import { levelFor, restrictionsFor, standingOf, warnsFor } from '../../../src/core/vendors/standing.ts';
import type { RestrictionRecord } from '../../../src/core/vendors/types.ts';
import { UNKNOWN_READER, vendorViewOf } from '../../../src/core/vendors/view.ts';
import { translator } from '../ui/i18n-stub.ts';

const kaspersky = getVendor('kaspersky')!;
const reader = (region: string | null, role: ReaderRole = 'personal'): Reader => ({ regions: region ? [region] : [], role });
const leadFor = (r: Reader) => restrictionsFor(kaspersky.restrictions, kaspersky.primaryRestriction, r).lead?.id;
const english = { t: translator('en'), locale: 'en-GB' };
// As the banner and pages get it: copied through a message channel.
const statement = (r: Reader, i18n = english) => readerStatement(structuredClone(vendorViewOf(kaspersky, r)), i18n) ?? '';

describe('where the reader is', () => {
  it('takes the region of a language tag, skipping scripts; a bare language or an area names none', () => {
    expect(regionOfLanguageTag('de-DE')).toBe('DE');
    expect(regionOfLanguageTag('en_GB')).toBe('GB');
    expect(regionOfLanguageTag('zh-Hant-TW')).toBe('TW');
    expect(regionOfLanguageTag('fr-ca')).toBe('CA');
    expect(regionOfLanguageTag('de')).toBeNull();
    expect(regionOfLanguageTag('es-419')).toBeNull();
    expect(regionOfLanguageTag('en-XX')).toBeNull();
    expect(regionOfLanguageTag('')).toBeNull();
  });

  it('takes the first region in the order given', () => {
    expect(regionFromLanguages(['de', 'de-AT', 'en-US'])).toBe('AT');
    expect(regionFromLanguages(['en-AU', 'de-DE'])).toBe('AU');
    expect(regionFromLanguages(['de', 'fr'])).toBeNull();
    expect(regionFromLanguages([])).toBeNull();
  });

  it('counts an EU action where readers in a member state are, and nowhere else', () => {
    expect(EU_MEMBERS.size).toBe(27);
    expect(isWhereReaderIs('EU', ['DE'])).toBe(true);
    expect(isWhereReaderIs('EU', ['GB'])).toBe(false);
    expect(isWhereReaderIs('DE', ['AT', 'DE'])).toBe(true);
    expect(isWhereReaderIs('DE', [])).toBe(false);
    expect(isWhereReaderIs('', ['DE'])).toBe(false);
  });

  it("reads the organisation's jurisdictions first, then the user's region, then the browser's", () => {
    const settings = { ...DEFAULT_SETTINGS, jurisdictions: [] as string[] };
    expect(readerOf(settings, 'FR')).toEqual({ regions: ['FR'], role: 'personal' });
    expect(readerOf({ ...settings, region: 'ES' }, 'FR')).toEqual({ regions: ['ES'], role: 'personal' });
    expect(readerOf({ ...settings, region: 'ES', jurisdictions: ['DE', 'AT'], audience: 'government' }, 'FR')).toEqual({
      regions: ['DE', 'AT'],
      role: 'government',
    });
    expect(readerOf(settings, null)).toEqual({ regions: [], role: 'personal' });
  });
});

describe("which of Kaspersky's actions comes first, for each place and role", () => {
  // [region, role, the record that leads]
  const cases: [string | null, ReaderRole, string][] = [
    ['DE', 'personal', 'de_bsi_warning_2022'],
    ['DE', 'government', 'de_bsi_warning_2022'],
    ['AU', 'personal', 'au_pspf_direction_002_2025'],
    ['AU', 'government', 'au_pspf_direction_002_2025'],
    ['CA', 'personal', 'ca_tbs_mobile_2023'],
    ['GB', 'personal', 'gb_ncsc_2022'],
    ['GB', 'government', 'gb_ncsc_2022'],
    ['NL', 'personal', 'nl_government_2018'],
    ['LT', 'personal', 'lt_government_2017'],
    ['IT', 'personal', 'it_acn_circulars'],
    ['IT', 'government', 'it_acn_circulars'],
    ['FR', 'personal', 'fr_anssi_2022'],
    ['PL', 'personal', 'pl_sanctions_2022'],
    ['UA', 'personal', 'ua_site_block_2017'],
    ['UA', 'government', 'ua_nsdc_sanctions_2015'],
    ['US', 'personal', 'bis_final_determination'],
    ['US', 'government', 'bis_final_determination'],
    ['US', 'federal_contractor', 'bis_final_determination'],
    ['DE', 'federal_contractor', 'de_bsi_warning_2022'],
    ['BR', 'personal', 'bis_final_determination'],
    ['AT', 'personal', 'ep_resolution_2018'],
    [null, 'personal', 'bis_final_determination'],
    [null, 'government', 'bis_final_determination'],
  ];
  it.each(cases)('%s, %s: %s', (region, role, lead) => {
    expect(leadFor(reader(region, role))).toBe(lead);
  });

  it('puts US contracting rules right after the place for a federal contractor abroad, and not for anyone else', () => {
    const ranked = (r: Reader) => restrictionsFor(kaspersky.restrictions, kaspersky.primaryRestriction, r).ranked.map((e) => e.record.id);
    const contractor = ranked(reader('DE', 'federal_contractor'));
    expect(contractor.slice(0, 3)).toEqual(['de_bsi_warning_2022', 'ep_resolution_2018', 'ndaa_fy2018_1634']);
    expect(ranked(reader('DE', 'personal')).slice(0, 3)).toEqual(['de_bsi_warning_2022', 'ep_resolution_2018', 'bis_final_determination']);
  });

  it('says an action is for the reader only where they are and in their role', () => {
    const bsi = kaspersky.restrictions.find((r) => r.id === 'de_bsi_warning_2022')!;
    const pspf = kaspersky.restrictions.find((r) => r.id === 'au_pspf_direction_002_2025')!;
    const bis = kaspersky.restrictions.find((r) => r.id === 'bis_final_determination')!;
    expect(standingOf(bsi, reader('DE'))).toMatchObject({ here: true, forReader: true });
    expect(standingOf(bsi, reader('FR'))).toMatchObject({ here: false, forReader: false });
    expect(standingOf(pspf, reader('AU'))).toMatchObject({ here: true, forReader: false });
    expect(standingOf(pspf, reader('AU', 'government'))).toMatchObject({ here: true, forReader: true });
    expect(standingOf(bis, reader('DE'))).toMatchObject({ here: false, forReader: false });
    expect(standingOf(bis, reader('US'))).toMatchObject({ here: true, forReader: true });
  });
});

describe('what the reader is told first', () => {
  it('Germany: the BSI warning, said to be a warning and not a ban, then the US sales ban', () => {
    const text = statement(reader('DE'));
    expect(text).toMatch(
      /^Germany's Federal Office for Information Security \(BSI\) has warned against using Kaspersky antivirus since 15 March 2022/,
    );
    expect(text).toContain('It is a warning, not a ban.');
    expect(text).toContain('has prohibited sales to US persons since 20 July 2024 and updates since 29 September 2024');
  });

  it('Australia, private reader: government systems only, private buyers not restricted, then the US ban', () => {
    const text = statement(reader('AU'));
    expect(text).toBe(
      'Australian Government systems and devices may not use Kaspersky products (Direction of 21 February 2025; removal by 1 April 2025). ' +
        'It does not restrict private buyers: it applies only to government bodies. ' +
        'The US Commerce Department (BIS) has prohibited sales to US persons since 20 July 2024 and updates since 29 September 2024.',
    );
  });

  it('Australia, government reader: the direction, without the private-buyer sentence', () => {
    const text = statement(reader('AU', 'government'));
    expect(text).toMatch(/^Australian Government systems and devices may not use Kaspersky products/);
    expect(text).not.toContain('private buyers');
  });

  it('Lithuania, government reader: whom it binds is said when it is not their role, and not when it is', () => {
    expect(statement(reader('LT', 'federal_contractor'))).toContain(
      'It applies only to government bodies and operators of critical infrastructure.',
    );
    expect(statement(reader('LT', 'government'))).not.toContain('applies only');
  });

  it('the US: the sales ban once, with no other country', () => {
    const text = statement(reader('US'));
    expect(text).toBe(
      'The US Commerce Department (BIS) has prohibited sales to US persons since 20 July 2024 and updates since 29 September 2024.',
    );
  });

  it('unknown place: the US sales ban, as before', () => {
    expect(readerStatement(vendorViewOf(kaspersky, UNKNOWN_READER), english)).toBe(statement(reader('US')));
  });

  it.each([
    ['de', 'DE', 'Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnt seit dem 15. März 2022'],
    ['fr', 'FR', 'Le CERT-FR (ANSSI) a estimé le 2 mars 2022'],
    ['es', 'ES', 'Los organismos'],
    ['en', 'AU', 'Australian Government systems'],
  ])('in %s for %s', (locale, region, start) => {
    const i18n = { t: translator(locale), locale };
    const text = statement(reader(region), i18n);
    if (region === 'ES') {
      // Spain has no action of its own: the EU's resolution leads, then the US ban.
      expect(text).toMatch(/^El Parlamento Europeo pidió el 13 de junio de 2018/);
      expect(text).toContain('No restringe a los compradores particulares: solo afecta a las instituciones de la UE.');
    } else expect(text.startsWith(start), text).toBe(true);
  });

  it('never names a place the reader is not in as theirs: no lead from elsewhere when their place has an action', () => {
    const regions = [...new Set(kaspersky.restrictions.map((r) => r.jurisdiction))].filter((j) => j !== 'EU');
    for (const region of regions) {
      for (const role of READER_ROLES) {
        const { lead } = restrictionsFor(kaspersky.restrictions, kaspersky.primaryRestriction, reader(region, role));
        expect(lead?.jurisdiction, `${region} ${role}`).toBe(region);
      }
    }
  });

  it('claims a restriction binds the reader only when its jurisdiction covers them and its audience takes in their role', () => {
    const regions = ['DE', 'AU', 'US', 'BR', 'GB', 'IT', 'UA', 'PL', 'FR', 'ES'];
    for (const region of regions) {
      for (const role of READER_ROLES) {
        const r = reader(region, role);
        for (const record of kaspersky.restrictions) {
          const { forReader, here } = standingOf(record, r);
          if (!forReader) continue;
          const byContract =
            role === 'federal_contractor' && record.jurisdiction === 'US' && record.appliesTo.includes('federal_contractors');
          expect(here || byContract, `${record.id} for ${region} ${role}`).toBe(true);
          const audiences = {
            personal: ['everyone'],
            government: ['everyone', 'government'],
            federal_contractor: ['everyone', 'federal_contractors'],
          }[role];
          expect(
            record.appliesTo.some((a) => audiences.includes(a)),
            `${record.id} for ${role}`,
          ).toBe(true);
        }
      }
    }
  });
});

describe('whether a page gets the banner (warnFor)', () => {
  const records = kaspersky.restrictions;
  it('any action: always', () => {
    expect(warnsFor(records, reader('BR'), 'any')).toBe(true);
  });

  it('actions where I am: yes in Germany and Australia, no in Brazil; unknown place warns', () => {
    expect(warnsFor(records, reader('DE'), 'here')).toBe(true);
    expect(warnsFor(records, reader('AU'), 'here')).toBe(true);
    expect(warnsFor(records, reader('BR'), 'here')).toBe(false);
    expect(warnsFor(records, reader('BR', 'federal_contractor'), 'here')).toBe(true);
    expect(warnsFor(records, reader(null), 'here')).toBe(true);
  });

  it('bans that apply to me: the US sales ban yes, a warning alone no, a government-only rule only for government', () => {
    expect(warnsFor(records, reader('US'), 'bans')).toBe(true);
    expect(warnsFor(records, reader('DE'), 'bans')).toBe(false);
    expect(warnsFor(records, reader('AU'), 'bans')).toBe(false);
    expect(warnsFor(records, reader('AU', 'government'), 'bans')).toBe(true);
    expect(warnsFor(records, reader('PL'), 'bans')).toBe(true);
  });

  it("an organisation's own records always warn its readers", () => {
    const own: RestrictionRecord = {
      id: 'acme',
      summary: 'Not approved',
      authority: 'Acme',
      citation: '',
      date: '',
      effective: [],
      jurisdiction: '',
      effect: '',
      appliesTo: [],
      sourceUrl: 'https://acme.example/',
    };
    expect(warnsFor([own], reader('BR'), 'bans')).toBe(true);
    expect(warnsFor([own], reader('BR'), 'here')).toBe(true);
  });

  it('decide: outside the choice, the badge stays and neither banner nor block shows', () => {
    const verdict = { vendor: 'kaspersky', kind: 'purchase' as const, reasons: [], rule: null };
    const choices = { dismissed: false, proceeded: false };
    expect(decide(verdict, { mode: 'warn', allowedSites: [] }, 'kaspersky.com', choices, { warns: false, level: 'warning' })).toMatchObject(
      {
        banner: false,
        block: false,
        badge: true,
        silencedBy: 'warn-for',
      },
    );
    expect(
      decide(verdict, { mode: 'block', allowedSites: [] }, 'kaspersky.com', choices, { warns: false, level: 'warning' }),
    ).toMatchObject({
      block: false,
      badge: true,
    });
    expect(decide(verdict, { mode: 'off', allowedSites: [] }, 'kaspersky.com', choices, { warns: false, level: 'warning' })).toMatchObject({
      badge: false,
      silencedBy: 'mode-off',
    });
  });
});

describe('how strongly a page speaks (levelFor)', () => {
  const record = (id: string, effect: RestrictionRecord['effect'], appliesTo: RestrictionRecord['appliesTo']): RestrictionRecord => ({
    id,
    authority: 'FCC',
    citation: id,
    date: '2022-11-25',
    effective: [],
    jurisdiction: 'US',
    effect,
    appliesTo,
    sourceUrl: 'https://www.fcc.gov/',
  });
  // The shape of a Covered List maker: no new models approved, federal purchases and contractors' use barred.
  const maker = [
    record('equipment_authorization', 'authorization_ban', ['everyone']),
    record('agencies', 'procurement_ban', ['government']),
    record('contractors', 'use_ban', ['federal_contractors']),
  ];

  it('Kaspersky: the full warning for every reader (a US sales ban applies to everyone there)', () => {
    for (const region of ['US', 'DE', 'BR', null]) {
      for (const role of READER_ROLES) expect(levelFor(kaspersky.restrictions, reader(region, role)), `${region} ${role}`).toBe('warning');
    }
  });

  it('a maker: a notice for private readers anywhere, the warning for US government and for federal contractors anywhere', () => {
    expect(levelFor(maker, reader('US'))).toBe('notice');
    expect(levelFor(maker, reader('DE'))).toBe('notice');
    expect(levelFor(maker, reader(null))).toBe('notice');
    expect(levelFor(maker, reader('US', 'government'))).toBe('warning');
    expect(levelFor(maker, reader('DE', 'government'))).toBe('notice');
    expect(levelFor(maker, reader('DE', 'federal_contractor'))).toBe('warning');
  });

  it('decide: a notice shows its banner and badge but never blocks', () => {
    const verdict = { vendor: 'maker', kind: 'purchase' as const, reasons: [], rule: null };
    const notice = { warns: true, level: 'notice' as const };
    expect(
      decide(verdict, { mode: 'block', allowedSites: [] }, 'maker.example', { dismissed: false, proceeded: false }, notice),
    ).toMatchObject({
      banner: true,
      block: false,
      badge: true,
      level: 'notice',
    });
  });
});
