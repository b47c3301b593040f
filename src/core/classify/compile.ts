import { escapeRegExp, slugify } from '../text.ts';
import { TokenAutomaton } from './token-automaton.ts';
import { COMPATIBLE_WORDS, installerNamedBy, MADE_FOR_WORDS, wordsOf } from '../vocabulary.ts';
import type { VendorDefinition } from '../vendors/types.ts';

/** A vendor with its patterns compiled once, ready for per-URL lookups. */
export interface CompiledVendor {
  definition: VendorDefinition;
  id: string;
  storefrontSubdomains: Set<string>;
  storeHosts: Set<string>;
  downloadHosts: Set<string>;
  infoPaths: RegExp[];
  downloadPaths: RegExp[];
  purchasePaths: RegExp[];
  distinctiveInstallers: RegExp[];
  vendorHostInstallers: RegExp[];
  removalTools: RegExp[];
  googlePlayExact: Set<string>;
  googlePlayPrefixes: string[];
  appleIds: Set<string>;
  chromeIds: Set<string>;
  safariPrefixes: string[];
  /** Product words (without the brand) that name a product in a slug: "total-security". */
  productSlugWords: string[];
  /** A brand prefix of legacy store paths ("/kaspersky-internet-security" is "/internet-security"). */
  legacyBrandPrefix: RegExp;
}

/** The whole registry compiled for fast classification. */
export interface CompiledRegistry {
  vendors: CompiledVendor[];
  /** Vendor-controlled host or domain → vendor (matched on every suffix of a host). */
  byDomain: Map<string, CompiledVendor>;
  /** Second-level label held under every suffix → vendor. */
  byOwnedLabel: Map<string, CompiledVendor>;
  /**
   * The cheap "could this be about a vendor" test, in one automaton: every brand and product
   * token and app id, and the literal start of every whole-word name and model pattern ("dji",
   * "ds-"), longest first (ids below `tokenCount`), then every owned label that is none of them.
   * Whatever names a vendor contains one of its tokens; not all that contains one names a vendor
   * (see namePattern).
   */
  automaton: TokenAutomaton;
  tokenCount: number;
  /**
   * Every name of every vendor exactly (brand and product tokens, app ids, whole-word names,
   * model numbers), in one pattern: group n + 1 matches names of vendor n.
   */
  namePattern: RegExp;
  /** The vendors' model numbers and product lines alone, grouped the same way. */
  modelPattern: RegExp;
  /** Literal token (lower case) → vendor. */
  byToken: Map<string, CompiledVendor>;
}

const regexes = (sources: string[]) => sources.map((source) => new RegExp(source, 'i'));

export function compileRegistry(definitions: readonly VendorDefinition[]): CompiledRegistry {
  const byDomain = new Map<string, CompiledVendor>();
  const byOwnedLabel = new Map<string, CompiledVendor>();
  const byToken = new Map<string, CompiledVendor>();
  const vendors = definitions.map((definition) => {
    const vendor = compileVendor(definition);
    for (const domain of definition.domains) byDomain.set(domain.toLowerCase(), vendor);
    for (const host of definition.site.storeHosts) byDomain.set(host.toLowerCase(), vendor);
    for (const label of definition.ownedDomainLabels) byOwnedLabel.set(label.toLowerCase(), vendor);
    // App ids count as tokens: an APK mirror's path often names the app only by its id ("com.kms.free").
    for (const token of [
      ...definition.brandTokens,
      ...definition.distinctiveProductTokens,
      ...definition.apps.googlePlay,
      ...(definition.wordTokens ?? []),
    ]) {
      byToken.set(token.toLowerCase(), vendor);
    }
    return vendor;
  });
  const namePattern = groupedByVendor(definitions.map(nameSource));
  const modelPattern = groupedByVendor(definitions.map((definition) => wholeWords(definition.modelPatterns ?? [])));
  // The cheap test: the literal tokens, and the literal start of every other name.
  const starts = new Set<string>(definitions.flatMap(literalTokens));
  const wordSources = definitions.flatMap((definition) => (definition.wordTokens ?? []).map((word) => escapeRegExp(word.toLowerCase())));
  for (const source of [...wordSources, ...definitions.flatMap((definition) => definition.modelPatterns ?? [])]) {
    const start = literalStart(source);
    if (!start) throw new Error(`The vendor name "${source}" begins with no text of its own: the cheap test could not see it`);
    starts.add(start);
  }
  // Longest first, as an alternation would try them: at one position the longest token wins.
  const tokens = [...starts].sort((a, b) => b.length - a.length);
  const labels = [...byOwnedLabel.keys()].filter((label) => !starts.has(label));
  const automaton = new TokenAutomaton([...tokens, ...labels]);
  return { vendors, byDomain, byOwnedLabel, automaton, tokenCount: tokens.length, namePattern, modelPattern, byToken };
}

/**
 * The text every match of a name's source begins with, lower case: "ds-" of "ds-2cd\\d{4}", "autel"
 * of "autel robotics" (a space may be no character at all). "" when there is none: a source that
 * begins with a group or a class, or offers alternatives at its top level.
 */
export function literalStart(source: string): string {
  if (hasTopLevelAlternative(source)) return '';
  const units: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\' && /^[^a-z0-9]$/i.test(source[i + 1] ?? '')) {
      units.push(source[++i]!);
      continue;
    }
    if ('\\()[]{}.*+?|^$ '.includes(char)) {
      // "abc?" and "abc{0,1}" may end before their last character.
      if ('?*{'.includes(char)) units.pop();
      break;
    }
    units.push(char);
  }
  return units.join('').toLowerCase();
}

