import retailers from '../../../data/retailers.json' with { type: 'json' };
import type { UrlExample } from '../../vendors/types.ts';
import { ABOUT_SEGMENTS, isProductSegment, LICENCE_SLUG, listsProducts, segmentIn, wordsOf } from '../../vocabulary.ts';
import { modelIn } from '../compile.ts';
import { APP_STORE_ROWS } from './app-stores.ts';
import { PORTAL_LABELS } from './portals.ts';
import { found, type UrlContext, type UrlRule } from '../rule.ts';

/**
 * A retailer or key shop (src/data/retailers.json), by registrable-domain label: the classifier
 * matches the label on any suffix (amazon covers amazon.de, amazon.in, …); the suffixes listed
 * are where the content script is injected (match patterns cannot wildcard a suffix). Only
 * labels that mean the shop on every suffix are listed.
 */
export interface RetailerRow {
  label: string;
  suffixes: string[];
  /** Real-shaped URLs of the shop and what each must give. */
  examples: UrlExample[];
}

export const RETAILER_ROWS: readonly RetailerRow[] = retailers;

/** Retailer label → the suffixes the content script runs on. */
export const RETAILERS: ReadonlyMap<string, readonly string[]> = new Map(RETAILER_ROWS.map((row) => [row.label, row.suffixes]));

/** A retailer's product page whose URL names the vendor or one of its products. */
export const resellerListing: UrlRule = {
  id: 'reseller-listing',
  kind: 'purchase',
  match: (context: UrlContext) => {
    const { path, segments } = context.parts;
    const { label, subdomain } = context.domain;
    if (!RETAILERS.has(label)) return null;
    // Reviews, questions and articles sell nothing; results, categories and brand hubs (also on a
    // search subdomain, "listado.mercadolibre.com.mx") list many products: inline marks are for those.
    if (segments.some((segment) => segmentIn(segment, ABOUT_SEGMENTS))) return null;
    if (listsProducts(subdomain ? [...subdomain.split('.'), ...segments] : segments)) return null;
    const vendor = context.vendorNamedIn(path);
    return vendor ? found(vendor, 'reseller-listing') : null;
  },
};

/** The last segment of a shop's product page that is a file: "/ds-2cd2387g2-lu-turret-camera.html". */
const PRODUCT_PAGE_FILE = /\.html?$/;

/**
 * Any other shop: a product slug that names the vendor together with licence terms (software),
 * a product slug under a product path ("/products/dji-mini-4-pro-fly-more-combo", as most shop
 * systems write them; more than the bare name, which is a brand or database page), or a product
 * page whose file names one of the vendor's model numbers ("/pd985-uhf-dmr-radio.html").
 */
export const shopListing: UrlRule = {
  id: 'shop-listing',
  kind: 'purchase',
  // A known retailer's product slug often carries licence terms too; the retailer rule decides it first.
  overlaps: ['reseller-listing'],
  match: (context: UrlContext) => {
    if (context.domain.isIp || context.isArticle) return null;
    const { segments } = context.parts;
    let knownSite: boolean | undefined;
    for (let index = 0; index < segments.length; index++) {
      const segment = segments[index]!;
      const vendor = context.vendorNamedIn(segment);
      if (!vendor) continue;
      if (vendor.definition.soldAsLicences !== false && LICENCE_SLUG.test(segment)) return found(vendor, 'shop-listing');
      // On a known retailer, portal or store, its own rule has read the page's address already.
      if (knownSite ?? (knownSite = isKnownSite(context))) continue;
      const productSlug = index > 0 && isProductSegment(segments[index - 1]!) && wordsOf(segment).length > 1;
      const modelPage = PRODUCT_PAGE_FILE.test(segment) && modelIn(segment, context.registry)?.vendor === vendor;
      if (productSlug || modelPage) return found(vendor, 'shop-listing');
    }
    return null;
  },
};

/** App and extension stores' hosts. */
const STORE_HOSTS: ReadonlySet<string> = new Set(APP_STORE_ROWS.flatMap((store) => store.hosts));

/** A retailer, download portal or app store the tables know. */
function isKnownSite(context: UrlContext): boolean {
  const { label } = context.domain;
  return RETAILERS.has(label) || PORTAL_LABELS.has(label) || STORE_HOSTS.has(context.parts.host);
}
