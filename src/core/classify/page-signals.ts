import * as v from 'valibot';

/**
 * What the content script reads from a page, in two stages. The first report carries only what
 * is cheap to read (URL, head, main headings, JSON-LD); `content`, which needs a walk of the
 * page's main area, is read only when the background asks for it (see needsPageContent). Every
 * list is capped by the collector, and every string is plain text (never HTML).
 */
export interface PageSignals {
  url: string;
  title: string;
  /** h1 texts, trimmed, up to the first outside the site header: the last is the main heading. */
  headings: string[];
  meta: {
    description: string;
    ogTitle: string;
    ogType: string;
    ogSiteName: string;
    /** product:brand / og:brand: shops that publish Open Graph product data name the brand here. */
    productBrand: string;
  };
  /** schema.org @type values of the top-level JSON-LD objects (Article, Review, SearchResultsPage, …). */
  pageTypes: string[];
  /** schema.org Product and SoftwareApplication objects from JSON-LD, the page's own first. */
  products: ProductData[];
  /** Names in a JSON-LD BreadcrumbList, outermost first. */
  breadcrumbs: string[];
  /** The page's main area, or null when it was not read. */
  content: PageContent | null;
}

export interface ProductData {
  name: string;
  brand: string;
  /** SoftwareApplication (or Mobile/WebApplication): something installed, not a boxed product. */
  software: boolean;
  /** What its offers say: none, free (price 0), or paid (a price above 0, or an offer without one). */
  offer: 'none' | 'free' | 'paid';
  /** It names a downloadUrl or installUrl. */
  downloadable: boolean;
}

/** What the main area of the page shows, outside navigation, header, footer, asides and carousels. */
export interface PageContent {
  /** A microdata brand (itemprop="brand") in the main area. */
  brand: string;
  /** Names in a breadcrumb trail (nav labelled breadcrumb). */
  breadcrumbs: string[];
  /** Texts of visible buy / add-to-cart / subscribe controls. */
  buyControls: string[];
  /** Texts of visible download / install / get / add-to-browser controls. */
  downloadControls: string[];
  /** Absolute hrefs of download controls and of links to installer files (the background classifies them). */
  downloadLinks: string[];
  /** A visible price (currency and amount) was found. */
  hasPrice: boolean;
}

export const EMPTY_SIGNALS: Omit<PageSignals, 'url'> = Object.freeze({
  title: '',
  headings: [],
  meta: { description: '', ogTitle: '', ogType: '', ogSiteName: '', productBrand: '' },
  pageTypes: [],
  products: [],
  breadcrumbs: [],
  content: null,
});

export const EMPTY_CONTENT: PageContent = Object.freeze({
  brand: '',
  breadcrumbs: [],
  buyControls: [],
  downloadControls: [],
  downloadLinks: [],
  hasPrice: false,
});

const text = (max: number) =>
  v.pipe(
    v.string(),
    v.transform((value) => value.slice(0, max)),
  );
const capped = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(
    v.array(item),
    v.transform((items) => items.slice(0, max)),
  );
const texts = (max: number) => capped(text(300), max);

const PageContentSchema = v.object({
  brand: text(200),
  breadcrumbs: texts(10),
  buyControls: texts(20),
  downloadControls: texts(20),
  downloadLinks: capped(text(2048), 20),
  hasPrice: v.boolean(),
});

const PageSignalsSchema = v.object({
  url: text(4096),
  title: text(500),
  headings: texts(5),
  meta: v.object({ description: text(500), ogTitle: text(500), ogType: text(50), ogSiteName: text(200), productBrand: text(200) }),
  pageTypes: capped(text(60), 10),
  products: capped(
    v.object({
      name: text(300),
      brand: text(200),
      software: v.boolean(),
      offer: v.picklist(['none', 'free', 'paid']),
      downloadable: v.boolean(),
    }),
    10,
  ),
  breadcrumbs: texts(10),
  content: v.nullable(PageContentSchema),
});

/** Checks signals that crossed a message boundary (they come from an untrusted page); null if malformed. */
export function parsePageSignals(input: unknown): PageSignals | null {
  const result = v.safeParse(PageSignalsSchema, input);
  return result.success ? result.output : null;
}
