import { VENDORS } from '../vendors/index.ts';
import type { UrlExample } from '../vendors/types.ts';
import { APP_STORE_ROWS } from './rules/app-stores.ts';
import { PORTAL_ROWS } from './rules/portals.ts';
import { RETAILER_ROWS } from './rules/shops.ts';
import { VENDOR_SITE_RULES } from './rules/vendor-site.ts';
import { THIRD_PARTY_RULES } from './url.ts';
import type { PageKind } from './verdict.ts';

/** An example URL with everything its verdict must say, and where it is written. */
export interface LabelledExample {
  url: string;
  kind: PageKind;
  vendor: string | null;
  /** The rule id that must decide it (null: none may). */
  rule: string | null;
  /** Where the example is written, for messages: "vendor kaspersky", "retailer amazon", … */
  source: string;
}

/** The kind of verdict each URL rule gives. */
const RULE_KINDS: ReadonlyMap<string, PageKind> = new Map([...VENDOR_SITE_RULES, ...THIRD_PARTY_RULES].map((rule) => [rule.id, rule.kind]));

/** A table row's example: its kind follows from the rule that must decide it (an unknown rule id gives "none", and fails the test). */
const fromRow =
  (source: string) =>
  (example: UrlExample): LabelledExample => ({
    url: example.url,
    rule: example.rule,
    vendor: example.vendor ?? null,
    kind: (example.rule !== null && RULE_KINDS.get(example.rule)) || 'none',
    source,
  });

/**
 * Every example URL the project's data carries: each built-in vendor's, by kind, and each
 * retailer's, download portal's and store's.
 */
export function labelledExamples(): LabelledExample[] {
  const vendors = VENDORS.flatMap((vendor) =>
    (['purchase', 'download', 'vendor', 'none'] as const).flatMap((kind) =>
      vendor.examples[kind].map((example) => ({
        url: example.url,
        rule: example.rule,
        vendor: kind === 'none' ? null : vendor.id,
        kind,
        source: `vendor ${vendor.id} (${kind})`,
      })),
    ),
  );
  return [
    ...vendors,
    ...RETAILER_ROWS.flatMap((row) => row.examples.map(fromRow(`retailer ${row.label}`))),
    ...PORTAL_ROWS.flatMap((row) => row.examples.map(fromRow(`download portal ${row.label}`))),
    ...APP_STORE_ROWS.flatMap((row) => row.examples.map(fromRow(`store ${row.id}`))),
  ];
}
