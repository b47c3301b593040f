import type { PageContent, PageSignals, ProductData } from '../core/classify/page-signals.ts';
import { BUY_CUE, DOWNLOAD_CUE, isInstallerHref } from '../core/vocabulary.ts';

/*
 * Reads a page in two stages. collectSignals() reads only what costs next to nothing on any page:
 * the URL, the head's meta tags, the first main headings and JSON-LD. collectContent(), the walk
 * over the page's controls and prices, runs only when the background asks for it (the cheap
 * signals or the URL named a vendor), and then only over the main area, with a budget. Nothing
 * here knows a vendor: the background holds the registry (organisation-added vendors included).
 */

const PRICE =
  /(?:[$€£¥₹₽]|\b(?:usd|eur|gbp|inr|rub|brl|aud|cad)\b)\s?\d|\d[\d.,]*\s?(?:[$€£¥₹₽]|\b(?:usd|eur|gbp|inr|rub|brl|aud|cad|kr|zł|kč)\b)/i;
const SOFTWARE_TYPES = /^(?:SoftwareApplication|MobileApplication|WebApplication|VideoGame)$/;
const PRODUCT_TYPES = /^(?:Product|IndividualProduct|ProductModel|ProductGroup)$/;

/** Elements walked in the main area at most: a 5 MB page costs the same as its first screens. */
const MAX_ELEMENTS = 3_000;
/** Controls of each kind listed at most (parsePageSignals keeps no more); a grid of offers fills them fast. */
const MAX_LISTED = 20;
/** At most this many price-like elements have their text read. */
const MAX_PRICE_CHECKS = 50;
/** JSON-LD scripts longer than this are not parsed. */
const MAX_JSON_LD_CHARS = 200_000;
/** Subtrees that are not the page's own offer: site chrome, side content, no-text elements (SVG keeps a lower-case tag name). */
const SKIPPED_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'DIALOG', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'svg']);
/** Site chrome and side content by role, and carousels, "customers also viewed" and sponsored rows by their names. */
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'search']);
const BREADCRUMB_MARK = /breadcrumb/i;
const PRICE_MARK = /price/i;
const CAROUSEL = /carousel|slider|swiper|recommend|also-?(?:viewed|bought)|similar|related|sponsored|upsell|cross-?sell|recently-?viewed/i;
/** A breadcrumb trail beside main (looked up only inside the few subtrees there that are not site chrome). */
const BREADCRUMB = 'nav[aria-label*="breadcrumb" i], [class*="breadcrumb" i], [data-testid*="breadcrumb" i]';

const clean = (text: string | null | undefined, max = 300) =>
  (text ?? '')
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

