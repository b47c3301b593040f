import { VENDORS } from '../vendors/index.ts';
import type { VendorDefinition } from '../vendors/types.ts';
import { compileRegistry, type CompiledRegistry, type CompiledVendor } from './compile.ts';
import { isInstallerFile } from '../vocabulary.ts';
import { hostIn, UrlContext, type RuleMatch, type UrlRule, type VendorHostSubject } from './rule.ts';
import { appStoreListing, extensionStoreListing, ID_ONLY_STORE_HOSTS } from './rules/app-stores.ts';
import { downloadPortalListing } from './rules/portals.ts';
import { resellerListing, shopListing } from './rules/shops.ts';
import { removalToolFile, thirdPartyInstaller } from './rules/third-party-files.ts';
import { VENDOR_SITE_RULES } from './rules/vendor-site.ts';
import { parseUrlParts, type UrlParts } from './url-parts.ts';
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
 */
export function classifyUrl(url: string, registry: CompiledRegistry = defaultRegistry): Verdict {
  if (typeof url === 'string' && plainlyUnrelated(url, registry)) return NO_VERDICT;
  return classifyParsed(url, registry);
}

/** The full classifier: parses the URL and runs the rules. `classifyUrl` only adds a shortcut in front. */
export function classifyParsed(url: string, registry: CompiledRegistry = defaultRegistry): Verdict {
  return classifyParts(typeof url === 'string' ? parseUrlParts(url) : null, registry);
}

/** The rules on a URL the caller already took apart (url-parts.ts parseUrl), so it is parsed once. */
export function classifyParts(parts: UrlParts | null | 'unsupported', registry: CompiledRegistry = defaultRegistry): Verdict {
  if (parts === null) return { vendor: null, kind: 'none', reasons: ['invalid-url'], rule: null };
  if (parts === 'unsupported') return { vendor: null, kind: 'none', reasons: ['unsupported-scheme'], rule: null };
  const context = new UrlContext(parts, registry);

  const owner = vendorOwning(context);
  if (owner) return firstMatch(VENDOR_SITE_RULES, owner);

  // The cheap test that keeps almost every URL a browser sees off the rules below.
  if (!namesVendor(parts, registry) && !ID_ONLY_STORE_HOSTS.has(parts.host) && !isInstallerFile(parts.fileName)) {
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
 * A plain web URL, in one scan: lower-case http(s) scheme, an authority of host-name characters
 * only (no userinfo, port or IP literal), and nothing after it that the URL parser would rewrite
 * or that could spell a name differently (whitespace, controls, backslashes, non-ASCII).
 */
const PLAIN_WEB_URL = /^https?:\/\/([A-Za-z0-9_.-]+)(?:[/?#][\x21-\x5b\x5d-\x7e]*)?$/;

/**
 * Most URLs a browser sees have nothing to do with any vendor. This proves it from the raw string
 * for plain URLs, without the URL parser: the host is not a vendor's, no brand or product token
 * appears even after percent-decoding, the host is not an id-only store, and the path does not end
 * in an installer file. It answers false whenever in doubt (unusual characters, punycode, hosts
 * the parser would read as IPv4), leaving those to the full classifier; test/unit/fuzz checks that
 * both agree.
 */
function plainlyUnrelated(url: string, registry: CompiledRegistry): boolean {
  const match = PLAIN_WEB_URL.exec(url);
  if (match === null) return false;
  let host = match[1]!.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  const lastLabel = host.slice(host.lastIndexOf('.') + 1);
  if (!/^[a-z]/.test(lastLabel) || host.includes('xn--') || host.startsWith('.')) return false;
  if (ID_ONLY_STORE_HOSTS.has(host) || hostIsVendors(host, registry)) return false;
  if (registry.tokenPattern.test(url)) return false;
  const afterHost = 'https://'.length - (url[4] === 's' ? 0 : 1) + match[1]!.length;
  if (!url.includes('%')) return !endsInInstallerFile(pathOf(url, afterHost));
  const decoded = decodedOrNull(url);
  const path = decodedOrNull(pathOf(url, afterHost));
  return decoded !== null && path !== null && !registry.tokenPattern.test(decoded) && !endsInInstallerFile(path);
}

/** A host of a vendor's domain, or one carrying a vendor's label ("kaspersky.<anything>"). */
function hostIsVendors(host: string, registry: CompiledRegistry): boolean {
  if (hostIn(host, registry.byDomain)) return true;
  for (const label of registry.byOwnedLabel.keys()) if (host.includes(label)) return true;
  return false;
}

function endsInInstallerFile(path: string): boolean {
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return lastSegment.includes('.') && isInstallerFile(lastSegment.toLowerCase());
}

/** The path of a plain URL whose scheme and host end at `afterHost`. */
function pathOf(url: string, afterHost: number): string {
  const path = url.slice(afterHost);
  const end = path.search(/[?#]/);
  return end < 0 ? path : path.slice(0, end);
}

function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Whether a brand, product token or app id appears anywhere in the URL. The rules read the
 * percent-decoded path and query, so a percent-encoded letter ("/%4Baspersky-premium") must not
 * hide a token from this pre-check (found by test/unit/fuzz).
 */
function namesVendor(parts: UrlParts, registry: CompiledRegistry): boolean {
  if (registry.tokenPattern.test(parts.href)) return true;
  return parts.href.includes('%') && (registry.tokenPattern.test(parts.path) || registry.tokenPattern.test(parts.query));
}

/** The vendor controlling the URL's host, found by walking the host's suffixes. */
export function vendorOwning(context: UrlContext): VendorHostSubject | null {
  const { host } = context.parts;
  const { byDomain, byOwnedLabel } = context.registry;
  for (let start = 0; start < host.length;) {
    const suffix = start === 0 ? host : host.slice(start);
    const vendor = byDomain.get(suffix);
    if (vendor) return subject(context, vendor, start === 0 ? '' : host.slice(0, start - 1), suffix);
    const dot = host.indexOf('.', start);
    if (dot < 0) break;
    start = dot + 1;
  }
  // kaspersky.<any public suffix>: needs the public suffix list, so only when the label appears at all.
  if (byOwnedLabel.size > 0 && [...byOwnedLabel.keys()].some((label) => host.includes(label))) {
    const { label, subdomain, domain, knownSuffix } = context.domain;
    // Only under a real public suffix: "kaspersky.cоm" (Cyrillic о) is a lookalike, not a regional site.
    const vendor = knownSuffix ? byOwnedLabel.get(label) : undefined;
    if (vendor) return subject(context, vendor, subdomain, domain);
  }
  return null;
}

function subject(context: UrlContext, vendor: CompiledVendor, subdomain: string, matchedDomain: string): VendorHostSubject {
  const label = matchedDomain.split('.')[0] ?? '';
  return { context, vendor, subdomain, storefrontDomain: vendor.definition.ownedDomainLabels.includes(label) };
}
