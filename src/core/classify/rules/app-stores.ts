import stores from '../../../data/app-stores.json' with { type: 'json' };
import type { UrlExample } from '../../vendors/types.ts';
import type { CompiledVendor } from '../compile.ts';
import { found, type UrlContext, type UrlRule } from '../rule.ts';

/** An app or extension store as src/data/app-stores.json describes it. */
export interface AppStoreRow {
  id: string;
  /** The rule that reads its listings: "app-store-listing" or "extension-store-listing". */
  rule: string;
  hosts: string[];
  /** Where the content script runs on it: none where the browser forbids extension scripts (Chrome Web Store). */
  contentScripts: string[];
  /** Its listing URLs may name an app by id alone (`?id=com.kms.free`), so no brand token need appear in them. */
  namesAppsByIdOnly: boolean;
  /** Real-shaped URLs of the store and what each must give. */
  examples: UrlExample[];
}

export const APP_STORE_ROWS: readonly AppStoreRow[] = stores;

/** Reads a store's listing URL: the vendor whose app it lists, if any. */
type ListingReader = (context: UrlContext) => CompiledVendor | undefined;

const findVendor = (context: UrlContext, test: (vendor: CompiledVendor) => boolean) => context.registry.vendors.find(test);

/** Firefox Add-ons and Edge Add-ons: "/addon/<slug>" and "/addons/detail/<slug>/<id>" name the extension by slug. */
const addonSlugReader: ListingReader = (context) => {
  const listing = /\/(?:addon|addons\/detail)\/([^/]+)/.exec(context.parts.path);
  return listing ? context.vendorNamedIn(listing[1]!) : undefined;
};

/** How each store lays out a listing, by store id. */
const LISTING_READERS: Readonly<Record<string, ListingReader>> = {
  'google-play': (context) => {
    const { path, searchParams } = context.parts;
    if (!path.startsWith('/store/apps/details')) return undefined;
    const appId = (searchParams.get('id') ?? '').toLowerCase();
    return findVendor(context, (v) => v.googlePlayExact.has(appId) || v.googlePlayPrefixes.some((prefix) => appId.startsWith(prefix)));
  },
  'apple-app-store': (context) => {
    const { segments } = context.parts;
    const idIndex = segments.findIndex((segment) => /^id\d+$/.test(segment));
    if (idIndex < 0 || !segments.includes('app')) return undefined;
    const appId = segments[idIndex]!.slice(2);
    const slug = segments[idIndex - 1] ?? '';
    return findVendor(context, (v) => v.appleIds.has(appId)) ?? (slug !== 'app' ? context.vendorNamedIn(slug) : undefined);
  },
  'microsoft-store': (context) => {
    const listing = /\/(?:p|detail|store\/detail|store\/apps)\/([^/]+)\/[a-z0-9]{12,14}(?:\/|$)/.exec(context.parts.path);
    return listing ? context.vendorNamedIn(listing[1]!) : undefined;
  },
  'chrome-web-store': (context) => {
    const { segments } = context.parts;
    const detail = segments.indexOf('detail');
    if (detail < 0) return undefined;
    const [slug = '', id = ''] = segments.slice(detail + 1);
    return findVendor(context, (v) => v.chromeIds.has(id) || v.chromeIds.has(slug)) ?? context.vendorNamedIn(slug);
  },
  'firefox-add-ons': addonSlugReader,
  'edge-add-ons': addonSlugReader,
  'safari-extensions': (context) => {
    const bundle = (context.parts.searchParams.get('id') ?? '').toLowerCase();
    return findVendor(context, (v) => v.safariPrefixes.some((prefix) => bundle.startsWith(prefix)));
  },
};

/** Host → how to read its listings, for the stores a rule covers. */
function readersByHost(rule: string): ReadonlyMap<string, ListingReader> {
  const readers = new Map<string, ListingReader>();
  for (const store of APP_STORE_ROWS) {
    const reader = LISTING_READERS[store.id];
    if (!reader) throw new Error(`src/data/app-stores.json: no listing reader for the store "${store.id}"`);
    if (store.rule === rule) for (const host of store.hosts) readers.set(host, reader);
  }
  return readers;
}

function storeRule(id: 'app-store-listing' | 'extension-store-listing'): UrlRule {
  const readers = readersByHost(id);
  return {
    id,
    kind: 'download',
    match: (context) => {
      const vendor = readers.get(context.parts.host)?.(context);
      return vendor ? found(vendor, id) : null;
    },
  };
}

/** Google Play, Apple's App Store and Microsoft Store listings of the vendor's apps. */
export const appStoreListing = storeRule('app-store-listing');

/** Browser-extension galleries: Chrome Web Store, Firefox Add-ons, Edge Add-ons, Safari gallery. */
export const extensionStoreListing = storeRule('extension-store-listing');

/** Stores whose listings can name apps by id only, so the classifier's brand-token pre-check cannot see them. */
export const ID_ONLY_STORE_HOSTS: ReadonlySet<string> = new Set(
  APP_STORE_ROWS.filter((store) => store.namesAppsByIdOnly).flatMap((store) => store.hosts),
);

/** Where the content script runs on app and extension stores. */
export const STORE_CONTENT_SCRIPTS: readonly string[] = APP_STORE_ROWS.flatMap((store) => store.contentScripts);
