import { tokenIn, type CompiledRegistry, type CompiledVendor } from './compile.ts';
import { EMPTY_CONTENT, type PageSignals, type ProductData } from './page-signals.ts';
import { ARTICLE_WORDS, RESULT_WORDS, SEARCH_KEYS, SEARCH_SEGMENTS, segmentIn, wordsOf } from '../vocabulary.ts';
import { buildRegistry, classifyUrl } from './url.ts';
import { parseUrlParts } from './url-parts.ts';
import { isFlagged, NO_VERDICT, type PageKind, type ReasonCode, type Verdict } from './verdict.ts';

/**
 * Combines what the page shows with what its URL said. A URL verdict of purchase or download
 * stands (the page can only add evidence), except a third-party listing URL that the page
 * contradicts (see contradictsListingUrl). Otherwise a page counts when a vendor product is its
 * main subject (structured product data, or the main heading with the title or breadcrumb
 * agreeing) and it can be bought or downloaded right there. Pages that only talk about or list
 * products (reviews, news, forum threads, search results, comparisons) stay as they were.
 */
export function classifyPage(signals: PageSignals, urlVerdict: Verdict, registry: CompiledRegistry = buildRegistry()): Verdict {
  const subject = mainSubject(signals, registry);
  if (isFlagged(urlVerdict)) {
    if (contradictsListingUrl(signals, subject, urlVerdict, registry)) return NO_VERDICT;
    if (!subject || subject === OTHER || subject.vendor.id !== urlVerdict.vendor) return urlVerdict;
    return { ...urlVerdict, reasons: unique([...urlVerdict.reasons, subject.reason]) };
  }
  if (!subject || subject === OTHER || discussesOrLists(signals, subject.vendor, registry)) return urlVerdict;
  if (urlVerdict.vendor !== null && urlVerdict.vendor !== subject.vendor.id) return urlVerdict;
  const offer = offering(signals, subject, urlVerdict.kind === 'vendor', registry);
  if (!offer) return urlVerdict;
  return {
    vendor: subject.vendor.id,
    kind: offer.kind,
    reasons: unique([...urlVerdict.reasons, subject.reason, offer.reason]),
    rule: 'page-content',
  };
}

/**
 * Whether reading the page's main area (controls, prices, links: the costly part) could change
 * `verdict`, the verdict from the cheap signals alone. Only when the URL or a cheap signal names
 * a vendor, and nothing cheap already settled it: a page naming no vendor is never walked.
 */
export function needsPageContent(signals: PageSignals, verdict: Verdict, registry: CompiledRegistry = buildRegistry()): boolean {
  if (signals.content !== null || isFlagged(verdict)) return false;
  const subject = mainSubject(signals, registry);
  if (subject === OTHER) return false;
  const named =
    subject?.vendor ??
    (verdict.vendor !== null
      ? registry.vendors.find((v) => v.id === verdict.vendor)
      : cheapTexts(signals)
          .map((text) => vendorIn(text, registry))
          .find(Boolean));
  return named !== undefined && !discussesOrLists(signals, named, registry);
}

/**
 * A tab's verdict when the settings change and its page's signals are not at hand: the URL's
 * under the new settings, unless the page's own report had decided (it added evidence, or it
 * cleared a listing URL it contradicted). The background then asks the page to report again,
 * which decides under the new settings; an exemption or a blocked domain applies at once.
 */
export function verdictWithoutSignals(stored: Verdict, urlVerdict: Verdict): Verdict {
  if (urlVerdict.reasons.some((reason) => reason.startsWith('policy-'))) return urlVerdict;
  const fromPage = stored.reasons.some((reason) => reason.startsWith('page-'));
  const cleared = stored.kind === 'none' && stored.reasons.length === 0 && pageMayClear(urlVerdict);
  return fromPage || cleared ? stored : urlVerdict;
}

/**
 * A flagged URL verdict that only a third party's listing path decided: the page itself may yet
 * contradict it (see contradictsListingUrl). Every other flagged URL verdict stands whatever the
 * page shows, so a warning on it need not wait for the page.
 */
