import { hostIn, isInstallerFile, verdict, type UrlContext, type UrlRule, type VendorHostSubject } from '../rule.ts';

/**
 * Rules for hosts the vendor controls, in order; the first that matches decides.
 * Whatever none of them claims is a vendor page that sells nothing.
 */

export const vendorRemovalTool: UrlRule<VendorHostSubject> = {
  id: 'vendor-removal-tool',
  kind: 'vendor',
  match: ({ context, vendor }) => {
    const { fileName } = context.parts;
    return fileName && vendor.removalTools.some((re) => re.test(fileName))
      ? verdict(vendor, 'vendor', 'vendor-domain', 'removal-tool')
      : null;
  },
  examples: {
    matches: [
      'https://media.kaspersky.com/utilities/ConsumerUtilities/kavremvr.exe',
      'http://media.kaspersky.com/utilities/ConsumerUtilities/kavremvr.exe',
      'https://media.kaspersky.com/utilities/CorporateUtilities/cleaner.zip',
    ],
    rejects: ['https://media.kaspersky.com/utilities/VirusUtilities/EN/tdsskiller.exe'],
  },
};

export const vendorInstallerFile: UrlRule<VendorHostSubject> = {
  id: 'vendor-installer-file',
  kind: 'download',
  match: ({ context, vendor }) => {
    const { fileName, host } = context.parts;
    if (!fileName || !isInstallerFile(fileName)) return null;
    const onDownloadHost = hostIn(host, vendor.downloadHosts);
    const named =
      vendor.distinctiveInstallers.some((re) => re.test(fileName)) ||
      vendor.vendorHostInstallers.some((re) => re.test(fileName));
    if (!onDownloadHost && !named) return null;
    return onDownloadHost
      ? verdict(vendor, 'download', 'vendor-download-host', 'installer-file')
      : verdict(vendor, 'download', 'vendor-domain', 'installer-file');
  },
  examples: {
    matches: [
      'https://downloads.kaspersky-labs.com/main/kaspersky_standard/latest/full/kaspersky_standard.exe',
      'https://downloads.kaspersky-labs.com/main/kaspersky_plus/latest/full/kaspersky_plus.dmg',
      'http://products.kaspersky-labs.com/english/homeuser/kis2015//kis15.0.2.361en.exe',
      'https://products.s.kaspersky-labs.com/homeuser/kis2019/19.0.0.1088ab/english-0.3667.0/5c42f68b/startup.exe',
      'https://products.s.kaspersky-labs.com/homeuser/kismac18/18.0.2.60/multilanguage-INT-20180517_134818/kaspersky%20internet%20security.dmg',
      'https://aes.s.kaspersky-labs.com/endpoints/keswin11/12.1.0.506/chinese_simplified-21.13.5.506.0.147.0/3732313736387c44454c7c31/keswin_12.1.0.506_zh-Hans_aes256.exe',
      'https://devbuilds.s.kaspersky-labs.com/devbuilds/KVRT/latest/full/KVRT.exe',
      'http://media.kaspersky.com/utilities/CorporateUtilities/klnagent_10.1.0-61_i386_deb.zip',
      'https://media.kaspersky.com/utilities/VirusUtilities/EN/tdsskiller.exe',
      'https://rescuedisk.s.kaspersky-labs.com/updatable/2018/krd.iso',
    ],
    rejects: [
      'https://content.kaspersky-labs.com/se/com/content/en-global/images/product-icon.png',
      'https://www.kaspersky.com/downloads/thank-you/free-rescue-disk',
    ],
  },
};

export const vendorDownloadHost: UrlRule<VendorHostSubject> = {
  id: 'vendor-download-host-other',
  kind: 'vendor',
  // A vendor whose storefront also serves its files (policy-defined vendors) keeps its store rules.
  match: ({ context, vendor, subdomain, storefrontDomain }) =>
    hostIn(context.parts.host, vendor.downloadHosts) && !(storefrontDomain && vendor.storefrontSubdomains.has(subdomain))
      ? verdict(vendor, 'vendor', 'vendor-domain')
      : null,
  examples: {
    matches: [
      'https://content.kaspersky-labs.com/se/com/content/en-global/images/product-icon.png',
      'https://media.kaspersky.com/pdf/kaspersky-report.pdf',
    ],
    rejects: ['https://www.kaspersky.com/premium'],
  },
};

