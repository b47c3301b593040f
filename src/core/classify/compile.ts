import { escapeRegExp, slugify } from '../text.ts';
import { TokenAutomaton } from './token-automaton.ts';
import { installerNamedBy } from '../vocabulary.ts';
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
   * Every brand and distinctive product token (ids below `tokenCount`, longest first), then every
   * owned label that is not a token: the cheap "is this about a vendor" test, in one automaton.
   */
  automaton: TokenAutomaton;
  tokenCount: number;
  /** Token id in `automaton` → vendor. */
  tokenVendors: CompiledVendor[];
  /** Token (lower case) → vendor. */
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
    for (const token of [...definition.brandTokens, ...definition.distinctiveProductTokens, ...definition.apps.googlePlay]) {
      byToken.set(token.toLowerCase(), vendor);
    }
    return vendor;
  });
  // Longest first, as an alternation would try them: at one position the longest token wins.
  const tokens = [...byToken.keys()].sort((a, b) => b.length - a.length);
  const labels = [...byOwnedLabel.keys()].filter((label) => !byToken.has(label));
  const automaton = new TokenAutomaton([...tokens, ...labels]);
  return {
    vendors,
    byDomain,
    byOwnedLabel,
    automaton,
    tokenCount: tokens.length,
    tokenVendors: tokens.map((t) => byToken.get(t)!),
    byToken,
  };
}

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
 * The first brand or product token in `text` (case-insensitive, leftmost, the longest there),
 * where it starts, and the vendor it names.
 */
export function tokenIn(text: string, registry: CompiledRegistry): { vendor: CompiledVendor; index: number } | null {
  const match = registry.automaton.firstMatch(text, registry.tokenCount);
  return match ? { vendor: registry.tokenVendors[match.id]!, index: match.index } : null;
}
