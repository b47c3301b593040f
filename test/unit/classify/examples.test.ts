import { describe, expect, it } from 'vitest';
import { labelledExamples, type LabelledExample } from '../../../src/core/classify/examples.ts';
import { UrlContext, type UrlRule, type VendorHostSubject } from '../../../src/core/classify/rule.ts';
import { APP_STORE_ROWS } from '../../../src/core/classify/rules/app-stores.ts';
import { PORTAL_ROWS } from '../../../src/core/classify/rules/portals.ts';
import { RETAILER_ROWS } from '../../../src/core/classify/rules/shops.ts';
import { VENDOR_SITE_RULES } from '../../../src/core/classify/rules/vendor-site.ts';
import { buildRegistry, classifyUrl, THIRD_PARTY_RULES, vendorOwning } from '../../../src/core/classify/url.ts';
import { domainParts, parseUrlParts } from '../../../src/core/classify/url-parts.ts';
import { URL_RULE_IDS } from '../../../src/core/classify/verdict.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';

/*
 * The github-url-detection pattern: every rule is a small pure function, its examples are data
 * (each vendor's own URLs in its definition, each shop's, portal's and store's in its table row),
 * and this runs every rule against every example. An example must get its kind, its vendor and
 * the rule that decides it; every other rule of the same list must stay silent on it, unless it
 * declares that it overlaps the deciding rule (and comes after it).
 */

const EXAMPLES = labelledExamples();
const registry = buildRegistry();

type AnyRule = UrlRule<UrlContext> | UrlRule<VendorHostSubject>;

/** The rules that see the URL (the vendor's own list on its hosts, else the third-party list) and what each is given. */
function rulesSeeing(url: string): { rules: readonly AnyRule[]; fires: (rule: AnyRule) => boolean } {
  const parts = parseUrlParts(url);
  if (parts === null || parts === 'unsupported') throw new Error(`not a web URL: ${url}`);
  const context = new UrlContext(parts, registry);
  const owner = vendorOwning(context);
  if (owner) return { rules: VENDOR_SITE_RULES, fires: (rule) => (rule as UrlRule<VendorHostSubject>).match(owner) !== null };
  return { rules: THIRD_PARTY_RULES, fires: (rule) => (rule as UrlRule<UrlContext>).match(context) !== null };
}

/** The rules, other than the deciding one and a fallback, that fire on an example. */
function alsoFiring(example: LabelledExample): AnyRule[] {
  const { rules, fires } = rulesSeeing(example.url);
  return rules.filter((rule) => rule.id !== example.rule && !rule.fallback && fires(rule));
}

describe.each(EXAMPLES.map((example) => [`${example.source}: ${example.url}`, example] as const))(
  '%s',
  (_name, example: LabelledExample) => {
    it(`is ${example.kind}${example.vendor ? ` of ${example.vendor}` : ''}, decided by ${example.rule ?? 'no rule'}`, () => {
      const verdict = classifyUrl(example.url);
      expect({ kind: verdict.kind, vendor: verdict.vendor, rule: verdict.rule }).toEqual({
        kind: example.kind,
        vendor: example.vendor,
        rule: example.rule,
      });
    });

    it('leaves every other rule silent, but those that declare they overlap the deciding one', () => {
      if (example.rule !== null)
        expect(
          rulesSeeing(example.url).rules.map((rule) => rule.id),
          'the deciding rule sees this URL',
        ).toContain(example.rule);
      for (const rule of alsoFiring(example)) {
        expect(rule.overlaps ?? [], `${rule.id} fires on an example of ${example.rule ?? 'no rule'}`).toContain(example.rule);
      }
    });
  },
);

describe('the examples', () => {
  it('cover every URL rule as the deciding rule', () => {
    const deciding = new Set(EXAMPLES.map((example) => example.rule));
    expect(URL_RULE_IDS.filter((id) => !deciding.has(id))).toEqual([]);
  });

  it('name known rules only, and no URL twice', () => {
    const known = new Set<string>(URL_RULE_IDS);
    expect(EXAMPLES.filter((example) => example.rule !== null && !known.has(example.rule)).map((example) => example.url)).toEqual([]);
    const urls = EXAMPLES.map((example) => example.url);
    expect(urls.filter((url, index) => urls.indexOf(url) !== index)).toEqual([]);
  });

  it.each(VENDORS.map((vendor) => [vendor.id, vendor] as const))('of vendor %s cover every kind', (_id, vendor) => {
    for (const kind of ['purchase', 'download', 'vendor', 'none'] as const) expect(vendor.examples[kind].length, kind).toBeGreaterThan(0);
  });

  it('exist for every retailer, download portal and store, on its own site, naming the vendor of each flagged one', () => {
    const label = (url: string) => {
      const parts = parseUrlParts(url);
      return parts === null || parts === 'unsupported' ? '' : domainParts(parts.host).label;
    };
    const host = (url: string) => new URL(url).hostname;
    const rows = [
      ...RETAILER_ROWS.map((row) => ({
        name: `retailer ${row.label}`,
        examples: row.examples,
        onSite: (url: string) => label(url) === row.label,
      })),
      ...PORTAL_ROWS.map((row) => ({
        name: `portal ${row.label}`,
        examples: row.examples,
        onSite: (url: string) => label(url) === row.label,
      })),
      ...APP_STORE_ROWS.map((row) => ({
        name: `store ${row.id}`,
        examples: row.examples,
        onSite: (url: string) => row.hosts.includes(host(url)),
      })),
    ];
    for (const row of rows) {
      expect(row.examples.length, row.name).toBeGreaterThan(0);
      for (const example of row.examples) {
        expect(row.onSite(example.url), `${row.name}: ${example.url} is on another site`).toBe(true);
        if (example.rule === null) expect(example.vendor ?? null, `${row.name}: ${example.url}`).toBeNull();
        else expect(example.vendor, `${row.name}: ${example.url} must name its vendor`).toEqual(expect.any(String));
      }
    }
  });
});

describe('the rules', () => {
  it('are the URL rule ids, in order', () => {
    expect([...VENDOR_SITE_RULES, ...THIRD_PARTY_RULES].map((rule) => rule.id)).toEqual([...URL_RULE_IDS]);
  });

  it.each([VENDOR_SITE_RULES, THIRD_PARTY_RULES].flatMap((rules) => rules.map((rule, index) => [rule.id, rule, rules, index] as const)))(
    '%s declares only overlaps that come before it and that the examples show',
    (_id, rule, rules, index) => {
      const shown = new Set(EXAMPLES.filter((example) => alsoFiring(example).includes(rule)).map((example) => example.rule));
      for (const earlier of rule.overlaps ?? []) {
        expect(
          rules.findIndex((other) => other.id === earlier),
          `${earlier} comes before ${rule.id}`,
        ).toBeLessThan(index);
        expect(shown.has(earlier), `no example shows ${rule.id} overlapping ${earlier}`).toBe(true);
      }
      expect(rules.filter((other) => other.fallback).map((other) => other.id)).toEqual(rules.at(-1)?.fallback ? [rules.at(-1)!.id] : []);
    },
  );
});
