import { isInstallerFile } from '../../vocabulary.ts';
import type { CompiledVendor } from '../compile.ts';
import { found, hostIn, type UrlRule, type VendorHostSubject } from '../rule.ts';
import type { PageKind, UrlRuleId } from '../verdict.ts';

/**
 * Rules for hosts the vendor controls, in order; the first that matches decides, and the last
 * matches whatever the others leave: a vendor page that sells nothing. Their examples are in
 * each vendor's data file (src/data/vendors/).
 */

export const vendorRemovalTool: UrlRule<VendorHostSubject> = {
  id: 'vendor-removal-tool',
  kind: 'vendor',
  match: ({ context, vendor }) => {
    const { fileName } = context.parts;
    return fileName && vendor.removalTools.some((re) => re.test(fileName)) ? found(vendor, 'vendor-domain', 'removal-tool') : null;
  },
};

export const vendorInstallerFile: UrlRule<VendorHostSubject> = {
  id: 'vendor-installer-file',
  kind: 'download',
  // A removal tool is a file on the download hosts too.
  overlaps: ['vendor-removal-tool'],
  match: ({ context, vendor }) => {
    const { fileName, host } = context.parts;
    if (!fileName || !isInstallerFile(fileName)) return null;
    const onDownloadHost = hostIn(host, vendor.downloadHosts);
    const named =
      vendor.distinctiveInstallers.some((re) => re.test(fileName)) || vendor.vendorHostInstallers.some((re) => re.test(fileName));
    if (!onDownloadHost && !named) return null;
    return onDownloadHost ? found(vendor, 'vendor-download-host', 'installer-file') : found(vendor, 'vendor-domain', 'installer-file');
  },
};

export const vendorDownloadHost: UrlRule<VendorHostSubject> = {
  id: 'vendor-download-host-other',
  kind: 'vendor',
  overlaps: ['vendor-removal-tool', 'vendor-installer-file'],
  // A vendor whose storefront also serves its files (policy-defined vendors) keeps its store rules.
  match: ({ context, vendor, subdomain, storefrontDomain }) =>
    hostIn(context.parts.host, vendor.downloadHosts) && !(storefrontDomain && vendor.storefrontSubdomains.has(subdomain))
      ? found(vendor, 'vendor-domain')
      : null,
};

export const vendorStoreHost: UrlRule<VendorHostSubject> = {
  id: 'vendor-store-host',
  kind: 'purchase',
  match: ({ context, vendor }) => (hostIn(context.parts.host, vendor.storeHosts) ? found(vendor, 'vendor-store-host') : null),
};

/** Support, blogs, portals, research: vendor subdomains that are not the storefront. */
export const vendorServiceSubdomain: UrlRule<VendorHostSubject> = {
  id: 'vendor-service-subdomain',
  kind: 'vendor',
  overlaps: ['vendor-removal-tool', 'vendor-installer-file', 'vendor-download-host-other', 'vendor-store-host'],
  match: ({ vendor, subdomain, storefrontDomain }) =>
    storefrontDomain && vendor.storefrontSubdomains.has(subdomain) ? null : found(vendor, 'vendor-domain', 'vendor-info-page'),
};

/**
 * The forms a storefront path is tried in: as is; without a leading locale segment ("/fr/",
 * "/en-gb/"); and with legacy spellings normalised ("/kaspersky_internet_security" reads as
 * "/internet-security"), so old and regional URLs meet the same patterns.
 */
function storefrontPath({ context, vendor }: VendorHostSubject): string[] {
  const cached = context.storefrontForms;
  if (cached) return cached;
  const { path } = context.parts;
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const locale = /^\/[a-z]{2}(?:[-_][a-z]{2,4})?(?=\/|$)/.exec(trimmed);
  const forms = locale ? [trimmed, trimmed.slice(locale[0].length) || '/'] : [trimmed];
  for (const form of [...forms]) {
    const legacy = form.replace(/_/g, '-').replace(vendor.legacyBrandPrefix, '/');
    if (legacy !== form) forms.push(legacy);
  }
  // Each URL's forms are worked out once, however many rules look at them.
  context.storefrontForms = forms;
  return forms;
}

/** A kind of storefront page, known by one of the vendor's path-pattern lists. */
function storefrontPageRule(
  id: 'vendor-info-page' | 'vendor-download-page' | 'vendor-store-page',
  kind: PageKind,
  patterns: (vendor: CompiledVendor) => RegExp[],
  overlaps: readonly UrlRuleId[] = [],
): UrlRule<VendorHostSubject> {
  return {
    id,
    kind,
    ...(overlaps.length ? { overlaps } : {}),
    match: (subject) => {
      const vendorPatterns = patterns(subject.vendor);
      const matches = storefrontPath(subject).some((form) => vendorPatterns.some((re) => re.test(form)));
      return matches ? found(subject.vendor, 'vendor-domain', id) : null;
    },
  };
}

/** Pages that only inform, even where their path names a product (checked before the others). */
// The path patterns read the path alone: a store host's or a service subdomain's page may have a
// storefront's path ("/products/…" on shop.<vendor>, "/en/news/…" on the corporate site).
export const vendorInfoPage = storefrontPageRule('vendor-info-page', 'vendor', (vendor) => vendor.infoPaths, ['vendor-service-subdomain']);
export const vendorDownloadPage = storefrontPageRule('vendor-download-page', 'download', (vendor) => vendor.downloadPaths, [
  'vendor-installer-file',
  'vendor-download-host-other',
]);
export const vendorStorePage = storefrontPageRule('vendor-store-page', 'purchase', (vendor) => vendor.purchasePaths, [
  'vendor-store-host',
  'vendor-service-subdomain',
]);

export const vendorStorefrontHome: UrlRule<VendorHostSubject> = {
  id: 'vendor-storefront-home',
  kind: 'purchase',
  // Every host's home page has the path "/": store hosts and service subdomains are decided before,
  // and so is the home page of a maker that sells only through others (an info path "^/$").
  overlaps: ['vendor-store-host', 'vendor-service-subdomain', 'vendor-info-page'],
  match: (subject) => (storefrontPath(subject).includes('/') ? found(subject.vendor, 'vendor-domain', 'vendor-storefront') : null),
};

/** Whatever else is on a vendor host: the vendor's, but it sells nothing. */
export const vendorOtherPage: UrlRule<VendorHostSubject> = {
  id: 'vendor-other-page',
  kind: 'vendor',
  fallback: true,
  match: ({ vendor }) => found(vendor, 'vendor-domain'),
};

/** In order: the first match decides. */
export const VENDOR_SITE_RULES: readonly UrlRule<VendorHostSubject>[] = [
  vendorRemovalTool,
  vendorInstallerFile,
  vendorDownloadHost,
  vendorStoreHost,
  vendorServiceSubdomain,
  vendorInfoPage,
  vendorDownloadPage,
  vendorStorePage,
  vendorStorefrontHome,
  vendorOtherPage,
];