export function pageMayClear(urlVerdict: Verdict): boolean {
  return isFlagged(urlVerdict) && urlVerdict.reasons.every((reason) => LISTING_URL_REASONS.has(reason));
}

/** URL rules that read a third party's path (a shop, portal or store listing), not the vendor's own site or a file. */
const LISTING_URL_REASONS: ReadonlySet<ReasonCode> = new Set([
  'reseller-listing',
  'shop-listing',
  'download-portal',
  'app-store-listing',
  'extension-store-listing',
]);

/**
 * A third-party listing URL guessed from its path ("/site/reviews/kaspersky-…", "/s/kaspersky/")
 * can be wrong, and the page says so: its own product is another maker's, or it is a review,
 * article or results page.
 */
function contradictsListingUrl(
  signals: PageSignals,
  subject: Subject | typeof OTHER | null,
  urlVerdict: Verdict,
  registry: CompiledRegistry,
): boolean {
  if (!urlVerdict.reasons.every((reason) => LISTING_URL_REASONS.has(reason))) return false;
  if (subject === OTHER) return true;
  const vendor = registry.vendors.find((candidate) => candidate.id === urlVerdict.vendor);
  return vendor !== undefined && discussesOrLists(signals, vendor, registry);
}

interface Subject {
  vendor: CompiledVendor;
  reason: ReasonCode;
  /** The structured product data the subject came from, if any. */
  product: ProductData | null;
}

/** The page's main subject is a product of no registered vendor. */
const OTHER = 'other';

/**
 * The vendor whose product the page is about. Structured data decides first: the page's own
 * product (the first JSON-LD product; related products come later or nest elsewhere), then an
 * Open Graph or microdata brand. When those name another maker, that maker's product is the
 * subject, whatever the page's carousels or comparison text say. Else the main heading counts
 * when the title, og:title or breadcrumb agrees.
 */
function mainSubject(signals: PageSignals, registry: CompiledRegistry): Subject | typeof OTHER | null {
  const [product] = signals.products;
  if (product) {
    const vendor = vendorIn(product.brand, registry) ?? vendorIn(product.name, registry);
    if (vendor) return { vendor, reason: 'page-product-data', product };
    if (product.brand || product.name) return OTHER;
  }
  for (const brand of [signals.meta.productBrand, signals.content?.brand ?? '']) {
    if (!brand) continue;
    const vendor = vendorIn(brand, registry);
    return vendor ? { vendor, reason: 'page-product-data', product: null } : OTHER;
  }
  const vendor = vendorIn(mainHeading(signals), registry);
  if (!vendor) return null;
  const agreeing = [signals.title, signals.meta.ogTitle, ...signals.breadcrumbs, ...(signals.content?.breadcrumbs ?? [])];
  return agreeing.some((text) => vendorIn(text, registry) === vendor)
    ? { vendor, reason: 'page-title-names-product', product: null }
    : null;
}

/** What makes a linked URL the software itself (a listing page's own "Download" link leads to another page). */
const INSTALLER_REASONS: ReadonlySet<ReasonCode> = new Set([
  'installer-file',
  'file-host-installer',
  'vendor-download-host',
  'vendor-download-page',
]);

