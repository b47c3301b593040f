import retailers from '../../../data/retailers.json' with { type: 'json' };
import type { UrlExample } from '../../vendors/types.ts';
import { ABOUT_SEGMENTS, LICENCE_SLUG, listsProducts, segmentIn } from '../../vocabulary.ts';
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

/** Any other shop: a product slug that names the vendor together with licence terms. */
export const shopListing: UrlRule = {
  id: 'shop-listing',
  kind: 'purchase',
  // A known retailer's product slug often carries licence terms too; the retailer rule decides it first.
  overlaps: ['reseller-listing'],
  match: (context: UrlContext) => {
    if (context.domain.isIp || context.isArticle) return null;
    for (const segment of context.parts.segments) {
      const vendor = context.vendorNamedIn(segment);
      if (vendor && LICENCE_SLUG.test(segment)) return found(vendor, 'shop-listing');
    }
    return null;
  },
};
