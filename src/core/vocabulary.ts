import vocabulary from '../data/vocabulary.json' with { type: 'json' };
import { escapeRegExp } from './text.ts';

/*
 * Every word and file-extension list the classifiers use, read from src/data/vocabulary.json:
 * the URL rules, the page classifier, the tile marks, the block rules, the download guard and
 * the content script's page reading all take their words from here, so a list is changed once.
 */

type Language = keyof typeof vocabulary.cues;
type CueList = keyof (typeof vocabulary.cues)[Language];

/** One cue list over every language ("buy" in English, German, French, …). */
const cues = (list: CueList): string[] => Object.values(vocabulary.cues).flatMap((language) => language[list]);

const alternation = (words: readonly string[]) => words.map(escapeRegExp).join('|');

/** A whole word or phrase of `words`, not part of a longer word, in any script (`\b` only knows ASCII). */
const wholeWords = (words: readonly string[]) => `(?<![\\p{L}\\p{N}])(?:${alternation(words)})(?![\\p{L}\\p{N}])`;

/** File extensions of installers and packages ("exe", "tar.gz"), lower case, without the dot. */
export const INSTALLER_EXTENSIONS: readonly string[] = vocabulary.installerExtensions;

/** The installer extensions as a regular-expression alternation ("exe|msi|…|tar\\.gz"). */
export const INSTALLER_EXTENSION_PATTERN = alternation(INSTALLER_EXTENSIONS);

/** A file name that starts with `prefix` and ends in an installer extension, as a regular-expression source. */
export function installerNamedBy(prefix: string): string {
  return `^${escapeRegExp(prefix)}[\\w .%-]*\\.(?:${INSTALLER_EXTENSION_PATTERN})$`;
}

const INSTALLER_FILE = new RegExp(`\\.(?:${INSTALLER_EXTENSION_PATTERN})$`);
const INSTALLER_HREF = new RegExp(`\\.(?:${INSTALLER_EXTENSION_PATTERN})(?:[?#]|$)`, 'i');

/** A lower-case file name that ends in an installer extension. */
export function isInstallerFile(fileName: string): boolean {
  return INSTALLER_FILE.test(fileName);
}

/** A link whose address (as written in the page, any case) ends in an installer file. */
export function isInstallerHref(href: string): boolean {
  return INSTALLER_HREF.test(href);
}

/** Path segments of search-result pages ("/s", "/search", "searchpage.jsp"). */
export const SEARCH_SEGMENTS: ReadonlySet<string> = new Set(vocabulary.searchSegments);
/** Query keys that carry a search ("?q=", "?_nkw="). */
export const SEARCH_KEYS: readonly string[] = vocabulary.searchKeys;
/** Path segments of pages that list many products: search results, categories, brand hubs, filters. */
const LIST_SEGMENTS: ReadonlySet<string> = new Set([...vocabulary.searchSegments, ...vocabulary.categorySegments]);
/** Path segments that lead to one product ("/dp/", "/ip/", "/itm/", "/product/"). */
const PRODUCT_SEGMENTS: ReadonlySet<string> = new Set(vocabulary.productSegments);
/** Path segments of a shop's pages about a product that sell nothing: reviews, questions, articles, help. */
export const ABOUT_SEGMENTS: ReadonlySet<string> = new Set(vocabulary.aboutSegments);

/** The segment is one of `words`, as is or before its extension ("search", "search.php"). */
export function segmentIn(segment: string, words: ReadonlySet<string>): boolean {
  if (words.has(segment)) return true;
  const dot = segment.indexOf('.');
  return dot > 0 && words.has(segment.slice(0, dot));
}

/** A path segment that leads to one product ("/dp/", "/products/"). */
export function isProductSegment(segment: string): boolean {
  return segmentIn(segment, PRODUCT_SEGMENTS);
}

/**
 * Whether a URL's labels (the host's subdomain labels, then the path segments) lead to a list of
 * products rather than one: the last list or product marker decides, so "/p/pl?d=…" (Newegg's
 * search) lists, and "/c/product/…" (a product under a category) and "/cat/detail/…" do not.
 */
export function listsProducts(labels: readonly string[]): boolean {
  for (let i = labels.length - 1; i >= 0; i--) {
    if (segmentIn(labels[i]!, LIST_SEGMENTS)) return true;
    if (segmentIn(labels[i]!, PRODUCT_SEGMENTS)) return false;
  }
  return false;
}

/** Words that make any text a story about a product rather than the product ("… review", "… vs …", "how to …"). */
export const STORY_WORDS: ReadonlySet<string> = new Set(vocabulary.storyWords);
/** Story words and the further words that mark an article, a thread or documentation in a URL or a heading ("best", "faq"). */
export const ARTICLE_WORDS: ReadonlySet<string> = new Set([...vocabulary.storyWords, ...vocabulary.articleWords]);
/** Words of result pages' headings and titles ("12 results for …"). */
export const RESULT_WORDS: ReadonlySet<string> = new Set(vocabulary.resultWords);

/** The words of a text, lower case, split at anything that is not a letter or a digit. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A control's label that buys: "Buy now", "In den Warenkorb", "Купить". */
export const BUY_CUE = new RegExp(wholeWords(cues('buy')), 'iu');

/** A control's label that downloads or installs, or a label that is only "Get" (app stores). */
export const DOWNLOAD_CUE = new RegExp(`${wholeWords(cues('download'))}|^(?:${alternation(cues('getLabels'))})$`, 'iu');

/** A link text that leads to more of a list rather than to one product ("Shop all Kaspersky", "Alle anzeigen"). */
export const MORE_LINK = new RegExp(`^(?:${alternation(cues('moreLinks'))})(?![\\p{L}\\p{N}])`, 'iu');

/** A URL slug that says download, in the languages of the vendors' markets ("free-download", "telecharger"). */
export const DOWNLOAD_SLUG = new RegExp(`(?:^|[^a-z])(?:free-?)?(?:${alternation(cues('downloadSlugs'))})(?:[^a-z]|$)`);

/** Licence terms in a product slug: "3-devices", "1-year", "e-license", "lizenz", "key". */
export const LICENCE_SLUG = new RegExp(
  `(?:^|[^a-z0-9])(?:\\d+-?(?:${alternation(cues('licenceUnits'))})|${alternation(cues('licenceWords'))})(?:[^a-z]|$)`,
);

/** Words just before a maker's name that make the text about another maker's product made for it ("battery for DJI Mini 4"). */
export const MADE_FOR_WORDS: ReadonlySet<string> = new Set([...cues('madeFor'), ...cues('compatible')]);
/** Words just after a maker's name that say the same ("Hikvision compatible"). */
export const COMPATIBLE_WORDS: ReadonlySet<string> = new Set(cues('compatible'));