export const vendorStoreHost: UrlRule<VendorHostSubject> = {
  id: 'vendor-store-host',
  kind: 'purchase',
  match: ({ context, vendor }) =>
    hostIn(context.parts.host, vendor.storeHosts) ? verdict(vendor, 'purchase', 'vendor-store-host') : null,
  examples: {
    matches: ['https://store.kaspersky.fr/', 'https://store.kaspersky.fr/DRHM/store?Action=DisplayPage'],
    rejects: ['https://support.kaspersky.fr/'],
  },
};

/** Support, blogs, portals, research: vendor subdomains that are not the storefront. */
export const vendorServiceSubdomain: UrlRule<VendorHostSubject> = {
  id: 'vendor-service-subdomain',
  kind: 'vendor',
  match: ({ vendor, subdomain, storefrontDomain }) =>
    storefrontDomain && vendor.storefrontSubdomains.has(subdomain)
      ? null
      : verdict(vendor, 'vendor', 'vendor-domain', 'vendor-info-page'),
  examples: {
    matches: [
      'https://support.kaspersky.com/KIS/2017/en-EN/71345.htm',
      'https://support.kaspersky.co.uk/kis21/70647',
      'https://my.kaspersky.com/',
      'https://ksos.kaspersky.com/',
      'https://eugene.kaspersky.com/?icid=gl_kdailyfooter_acq_ona_smm',
      'https://securelist.com/category/apt-reports/',
      'https://securelist.lat/',
      'https://blog.kaspersky.it/feed/',
      'https://threats.kaspersky.com/en/threat/',
      'https://www.kasperskypartners.com/',
    ],
    rejects: ['https://usa.kaspersky.com/premium', 'https://www.kaspersky.co.uk/plus', 'https://kaspersky.com/downloads'],
  },
};

/**
 * The forms a storefront path is tried in: as is; without a leading locale segment ("/fr/",
 * "/en-gb/"); and with legacy spellings normalised ("/kaspersky_internet_security" reads as
 * "/internet-security"), so old and regional URLs meet the same patterns.
 */
function storefrontPath({ context, vendor }: VendorHostSubject): string[] {
  const cached = storefrontForms.get(context);
  if (cached) return cached;
  const { path } = context.parts;
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const locale = /^\/[a-z]{2}(?:[-_][a-z]{2,4})?(?=\/|$)/.exec(trimmed);
  const forms = locale ? [trimmed, trimmed.slice(locale[0].length) || '/'] : [trimmed];
  for (const form of [...forms]) {
    const legacy = form.replace(/_/g, '-').replace(vendor.legacyBrandPrefix, '/');
    if (legacy !== form) forms.push(legacy);
  }
  storefrontForms.set(context, forms);
  return forms;
}

/** Each URL's forms are worked out once, however many rules look at them. */
const storefrontForms = new WeakMap<UrlContext, string[]>();

const anyPathMatches = (subject: VendorHostSubject, patterns: RegExp[]) =>
  storefrontPath(subject).some((candidate) => patterns.some((re) => re.test(candidate)));

export const vendorInfoPage: UrlRule<VendorHostSubject> = {
  id: 'vendor-info-page',
  kind: 'vendor',
  match: (subject) =>
    anyPathMatches(subject, subject.vendor.infoPaths) ? verdict(subject.vendor, 'vendor', 'vendor-domain', 'vendor-info-page') : null,
  examples: {
    matches: [
      'https://www.kaspersky.com/blog/llmjacking-2026-private-ai-server-security/55768/',
      'https://usa.kaspersky.com/internet-security-center/threats/spam-statistics-report-q1-2014#.VHYypMt0zcs',
      'https://www.kaspersky.co.uk/resource-center/preemptive-safety/public-wifi',
      'https://www.kaspersky.com/about/press-releases/operation-secure-kaspersky-supports-interpol',
      'https://www.kaspersky.com/enterprise-security/threat-intelligence',
      'https://www.kaspersky.com/business/eula',
      'https://www.kaspersky.com/MITRE?icid=x',
      'https://www.kaspersky.fr/blog/stuxnet-les-origines/3939/',
    ],
    rejects: ['https://www.kaspersky.com/internet-security', 'https://www.kaspersky.com/downloads/free-antivirus'],
  },
};

