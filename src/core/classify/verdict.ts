/** What a URL or a page is, as far as restricted vendors are concerned. */
export type PageKind = 'purchase' | 'download' | 'vendor' | 'none';

/**
 * Stable machine codes explaining a verdict. The UI turns each into words through
 * `reason_<code with - replaced by _>` in `_locales`; the CLI prints them as they are.
 */
export const REASON_CODES = [
  'invalid-url',
  'unsupported-scheme',
  'vendor-domain',
  'vendor-info-page',
  'vendor-storefront',
  'vendor-store-host',
  'vendor-store-page',
  'vendor-download-page',
  'vendor-download-host',
  'installer-file',
  'removal-tool',
  'reseller-listing',
  'shop-listing',
  'download-portal',
  'file-host-installer',
  'app-store-listing',
  'extension-store-listing',
  'page-product-data',
  'page-title-names-product',
  'page-buy-control',
  'page-download-control',
  'page-installer-link',
  'policy-blocked-domain',
  'policy-exempt',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * The URL rules, by id (src/core/classify/rules/): on a vendor's own hosts the first eight, in
 * order, else the last; elsewhere the third-party rules in their order.
 */
export const URL_RULE_IDS = [
  'vendor-removal-tool',
  'vendor-installer-file',
  'vendor-download-host-other',
  'vendor-store-host',
  'vendor-service-subdomain',
  'vendor-info-page',
  'vendor-download-page',
  'vendor-store-page',
  'vendor-storefront-home',
  'vendor-other-page',
  'removal-tool-file',
  'third-party-installer',
  'app-store-listing',
  'extension-store-listing',
  'reseller-listing',
  'download-portal-listing',
  'shop-listing',
] as const;

export type UrlRuleId = (typeof URL_RULE_IDS)[number];

/**
 * What can decide a verdict: a URL rule, the page's own content (core/classify/page.ts), a
 * download's file name (core/policy/download.ts), or the organisation's policy (an exempt or a
 * blocked domain, core/policy/compile.ts).
 */
export type RuleId = UrlRuleId | 'page-content' | 'download-file-name' | 'policy-exempt' | 'policy-blocked-domain';

export interface Verdict {
  /** Vendor id from the registry, or null when no restricted vendor is involved. */
  vendor: string | null;
  kind: PageKind;
  reasons: ReasonCode[];
  /** The rule that decided the verdict; null when none did (nothing of interest, or a URL that is not one). */
  rule: RuleId | null;
}

export const NO_VERDICT: Verdict = Object.freeze({ vendor: null, kind: 'none', reasons: [], rule: null }) as Verdict;

/** Purchase and download pages are the ones the extension warns about. */
export function isFlagged(verdict: Verdict): boolean {
  return verdict.kind === 'purchase' || verdict.kind === 'download';
}