/** How the subject is offered on the page, if it is. */
function offering(
  signals: PageSignals,
  subject: Subject,
  onVendorSite: boolean,
  registry: CompiledRegistry,
): { kind: PageKind; reason: ReasonCode } | null {
  const content = signals.content ?? EMPTY_CONTENT;
  const { product } = subject;
  const installer = content.downloadLinks.some((link) => {
    const linked = classifyUrl(link, registry);
    return linked.vendor === subject.vendor.id && linked.reasons.some((reason) => INSTALLER_REASONS.has(reason));
  });
  if (installer) return { kind: 'download', reason: 'page-installer-link' };
  if (product?.offer === 'paid' && (!product.software || onVendorSite)) return { kind: 'purchase', reason: 'page-product-data' };
  // On the vendor's own pages menus and teasers sell and hand out everywhere: only the above counts there.
  if (onVendorSite) return null;
  const canDownload = content.downloadControls.length > 0;
  const canBuy = content.buyControls.length > 0 && (content.hasPrice || product?.offer === 'paid');
  // Software listings (portals, app stores) are downloads first: "Buy" there usually means an upgrade.
  if (product?.software) {
    if (canDownload) return { kind: 'download', reason: 'page-download-control' };
    if (product.downloadable || product.offer === 'free') return { kind: 'download', reason: 'page-product-data' };
    if (canBuy || product.offer === 'paid') return { kind: 'purchase', reason: canBuy ? 'page-buy-control' : 'page-product-data' };
  }
  if (canBuy) return { kind: 'purchase', reason: 'page-buy-control' };
  if (canDownload) return { kind: 'download', reason: 'page-download-control' };
  return null;
}

/** Schema.org page types that discuss or list things rather than offer one. */
const DISCUSSION_TYPES = new Set([
  'article',
  'newsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'reportagenewsarticle',
  'blogposting',
  'techarticle',
  'report',
  'review',
  'criticreview',
  'userreview',
  'discussionforumposting',
  'socialmediaposting',
  'qapage',
  'searchresultspage',
  'collectionpage',
]);
/** Product pages have one or two buy controls in their main area; a results grid has one per tile. */
const MAX_BUY_CONTROLS_OF_ONE_PRODUCT = 4;

/**
 * The page talks about or lists products: an article, review, thread or results page by its
 * structured data, its Open Graph type, its URL, the words of its main heading or title (the
 * first title part and any naming the vendor: site names and slogans sit in the others), or a
 * buy control on every tile.
 */
function discussesOrLists(signals: PageSignals, vendor: CompiledVendor, registry: CompiledRegistry): boolean {
  if (signals.meta.ogType.toLowerCase() === 'article') return true;
  if (signals.pageTypes.some((type) => DISCUSSION_TYPES.has(type.toLowerCase()))) return true;
  if ((signals.content?.buyControls.length ?? 0) > MAX_BUY_CONTROLS_OF_ONE_PRODUCT) return true;
  if (isSearchUrl(signals.url)) return true;
  const titleParts = signals.title.split(/\s+[-|–—:·•]\s+|:\s+/);
  const texts = [mainHeading(signals), titleParts[0] ?? '', ...titleParts.slice(1).filter((part) => vendorIn(part, registry) === vendor)];
  return texts.some((text) => wordsOf(text).some((word) => ARTICLE_WORDS.has(word) || RESULT_WORDS.has(word)));
}

/** The page's main heading: the last h1 reported (those before it sit in the site header). */
const mainHeading = (signals: PageSignals) => signals.headings.at(-1) ?? '';

/** A search-result page by its path ("/s", "/search.php") or its query ("?q=", not "keywords", which Amazon keeps on product pages). */
function isSearchUrl(url: string): boolean {
  const parts = parseUrlParts(url);
  if (parts === null || parts === 'unsupported') return false;
  return parts.segments.some((segment) => segmentIn(segment, SEARCH_SEGMENTS)) || SEARCH_KEYS.some((key) => parts.searchParams.has(key));
}

function cheapTexts(signals: PageSignals): string[] {
  const { meta } = signals;
  return [
    signals.title,
    ...signals.headings,
    meta.ogTitle,
    meta.description,
    meta.productBrand,
    ...signals.breadcrumbs,
    ...signals.products.flatMap((product) => [product.name, product.brand]),
  ];
}

/**
 * The vendor a text names. Tokens are written as URL slugs ("acme-shield" for an organisation's
 * vendor "Acme Shield"), so page text is also tried in slug form.
 */
function vendorIn(text: string, registry: CompiledRegistry): CompiledVendor | undefined {
  if (!text) return undefined;
  return (tokenIn(text, registry) ?? tokenIn(text.replace(/[^\p{L}\p{N}]+/gu, '-'), registry))?.vendor;
}

const unique = <T>(items: T[]) => [...new Set(items)];
