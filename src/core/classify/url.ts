import { VENDORS } from '../vendors/index.ts';
import type { VendorDefinition } from '../vendors/types.ts';
import { compileRegistry, tokenIn, type CompiledRegistry, type CompiledVendor } from './compile.ts';
import { hostTableOf, plainlyUnrelated, VENDOR_HOST } from './fast-path.ts';
import { SCAN_INVALID, SCAN_WEB, scanUrl, UrlScan } from './scan.ts';
import { isInstallerFile } from '../vocabulary.ts';
import { UrlContext, type RuleMatch, type UrlRule, type VendorHostSubject } from './rule.ts';
import { appStoreListing, extensionStoreListing, ID_ONLY_STORE_HOSTS } from './rules/app-stores.ts';
import { downloadPortalListing } from './rules/portals.ts';
import { resellerListing, shopListing } from './rules/shops.ts';
import { removalToolFile, thirdPartyInstaller } from './rules/third-party-files.ts';
import { VENDOR_SITE_RULES } from './rules/vendor-site.ts';
import { parseWithUrlParser, partsFromScan, type UrlParts } from './url-parts.ts';
import { NO_VERDICT, type Verdict } from './verdict.ts';

/** Hosts that are not the vendor's, in order: the first rule that matches decides. */
export const THIRD_PARTY_RULES: readonly UrlRule[] = [
  removalToolFile,
  thirdPartyInstaller,
  appStoreListing,
  extensionStoreListing,
  // Before portals: a retailer's slug often says "download" for a digital licence.
  resellerListing,
  downloadPortalListing,
  shopListing,
];

const defaultRegistry = compileRegistry(VENDORS);

/** Compiles vendor definitions (built-in plus any an organisation adds) for `classifyUrl`. */
export function buildRegistry(vendors: readonly VendorDefinition[] = VENDORS): CompiledRegistry {
  return vendors === VENDORS ? defaultRegistry : compileRegistry(vendors);
}

/**
 * What a URL is: a purchase or download page of a restricted vendor, another page of the
 * vendor's, or nothing of interest. Pure, synchronous and total: it never throws.
 *
 * One pass of the scanner (scan.ts) reads the URL and settles most of them: text the URL parser
 * would refuse, and URLs that plainly have nothing to do with any vendor (fast-path.ts). The rest
 * are taken apart from the scan's offsets where the parser would keep the text as typed, and by
 * the parser otherwise, and go through the rules.
 */
export function classifyUrl(url: string, registry: CompiledRegistry = defaultRegistry): Verdict {
  if (typeof url !== 'string') return classifyParsed(url, registry);
  const outcome = scanUrl(url, SCAN, registry.automaton);
  if (outcome === SCAN_INVALID) return classifyParts(null, registry);
  if (outcome === SCAN_WEB) {
    if (plainlyUnrelated(url, SCAN, registry)) return NO_VERDICT;
    // The scan fed the serialisation through the automaton: where it found no pattern, no token is
    // in it; where it found one and every pattern is a token, one is.
    const onlyTokens = registry.tokenCount === registry.automaton.patterns.length;
    if (!SCAN.encodes) return classifyParts(partsFromScan(url, SCAN), registry, SCAN.named ? (onlyTokens ? true : undefined) : false);
  }
  return classifyParsed(url, registry);
}

const SCAN = new UrlScan();

/** The full classifier: the URL parser's parts and the rules, without the scanner. `classifyUrl` must always agree with it. */
export function classifyParsed(url: string, registry: CompiledRegistry = defaultRegistry): Verdict {
  return classifyParts(typeof url === 'string' ? parseWithUrlParser(url).parts : null, registry);
}

/** The rules on a URL the caller already took apart (url-parts.ts parseUrl), so it is parsed once. */
export function classifyParts(
  parts: UrlParts | null | 'unsupported',
  registry: CompiledRegistry = defaultRegistry,
  /** Whether a token occurs in `parts.href`, when the caller knows. */
  hrefNamesVendor?: boolean,
): Verdict {
  if (parts === null) return { vendor: null, kind: 'none', reasons: ['invalid-url'], rule: null };
  if (parts === 'unsupported') return { vendor: null, kind: 'none', reasons: ['unsupported-scheme'], rule: null };
  const context = new UrlContext(parts, registry);

  const owner = vendorOwning(context);
  if (owner) return firstMatch(VENDOR_SITE_RULES, owner);

  // The cheap test that keeps almost every URL a browser sees off the rules below.
  if (!namesVendor(parts, registry, hrefNamesVendor) && !ID_ONLY_STORE_HOSTS.has(parts.host) && !isInstallerFile(parts.fileName)) {
    return NO_VERDICT;
  }
  return firstMatch(THIRD_PARTY_RULES, context);
}

/** The verdict of the first rule in `rules` that matches, naming that rule. */
function firstMatch<Subject>(rules: readonly UrlRule<Subject>[], subject: Subject): Verdict {
  for (const rule of rules) {
    const match = rule.match(subject);
    if (match) return verdictOf(rule, match);
  }
  return NO_VERDICT;
}

export function verdictOf(rule: Pick<UrlRule, 'id' | 'kind'>, match: RuleMatch): Verdict {
  return { vendor: match.vendor?.id ?? null, kind: rule.kind, reasons: [...match.reasons], rule: rule.id };
}

/**
 * Whether a brand, product token or app id appears anywhere in the URL. The rules read the
 * percent-decoded path and query, so a percent-encoded letter ("/%4Baspersky-premium") must not
 * hide a token from this pre-check (found by test/unit/fuzz).
 */
function namesVendor(parts: UrlParts, registry: CompiledRegistry, hrefNamesVendor: boolean | undefined): boolean {
  if (hrefNamesVendor ?? tokenIn(parts.href, registry) !== null) return true;
  return parts.href.includes('%') && (tokenIn(parts.path, registry) !== null || tokenIn(parts.query, registry) !== null);
}

/** The vendor controlling the URL's host, found by walking the host's suffixes. */
export function vendorOwning(context: UrlContext): VendorHostSubject | null {
  const { host } = context.parts;
  const { byDomain, byOwnedLabel } = context.registry;
  // The longest parent domain of the host (itself included) that is a vendor's.
  const start = hostTableOf(context.registry).longestParent(host, 0, host.length, VENDOR_HOST);
  if (start >= 0) {
    const suffix = start === 0 ? host : host.slice(start);
    const vendor = byDomain.get(suffix);
    if (vendor) return subject(context, vendor, start === 0 ? '' : host.slice(0, start - 1), suffix);
  }
  // kaspersky.<any public suffix>: needs the public suffix list, so only when the label appears at all.
  if (byOwnedLabel.size > 0 && someLabelIn(host, byOwnedLabel)) {
    const { label, subdomain, domain, knownSuffix } = context.domain;
    // Only under a real public suffix: "kaspersky.cоm" (Cyrillic о) is a lookalike, not a regional site.
    const vendor = knownSuffix ? byOwnedLabel.get(label) : undefined;
    if (vendor) return subject(context, vendor, subdomain, domain);
  }
  return null;
}

function someLabelIn(host: string, labels: ReadonlyMap<string, unknown>): boolean {
  for (const label of labels.keys()) if (host.includes(label)) return true;
  return false;
}

function subject(context: UrlContext, vendor: CompiledVendor, subdomain: string, matchedDomain: string): VendorHostSubject {
  const label = matchedDomain.split('.')[0] ?? '';
  return { context, vendor, subdomain, storefrontDomain: vendor.definition.ownedDomainLabels.includes(label) };
}