function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/** One separator between the words of a name, or none. */
const SEPARATOR = '[^a-z0-9]?';

/** Sources matched as whole words: not preceded or followed by a letter or digit. */
function wholeWords(sources: readonly string[]): string | null {
  if (sources.length === 0) return null;
  return `(?<![a-z0-9])(?:${sources.map((source) => source.replace(/ /g, SEPARATOR)).join('|')})(?![a-z0-9])`;
}

/** Every name of a vendor as one regular-expression source (null: it has none). */
function nameSource(definition: VendorDefinition): string | null {
  const literal = literalTokens(definition)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const words = wholeWords([...(definition.wordTokens ?? []).map(escapeRegExp), ...(definition.modelPatterns ?? [])]);
  const sources = words === null ? literal : [...literal, words];
  return sources.length ? sources.join('|') : null;
}

/** Names found anywhere, even inside a longer word, lower case: brand and product tokens, app ids. */
const literalTokens = (definition: VendorDefinition): string[] =>
  [...definition.brandTokens, ...definition.distinctiveProductTokens, ...definition.apps.googlePlay].map((token) => token.toLowerCase());

/** One pattern, a group per vendor in order; a vendor without names gets a group that never matches. */
const groupedByVendor = (sources: readonly (string | null)[]) =>
  new RegExp(sources.length ? sources.map((source) => `(${source ?? '(?!)'})`).join('|') : '(?!)', 'i');

function compileVendor(definition: VendorDefinition): CompiledVendor {
  const { site, installers, apps } = definition;
  const brand = definition.brandTokens.map((token) => token.toLowerCase());
  return {
    definition,
    id: definition.id,
    storefrontSubdomains: new Set(site.storefrontSubdomains),
    storeHosts: new Set(site.storeHosts),
    downloadHosts: new Set(site.downloadHosts),
    infoPaths: regexes(site.infoPaths),
    downloadPaths: regexes(site.downloadPaths),
    purchasePaths: regexes(site.purchasePaths),
    distinctiveInstallers: regexes([...installers.distinctive, ...installers.namePrefixes.map(installerNamedBy)]),
    vendorHostInstallers: regexes(installers.onVendorHostsOnly),
    removalTools: regexes(installers.removalTools),
    googlePlayExact: new Set(apps.googlePlay.filter((id) => !id.endsWith('.'))),
    googlePlayPrefixes: apps.googlePlay.filter((id) => id.endsWith('.')),
    appleIds: new Set(apps.appleAppStore),
    chromeIds: new Set(apps.chromeWebStore),
    safariPrefixes: apps.safariBundlePrefixes,
    legacyBrandPrefix: brand.length ? new RegExp(`^/(?:${brand.map(escapeRegExp).join('|')})-(?=[a-z])`) : /(?!)/,
    productSlugWords: definition.productNames
      .map((name) =>
        slugify(name)
          .split('-')
          .filter((word) => !brand.includes(word))
          .join('-'),
      )
      .filter((slug) => slug.length >= 3),
  };
}

/**
 * The first name of a vendor in `text` that names its own product, where it starts, and the
 * vendor. A name just after "for" or "compatible with", or just before "compatible", is another
 * maker's accessory for the vendor's product ("Battery for DJI Mini 4 Pro"), and is passed over.
 */
export function tokenIn(text: string, registry: CompiledRegistry): { vendor: CompiledVendor; index: number } | null {
  return firstName(text, registry.namePattern, registry);
}

/** The first model number or product line of a vendor in `text` (see tokenIn). */
export function modelIn(text: string, registry: CompiledRegistry): { vendor: CompiledVendor; index: number } | null {
  return firstName(text, registry.modelPattern, registry);
}

function firstName(text: string, pattern: RegExp, registry: CompiledRegistry): { vendor: CompiledVendor; index: number } | null {
  // Most texts name no vendor: the automaton settles them before the exact pattern runs.
  if (registry.automaton.firstMatch(text, registry.tokenCount) === null) return null;
  const scan = scanning(pattern);
  scan.lastIndex = 0;
  // Where the last name passed over ends: the names right after it ("for DJI Mini 4 Pro") are the same product's.
  let passedOver = -1;
  for (let match = scan.exec(text); match !== null; match = scan.exec(text)) {
    const end = match.index + match[0].length;
    const group = match.findIndex((value, index) => index > 0 && value !== undefined);
    const vendor = registry.vendors[group - 1];
    const sameProduct = passedOver >= 0 && wordsOf(text.slice(passedOver, match.index)).length <= 2;
    if (vendor && !sameProduct && !madeForAnother(text, match.index, end)) return { vendor, index: match.index };
    passedOver = end;
    if (end === match.index) scan.lastIndex++;
  }
  return null;
}

/** A global copy of each name pattern, to walk its matches with the text around each in view. */
const scanners = new WeakMap<RegExp, RegExp>();
function scanning(pattern: RegExp): RegExp {
  let scan = scanners.get(pattern);
  if (!scan) scanners.set(pattern, (scan = new RegExp(pattern.source, 'gi')));
  return scan;
}

/** The name at text[start, end) is what another maker's product is made for. */
function madeForAnother(text: string, start: number, end: number): boolean {
  if (
    wordsOf(text.slice(Math.max(0, start - 40), start))
      .slice(-2)
      .some((word) => MADE_FOR_WORDS.has(word))
  )
    return true;
  const after = wordsOf(text.slice(end, end + 24))[0];
  return after !== undefined && COMPATIBLE_WORDS.has(after);
}
