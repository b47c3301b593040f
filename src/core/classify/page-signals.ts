import * as v from 'valibot';

/**
 * What the content script reads from a page, cheapest first. Every list is capped by the
 * collector, and every string is plain text (never HTML).
 */
export interface PageSignals {
  url: string;
  title: string;
  /** Main headings (h1), trimmed. */
  headings: string[];
  meta: {
    description: string;
    ogTitle: string;
    ogType: string;
    ogSiteName: string;
  };
  /** schema.org Product objects from JSON-LD. */
  products: { name: string; brand: string; hasOffer: boolean }[];
  /** Texts of visible buy / add-to-cart / subscribe controls. */
  buyControls: string[];
  /** Texts of visible download / install / get controls. */
  downloadControls: string[];
  /** Absolute hrefs of links pointing at installer files or vendor download hosts. */
  installerLinks: string[];
  /** A visible price (currency and amount) was found. */
  hasPrice: boolean;
}

export const EMPTY_SIGNALS: Omit<PageSignals, 'url'> = Object.freeze({
  title: '',
  headings: [],
  meta: { description: '', ogTitle: '', ogType: '', ogSiteName: '' },
  products: [],
  buyControls: [],
  downloadControls: [],
  installerLinks: [],
  hasPrice: false,
});

const text = (max: number) => v.pipe(v.string(), v.transform((value) => value.slice(0, max)));
const texts = (max: number) => v.pipe(v.array(text(300)), v.transform((items) => items.slice(0, max)));

const PageSignalsSchema = v.object({
  url: text(4096),
  title: text(500),
  headings: texts(5),
  meta: v.object({ description: text(500), ogTitle: text(500), ogType: text(50), ogSiteName: text(200) }),
  products: v.pipe(
    v.array(v.object({ name: text(300), brand: text(200), hasOffer: v.boolean() })),
    v.transform((items) => items.slice(0, 10)),
  ),
  buyControls: texts(20),
  downloadControls: texts(20),
  installerLinks: v.pipe(v.array(text(2048)), v.transform((items) => items.slice(0, 20))),
  hasPrice: v.boolean(),
});

/** Checks signals that crossed a message boundary (they come from an untrusted page); null if malformed. */
export function parsePageSignals(input: unknown): PageSignals | null {
  const result = v.safeParse(PageSignalsSchema, input);
  return result.success ? result.output : null;
}