/** The cheap signals: nothing here walks the page's body beyond the native tag lookups. */
export function collectSignals(): PageSignals {
  const meta = new Map<string, string>();
  for (const tag of document.head?.getElementsByTagName('meta') ?? []) {
    const key = (tag.getAttribute('property') ?? tag.getAttribute('name') ?? '').toLowerCase();
    if (key && !meta.has(key)) meta.set(key, clean(tag.content, 500));
  }
  // The first main heading outside the site header (some sites put their logo in an h1). The first
  // h1 is found without walking the rest of the page; all of them only when it sits in a header.
  const headings: string[] = [];
  const first = document.querySelector('h1');
  for (const h1 of first?.closest('header, nav') ? [...document.querySelectorAll('h1')].slice(0, 3) : first ? [first] : []) {
    headings.push(clean(h1.textContent));
    if (!h1.closest('header, nav')) break;
  }
  return {
    url: location.href,
    title: clean(document.title, 500),
    headings,
    meta: {
      description: meta.get('description') ?? '',
      ogTitle: meta.get('og:title') ?? '',
      ogType: meta.get('og:type') ?? '',
      ogSiteName: meta.get('og:site_name') ?? '',
      productBrand: meta.get('product:brand') ?? meta.get('og:brand') ?? '',
    },
    ...jsonLd(),
    content: null,
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: Json | undefined): Json[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const nameOf = (value: Json | undefined): string =>
  clean(typeof value === 'string' ? value : isObject(value) && typeof value['name'] === 'string' ? value['name'] : '');

function offerOf(offers: Json | undefined): ProductData['offer'] {
  const all = list(offers).filter(isObject);
  if (all.length === 0) return 'none';
  const prices = all.flatMap((offer) => [offer['price'], offer['lowPrice']]).filter((price) => price !== undefined && price !== null);
  if (prices.length === 0) return all.some((offer) => /free/i.test(String(offer['category'] ?? ''))) ? 'free' : 'paid';
  return prices.some((price) => Number.parseFloat(String(price).replace(',', '.')) > 0) ? 'paid' : 'free';
}

/** Page types, products and breadcrumb from JSON-LD: only top-level objects, @graph and mainEntity (never list items). */
function jsonLd(): Pick<PageSignals, 'pageTypes' | 'products' | 'breadcrumbs'> {
  const pageTypes: string[] = [];
  const products: ProductData[] = [];
  let breadcrumbs: string[] = [];
  const visit = (node: Json, depth: number) => {
    if (depth > 4 || !isObject(node)) return;
    const types = list(node['@type']).filter((type): type is string => typeof type === 'string');
    if (pageTypes.length < 10) pageTypes.push(...types.slice(0, 10 - pageTypes.length));
    if (types.some((type) => SOFTWARE_TYPES.test(type) || PRODUCT_TYPES.test(type)) && products.length < 10) {
      products.push({
        name: nameOf(node['name']),
        brand: nameOf(list(node['brand'] ?? node['manufacturer'] ?? node['author'] ?? node['publisher'])[0]),
        software: types.some((type) => SOFTWARE_TYPES.test(type)),
        offer: offerOf(node['offers']),
        downloadable: typeof node['downloadUrl'] === 'string' || typeof node['installUrl'] === 'string',
      });
    }
    if (types.includes('BreadcrumbList') && breadcrumbs.length === 0) {
      breadcrumbs = list(node['itemListElement'])
        .filter(isObject)
        .slice(0, 10)
        .map((crumb) => nameOf(crumb['name'] ?? crumb['item']));
    }
    for (const key of ['@graph', 'mainEntity'] as const) for (const child of list(node[key])) visit(child, depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    const source = script.textContent ?? '';
    // A product's own data takes a few KB; a page can make a script as large as it likes.
    if (source.length > MAX_JSON_LD_CHARS) continue;
    try {
      for (const node of list(JSON.parse(source) as Json)) visit(node, 0);
    } catch {
      // Broken JSON-LD is common; it just tells us nothing.
    }
  }
  return { pageTypes, products, breadcrumbs };
}

function visible(element: Element): boolean {
  // checkVisibility reads computed style without forcing layout; older browsers fall back to boxes.
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.getClientRects().length > 0;
}

/** A control's label, or '' when it is too long to be a button's (a whole product tile in a link). */
function labelOf(element: Element): string {
  const text = element instanceof HTMLInputElement ? element.value : element.textContent;
  const label = text?.trim() ? text : (element.getAttribute('aria-label') ?? element.getAttribute('title'));
  return label && label.length <= 240 ? clean(label, 120) : '';
}

function isControl(element: Element): boolean {
  const tag = element.tagName;
  if (tag === 'BUTTON' || (tag === 'A' && element.hasAttribute('href'))) return true;
  if (tag === 'INPUT') return /^(?:submit|button)$/i.test((element as HTMLInputElement).type);
  return element.getAttribute('role') === 'button';
}

/**
 * The main area's controls, prices, brand and breadcrumb. Walks the body in document order by
 * firstElementChild / nextElementSibling (native steps, no per-node callback), skipping whole
 * subtrees: navigation, headers, footers, asides and carousels, and, when the page has a `main`
 * holding its heading, everything beside it except a breadcrumb trail. Stops after MAX_ELEMENTS elements: a product's
 * buy box sits near the top of its page. Nothing here forces layout (checkVisibility reads style).
 */
export function collectContent(): PageContent {
  const content: PageContent = { brand: '', breadcrumbs: [], buyControls: [], downloadControls: [], downloadLinks: [], hasPrice: false };
  const body = document.body;
  if (!body) return content;
  // A main that leaves out the page's heading is not where its product is (some pages wrap only tiles or reviews in it).
  const candidate = document.querySelector('main, [role="main"]');
  const heading = candidate && document.querySelector('h1');
  const main = candidate && (!heading || candidate.contains(heading)) ? candidate : null;
  const walk: Walk = { content, main, budget: MAX_ELEMENTS, priceChecks: 0 };
  visit(body, walk, walk.main === null, 0);
  return content;
}

interface Walk {
  content: PageContent;
  main: Element | null;
  budget: number;
  priceChecks: number;
}

/** Deeper than any real page's markup; a hostile page cannot make the walk recurse without end. */
const MAX_DEPTH = 64;

function visit(parent: Element, walk: Walk, inMain: boolean, depth: number): void {
  for (let element = parent.firstElementChild; element && walk.budget > 0; element = element.nextElementSibling) {
    // A results grid: one more tile tells the background nothing new.
    if (walk.content.buyControls.length >= MAX_LISTED) {
      walk.budget = 0;
      return;
    }
    walk.budget--;
    // Most elements carry no attribute at all: they cost a tag check and nothing more.
    const marks = element.hasAttributes()
      ? `${element.id} ${element.getAttribute('class') ?? ''} ${element.getAttribute('data-testid') ?? ''} ${element.getAttribute('aria-label') ?? ''}`
      : '';
    if (BREADCRUMB_MARK.test(marks) && isBreadcrumb(element, walk)) {
      readBreadcrumb(element, walk.content);
      continue;
    }
    if (!inMain) {
      // Beside main: only main's ancestors are entered; elsewhere only a breadcrumb is of interest.
      if (element === walk.main || element.contains(walk.main)) visit(element, walk, element === walk.main, depth + 1);
      else if (!SKIPPED_TAGS.has(element.tagName)) {
        const trail = element.querySelector(BREADCRUMB);
        if (trail) readBreadcrumb(trail, walk.content);
      }
      continue;
    }
    // Inside main a header is the product's own; directly under a main-less body it is the site's.
    if (SKIPPED_TAGS.has(element.tagName) || (element.tagName === 'HEADER' && walk.main === null && parent === document.body)) continue;
    if (marks) {
      const role = element.getAttribute('role');
      if (
        (role && SKIPPED_ROLES.has(role)) ||
        CAROUSEL.test(marks) ||
        element.getAttribute('aria-roledescription')?.toLowerCase() === 'carousel'
      )
        continue;
      read(element, marks, walk);
    } else if (element.tagName === 'BUTTON') readControl(element, walk.content);
    if (depth < MAX_DEPTH) visit(element, walk, true, depth + 1);
  }
}

/** Named a breadcrumb; a page wrapper that merely mentions one ("with-breadcrumbs") holds main or the heading. */
function isBreadcrumb(element: Element, walk: Walk): boolean {
  return !element.contains(walk.main) && element.querySelector('h1') === null;
}

/** Reads an element that has attributes: brand, price, control (a bare <button> is a control too, read in visit). */
function read(element: Element, marks: string, walk: Walk): void {
  const { content } = walk;
  const itemprop = element.getAttribute('itemprop');
  if (!content.brand && itemprop === 'brand') content.brand = clean(element.getAttribute('content') ?? element.textContent, 200);
  const priceLike = itemprop === 'price' || element.hasAttribute('data-price') || (PRICE_MARK.test(marks) && element.childElementCount < 6);
  if (!content.hasPrice && walk.priceChecks < MAX_PRICE_CHECKS && priceLike) {
    walk.priceChecks++;
    const amount = element.getAttribute('content') ?? element.textContent ?? '';
    content.hasPrice = (PRICE.test(clean(amount, 60)) || itemprop === 'price') && visible(element);
  }
  if (isControl(element)) readControl(element, content);
}

function readBreadcrumb(trail: Element, content: PageContent): void {
  if (content.breadcrumbs.length > 0) return;
  const items = trail.querySelectorAll('a, li, [itemprop="name"]');
  for (let i = 0; i < items.length && content.breadcrumbs.length < 10; i++) {
    const name = clean(items[i]!.textContent, 120);
    if (name && !content.breadcrumbs.includes(name)) content.breadcrumbs.push(name);
  }
}

function readControl(element: Element, content: PageContent): void {
  // The raw attribute is enough to spot an installer; resolving .href costs a URL parse per link.
  const rawHref = element.tagName === 'A' ? (element.getAttribute('href') ?? '') : '';
  const installer = isInstallerHref(rawHref) && content.downloadLinks.length < MAX_LISTED;
  const label = labelOf(element);
  const buy = label.length <= 60 && content.buyControls.length < MAX_LISTED && BUY_CUE.test(label);
  const download = !buy && label.length <= 60 && content.downloadControls.length < MAX_LISTED && DOWNLOAD_CUE.test(label);
  if ((!installer && !buy && !download) || !visible(element)) return;
  if (buy) content.buyControls.push(label);
  if (download) content.downloadControls.push(label);
  const href = rawHref ? (element as HTMLAnchorElement).href : '';
  if ((installer || download) && href && content.downloadLinks.length < MAX_LISTED) content.downloadLinks.push(href);
}
