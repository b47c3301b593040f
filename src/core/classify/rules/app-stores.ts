import type { CompiledVendor } from '../compile.ts';
import { verdict, type UrlContext, type UrlRule } from '../rule.ts';

const findVendor = (context: UrlContext, test: (vendor: CompiledVendor) => boolean) =>
  context.registry.vendors.find(test);

const googlePlayVendor = (context: UrlContext, appId: string) =>
  findVendor(context, (v) => v.googlePlayExact.has(appId) || v.googlePlayPrefixes.some((prefix) => appId.startsWith(prefix)));

/** Google Play, Apple's App Store and Microsoft Store listings of the vendor's apps. */
export const appStoreListing: UrlRule = {
  id: 'app-store-listing',
  kind: 'download',
  match: (context) => {
    const { host, path, segments, searchParams } = context.parts;
    let vendor: CompiledVendor | undefined;
    if (host === 'play.google.com' && path.startsWith('/store/apps/details')) {
      vendor = googlePlayVendor(context, (searchParams.get('id') ?? '').toLowerCase());
    } else if (host === 'apps.apple.com' || host === 'itunes.apple.com') {
      const idIndex = segments.findIndex((segment) => /^id\d+$/.test(segment));
      if (idIndex < 0 || !segments.includes('app')) return null;
      const appId = segments[idIndex]!.slice(2);
      const slug = segments[idIndex - 1] ?? '';
      vendor = findVendor(context, (v) => v.appleIds.has(appId)) ?? (slug !== 'app' ? context.vendorNamedIn(slug) : undefined);
    } else if (host === 'apps.microsoft.com' || host === 'www.microsoft.com' || host === 'microsoft.com') {
      const listing = /\/(?:p|detail|store\/detail|store\/apps)\/([^/]+)\/[a-z0-9]{12,14}(?:\/|$)/.exec(path);
      vendor = listing ? context.vendorNamedIn(listing[1]!) : undefined;
    } else {
      return null;
    }
    return vendor ? verdict(vendor, 'download', 'app-store-listing') : null;
  },
  examples: {
    matches: [
      'https://play.google.com/store/apps/details?id=com.kms.free&hl=en_US&gl=US',
      'https://play.google.com/store/apps/details?id=com.kaspersky.secure.connection&hl=en_IN',
      'https://play.google.com/store/apps/details?id=com.kaspersky.qrscanner',
      'https://apps.apple.com/app/kaspersky-vpn-security/id1258673322',
      'https://apps.apple.com/us/app/kaspersky-security-vpn/id1089969624',
      'https://apps.apple.com/gb/app/kaspersky-safe-kids/id1234567890',
      'https://apps.microsoft.com/store/detail/kaspersky-password-manager/9nblggh4tlm4',
    ],
    rejects: [
      'https://play.google.com/store/apps/details?id=com.bitdefender.security',
      'https://play.google.com/store/apps/details?id=org.malwarebytes.antimalware',
      'https://apps.apple.com/us/app/norton-360-mobile-security/id724596345',
    ],
  },
};

/** Browser-extension galleries: Chrome Web Store, Firefox Add-ons, Edge Add-ons, Safari gallery. */
export const extensionStoreListing: UrlRule = {
  id: 'extension-store-listing',
  kind: 'download',
  match: (context) => {
    const { host, path, segments, searchParams } = context.parts;
    let vendor: CompiledVendor | undefined;
    if (host === 'chrome.google.com' || host === 'chromewebstore.google.com') {
      const detail = segments.indexOf('detail');
      if (detail < 0) return null;
      const [slug = '', id = ''] = segments.slice(detail + 1);
      vendor = findVendor(context, (v) => v.chromeIds.has(id) || v.chromeIds.has(slug)) ?? context.vendorNamedIn(slug);
    } else if (host === 'addons.mozilla.org' || host === 'microsoftedge.microsoft.com') {
      const listing = /\/(?:addon|addons\/detail)\/([^/]+)/.exec(path);
      vendor = listing ? context.vendorNamedIn(listing[1]!) : undefined;
    } else if (host === 'safari-extensions.apple.com') {
      const bundle = (searchParams.get('id') ?? '').toLowerCase();
      vendor = findVendor(context, (v) => v.safariPrefixes.some((prefix) => bundle.startsWith(prefix)));
    } else {
      return null;
    }
    return vendor ? verdict(vendor, 'download', 'extension-store-listing') : null;
  },
  examples: {
    matches: [
      'https://chrome.google.com/webstore/detail/kaspersky-protection/ahkjpbeeocnddjkakilopmfdlnjdpcdm',
      'https://chromewebstore.google.com/detail/ahkjpbeeocnddjkakilopmfdlnjdpcdm',
      'https://addons.mozilla.org/pt-BR/firefox/addon/kaspersky-protection-2020/',
      'https://microsoftedge.microsoft.com/addons/detail/kaspersky-protection/abcdefghijklmnopabcdefghijklmnop',
      'https://safari-extensions.apple.com/details/?id=com.kaspersky.urla-2Y8XE5CQ94/',
    ],
    rejects: [
      'https://chrome.google.com/webstore/detail/microsoft-defender-browse/bkbeeeffjjeopflfhgeknacdieedcoml',
      'https://addons.mozilla.org/pt-BR/firefox/addon/trafficlight/',
    ],
  },
};