export const vendorDownloadPage: UrlRule<VendorHostSubject> = {
  id: 'vendor-download-page',
  kind: 'download',
  match: (subject) =>
    anyPathMatches(subject, subject.vendor.downloadPaths)
      ? verdict(subject.vendor, 'download', 'vendor-domain', 'vendor-download-page')
      : null,
  examples: {
    matches: [
      'https://www.kaspersky.com/downloads/thank-you/free-virus-removal-tool?form=1',
      'https://usa.kaspersky.com/downloads/thank-you/internet-security',
      'https://kaspersky.com/downloads/free-rescue-disk',
      'https://www.kaspersky.es/downloads#compare-table',
      'https://www.kaspersky.ru/downloads',
      'https://www.kaspersky.com/free-antivirus',
      'https://www.kaspersky.com.br/downloads/thank-you/total-security-free-trial',
      'https://www.kaspersky.ca/fr/downloads/free-antivirus',
      'http://www.kaspersky.com/downloads-free-trials',
    ],
    rejects: ['https://www.kaspersky.com/premium', 'https://www.kaspersky.com/blog/free-antivirus-myths/1234/'],
  },
};

export const vendorStorePage: UrlRule<VendorHostSubject> = {
  id: 'vendor-store-page',
  kind: 'purchase',
  match: (subject) =>
    anyPathMatches(subject, subject.vendor.purchasePaths) ? verdict(subject.vendor, 'purchase', 'vendor-domain', 'vendor-store-page') : null,
  examples: {
    matches: [
      'https://www.kaspersky.co.uk/plus',
      'https://usa.kaspersky.com/premium',
      'https://www.kaspersky.com/total-security',
      'https://www.kaspersky.com.au/renewal-center/standard',
      'https://www.kaspersky.es/renewal-center/home',
      'https://www.kaspersky.co.in/estore/small-office-store/small-office-store-how-to-buy',
      'http://www.kaspersky.com/advert/multi-device-security?redef=1&THRU&reseller=cybermap',
      'https://www.kaspersky.es/lp/small-office-security',
      'https://www.kaspersky.ru/small-business-security/small-office-security',
      'https://www.kaspersky.com/home-security?icid=x',
      'https://www.kaspersky.com/next?icid=x',
      'https://www.kaspersky.ca/fr/premium',
      'https://www.kaspersky.ie/standard',
      'http://www.kaspersky.com/kaspersky_internet_security',
      'https://www.kaspersky.com/kaspersky-total-security',
      'https://www.kaspersky.com/internet-security-mac',
      'https://www.kaspersky.com/safe-kids-for-android',
    ],
    rejects: ['https://www.kaspersky.com/third-party-tracking', 'https://www.kaspersky.co.uk/resource-center/threats/darkhotel'],
  },
};

export const vendorStorefrontHome: UrlRule<VendorHostSubject> = {
  id: 'vendor-storefront-home',
  kind: 'purchase',
  match: (subject) =>
    storefrontPath(subject).includes('/') ? verdict(subject.vendor, 'purchase', 'vendor-domain', 'vendor-storefront') : null,
  examples: {
    matches: [
      'https://www.kaspersky.co.za/',
      'https://www.kaspersky.com.au/?ignoreredirects=true',
      'https://www.kaspersky.it/',
      'https://usa.kaspersky.com/',
      'https://www.kaspersky.ca/fr/',
    ],
    rejects: ['https://www.kaspersky.com/third-party-tracking'],
  },
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
];
