import * as v from 'valibot';
import { tokenIn, type CompiledRegistry, type CompiledVendor } from './compile.ts';
import { classifyUrl } from './url.ts';
import { domainParts, parseUrlParts } from './url-parts.ts';
import { isFlagged } from './verdict.ts';
import { ABOUT_SEGMENTS, listsProducts, MORE_LINK, segmentIn, STORY_WORDS, wordsOf } from '../vocabulary.ts';

/** A link on a search or category page, as the content script read it (untrusted). */
export interface TileLink {
  href: string;
  /** The link's accessible text: aria-label, else its text, else its image's alt text. */
  text: string;
}

/** A link to mark, by its index in the list the content script sent. */
export interface TileMark {
  index: number;
  vendor: string;
}

/** At most this many links are read from one page (and checked here). */
export const MAX_TILE_LINKS = 600;

const TileLinksSchema = v.pipe(
  v.array(
    v.object({
      href: v.pipe(v.string(), v.maxLength(2048)),
      text: v.pipe(
        v.string(),
        v.transform((text) => text.slice(0, 300)),
      ),
    }),
  ),
  v.maxLength(MAX_TILE_LINKS),
);

/** Checks links that crossed a message boundary (they come from an untrusted page); null if malformed. */
export function parseTileLinks(input: unknown): TileLink[] | null {
  const result = v.safeParse(TileLinksSchema, input);
  return result.success ? result.output : null;
}

/** Product titles name the brand first, or after a short prefix ("NEW Kaspersky Plus …", "Sponsored Ad - Kaspersky …"). */
const BRAND_AFTER_AT_MOST = 2;

/**
 * Which links on a retailer's, portal's or app store's list page (search results, a category)
 * lead to a vendor's product, so each product tile can carry a small mark instead of a warning
 * over the whole page. A link counts when its URL is itself a vendor listing (an app id, a
 * product slug), or when its text reads like that vendor's product title (the brand near the
 * start, more than the brand alone, not a review or a "shop all" link) and it leads to another
 * page of the same site that is not a further list. One mark per destination: a tile's image
 * and title usually link to the same product, and the title (the longer text) gets the mark.
 */
export function vendorTiles(pageUrl: string, links: readonly TileLink[], registry: CompiledRegistry): TileMark[] {
  const page = parseUrlParts(pageUrl);
  // On the vendor's own site every page is the vendor's: the popup and badge say so already.
  if (page === null || page === 'unsupported' || classifyUrl(pageUrl, registry).reasons.includes('vendor-domain')) return [];
  const site = domainParts(page.host).domain;
  const best = new Map<string, { index: number; vendor: string; length: number }>();
  links.forEach((link, index) => {
    const vendor = tileVendor(link, site, registry);
    if (!vendor) return;
    const key = link.href.split('#')[0]!;
    const current = best.get(key);
    if (!current || link.text.length > current.length) best.set(key, { index, vendor: vendor.id, length: link.text.length });
  });
  return [...best.values()].map(({ index, vendor }) => ({ index, vendor })).sort((a, b) => a.index - b.index);
}

function tileVendor(link: TileLink, site: string, registry: CompiledRegistry): CompiledVendor | undefined {
  const text = link.text.replace(/\s+/g, ' ').trim();
  const words = wordsOf(text);
  if (MORE_LINK.test(text) || words.some((word) => STORY_WORDS.has(word))) return undefined;
  const target = parseUrlParts(link.href);
  // Links to searches, filters, brand or category hubs and reviews lead to more lists, not to a product.
  if (target === null || target === 'unsupported') return undefined;
  if (listsProducts(target.segments) || target.segments.some((segment) => segmentIn(segment, ABOUT_SEGMENTS))) return undefined;

  const verdict = classifyUrl(link.href, registry);
  if (verdict.kind === 'vendor') return undefined;
  if (isFlagged(verdict)) return registry.vendors.find((vendor) => vendor.id === verdict.vendor);

  const token = tokenIn(text, registry);
  if (words.length < 2 || !token || domainParts(target.host).domain !== site) return undefined;
  const wordsBefore = text
    .slice(0, token.index)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean).length;
  return wordsBefore <= BRAND_AFTER_AT_MOST ? token.vendor : undefined;
}
