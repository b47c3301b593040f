/*
 * Who reads the warning and where: the place whose government actions come first, and the role
 * that decides which of them bind the reader. Nothing here is looked up over the network: the
 * place comes from the browser's language preferences, the options or the organisation's policy.
 */

/** The reader's role, as the options ask it. */
export const READER_ROLES = [
  /** "Just me": a private person or a company without government duties. */
  'personal',
  /** Works for a government body. */
  'government',
  /** Works for a US federal contractor or a recipient of federal grants or loans. */
  'federal_contractor',
] as const;
export type ReaderRole = (typeof READER_ROLES)[number];

/** When a flagged page gets the in-page warning (the badge and popup always explain). */
export const WARN_FOR = [
  /** Any government's action on the vendor (the default). */
  'any',
  /** Only actions where the reader is (their jurisdictions, the EU for its members) or that bind their role. */
  'here',
  /** Only bans and other binding actions that apply to the reader. */
  'bans',
] as const;
export type WarnFor = (typeof WARN_FOR)[number];

export interface Reader {
  /** ISO 3166-1 alpha-2 codes of where the reader is; empty when not known. */
  regions: readonly string[];
  role: ReaderRole;
}

/** Every ISO 3166-1 alpha-2 code, for the options' "Where you are" list and to check policy values. */
export const REGION_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const REGIONS: ReadonlySet<string> = new Set(REGION_CODES);

/** The European Union's member states: an "EU" action is where their readers are. */
export const EU_MEMBERS: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

export function isRegionCode(value: string): boolean {
  return REGIONS.has(value);
}

/**
 * The region of a language tag ("de-DE" → "DE", "zh-Hant-TW" → "TW", "en_GB" → "GB"), or null
 * when it names none ("de") or only a UN M.49 area ("es-419"), which is not one place.
 */
export function regionOfLanguageTag(tag: string): string | null {
  const [, ...subtags] = tag.trim().split(/[-_]/);
  for (const subtag of subtags) {
    if (/^[a-z]{4}$/i.test(subtag)) continue; // a script: Hant, Latn
    const region = subtag.toUpperCase();
    return /^[A-Z]{2}$/.test(region) && REGIONS.has(region) ? region : null;
  }
  return null;
}

/** The first region in the browser's language preferences, in the order given (platform/runtime.ts browserLanguages). */
export function regionFromLanguages(tags: readonly string[]): string | null {
  for (const tag of tags) {
    const region = regionOfLanguageTag(tag);
    if (region) return region;
  }
  return null;
}

/** Whether an action of `jurisdiction` is where the reader is ("EU" covers its member states). */
export function isWhereReaderIs(jurisdiction: string, regions: readonly string[]): boolean {
  if (!jurisdiction) return false;
  if (jurisdiction === 'EU') return regions.some((region) => region === 'EU' || EU_MEMBERS.has(region));
  return regions.includes(jurisdiction);
}
