import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../src/core/classify/verdict.ts';
import { literalStart } from '../../../src/core/classify/compile.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import { RESTRICTION_AUDIENCES, RESTRICTION_EFFECTS } from '../../../src/core/vendors/types.ts';
import { dataRows } from '../helpers.ts';

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRealDate = (iso: string) => ISO_DATE.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);

describe.each(VENDORS.map((vendor) => [vendor.id, vendor] as const))('vendor %s', (_id, vendor) => {
  it('lists valid, unique, lower-case hostnames', () => {
    const hosts = [...vendor.domains, ...vendor.site.storeHosts, ...vendor.site.downloadHosts];
    for (const host of hosts) expect(host, host).toMatch(HOSTNAME);
    expect(new Set(vendor.domains).size).toBe(vendor.domains.length);
    expect(new Set(vendor.site.downloadHosts).size).toBe(vendor.site.downloadHosts.length);
  });

  it('owns every store and download host it names', () => {
    for (const host of [...vendor.site.storeHosts, ...vendor.site.downloadHosts]) {
      expect(classifyUrl(`https://${host}/`).vendor, host).toBe(vendor.id);
    }
  });

  it('has restriction records with ISO dates, https sources and unique ids, oldest first', () => {
    const ids = vendor.restrictions.map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(vendor.primaryRestriction);
    for (const record of vendor.restrictions) {
      expect(isRealDate(record.date), `${record.id} date ${record.date}`).toBe(true);
      for (const effective of record.effective) expect(isRealDate(effective.date), `${record.id} ${effective.date}`).toBe(true);
      expect(new URL(record.sourceUrl).protocol, record.sourceUrl).toBe('https:');
      if (record.infoUrl) expect(new URL(record.infoUrl).protocol).toBe('https:');
      expect(record.id).toMatch(/^[a-z0-9_]+$/);
      expect(record.authority.length).toBeGreaterThan(3);
      expect(record.citation.length).toBeGreaterThan(3);
      expect(RESTRICTION_EFFECTS, `${record.id} effect`).toContain(record.effect);
      expect(record.appliesTo.length, `${record.id} appliesTo`).toBeGreaterThan(0);
      for (const audience of record.appliesTo) expect(RESTRICTION_AUDIENCES, `${record.id} appliesTo`).toContain(audience);
      expect(record.jurisdiction, `${record.id} jurisdiction`).toMatch(/^(?:[A-Z]{2})$/);
    }
    const dates = vendor.restrictions.map((record) => record.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('lists alternatives with unique names and https URLs, none of them the vendor', () => {
    const names = vendor.alternatives.map((alternative) => alternative.name);
    expect(new Set(names).size).toBe(names.length);
    expect(vendor.alternatives.length).toBeGreaterThanOrEqual(4);
    for (const alternative of vendor.alternatives) {
      expect(new URL(alternative.url).protocol).toBe('https:');
      expect(classifyUrl(alternative.url).vendor).toBeNull();
    }
  });

  it('compiles every pattern and has no duplicate product names', () => {
    const patterns = [
      ...vendor.site.infoPaths,
      ...vendor.site.downloadPaths,
      ...vendor.site.purchasePaths,
      ...vendor.installers.distinctive,
      ...vendor.installers.onVendorHostsOnly,
      ...vendor.installers.removalTools,
    ];
    for (const source of patterns) expect(() => new RegExp(source, 'i'), source).not.toThrow();
    expect(new Set(vendor.productNames).size).toBe(vendor.productNames.length);
  });

  it('writes its whole-word names and model patterns lower case, without capturing groups (one group per vendor is the registry’s)', () => {
    for (const word of vendor.wordTokens ?? []) expect(word, word).toMatch(/^[\p{Ll}\p{N} -]+$/u);
    for (const source of [...(vendor.wordTokens ?? []), ...(vendor.modelPatterns ?? [])]) {
      // Each name starts with text of its own, which the cheap "could this be a vendor" test looks for.
      expect(literalStart(source).length, source).toBeGreaterThanOrEqual(3);
    }
    for (const source of vendor.modelPatterns ?? []) {
      expect(source, source).toBe(source.toLowerCase());
      // A source with a capturing group matches the empty string with more than one group.
      expect(new RegExp(`${source}|`).exec('')!.length, source).toBe(1);
    }
  });
});

describe('Kaspersky data coverage', () => {
  it('treats every domain in kaspersky-domains.txt as Kaspersky-controlled', () => {
    const domains = dataRows('kaspersky-domains.txt').map(([domain]) => domain!.trim());
    expect(domains.length).toBeGreaterThan(100);
    const missed = domains.filter((domain) => classifyUrl(`https://${domain}/`).vendor !== 'kaspersky');
    expect(missed).toEqual([]);
  });

  it('treats none of the lookalike domains as Kaspersky-controlled', () => {
    // Some are portals whose pages do offer Kaspersky downloads: they may be flagged, never "vendor".
    const lookalikes = dataRows('lookalike-domains.txt').map(([domain]) => domain!.trim());
    expect(lookalikes.length).toBeGreaterThan(0);
    for (const domain of lookalikes) expect(classifyUrl(`https://${domain}/`).kind, domain).not.toBe('vendor');
    expect(classifyUrl('https://forum.kasperskyclub.ru/index.php?showtopic=43640').kind).toBe('none');
    expect(classifyUrl('https://store-kaspersky.ru/about/delivery').kind).toBe('none');
  });

  it('recognises the installer examples of kaspersky-products.txt', () => {
    const examples = [
      'kis17.0.0.611en_10780.exe',
      'kav15.0.1.415en-gb.exe',
      'kts17.0.0.611pt_11117.exe',
      'KAV19.0.0.1088_es-ES_full.exe',
      'kfa21.3.10.391en_23830.exe',
      'ks4.021.3.10.391en_23857.exe',
      'ksec21.9.6.465en_25096.exe',
      'ksos19.0.0.1088_en-ca_fr-ca_full.exe',
      'keswin_12.11.0.637_en_aes256.exe',
      'kes10winsp1_mr4_en_aes256.exe',
      'kesmac10.2.1.319b.zip',
      'klnagent_10.1.0-61_i386_deb.zip',
      'klmsui_8.0.1-721_i386.deb',
      'tdsskiller.exe',
      'KVRT.exe',
      'krd.iso',
      'kav_rescue_disk.iso',
      'kaspersky-mobile-security.apk',
    ];
    for (const file of examples) {
      expect(classifyUrl(`https://mirror.example.net/pub/${file}`), file).toMatchObject({ vendor: 'kaspersky', kind: 'download' });
    }
  });

  it('names a reason code the UI can translate for every reason it gives', () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    for (const code of REASON_CODES) expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});
