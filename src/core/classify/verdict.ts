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

export interface Verdict {
  /** Vendor id from the registry, or null when no restricted vendor is involved. */
  vendor: string | null;
  kind: PageKind;
  reasons: ReasonCode[];
}

export const NO_VERDICT: Verdict = Object.freeze({ vendor: null, kind: 'none', reasons: [] }) as Verdict;

/** Purchase and download pages are the ones the extension warns about. */
export function isFlagged(verdict: Verdict): boolean {
  return verdict.kind === 'purchase' || verdict.kind === 'download';
}
