import { VENDORS } from '../vendors/index.ts';
import { hostIn } from './rule.ts';
import { STORE_CONTENT_SCRIPTS } from './rules/app-stores.ts';
import { portalHosts } from './rules/portals.ts';
import { RETAILERS } from './rules/shops.ts';
import { parseUrlParts } from './url-parts.ts';

const everyPageOf = (host: string) => `*://*.${host}/*`;

/**
 * Where the content script runs: vendor domains, known retailers, download portals and app
 * stores. Unrelated sites never get it. Derived from the same tables the classifier uses,
 * so the two cannot drift apart.
 */
export function contentScriptMatches(): string[] {
  return [...extensionHosts().map(everyPageOf), ...STORE_CONTENT_SCRIPTS];
}

/**
 * The hosts (with their subdomains) the extension has access to: the same list serves as its
 * host permissions, which block mode needs to redirect a navigation to the blocking page.
 */
export function extensionHosts(): string[] {
  const hosts = new Set<string>();
  for (const vendor of VENDORS) for (const domain of vendor.domains) hosts.add(domain);
  for (const [label, suffixes] of RETAILERS) for (const suffix of suffixes) hosts.add(`${label}.${suffix}`);
  for (const host of portalHosts()) hosts.add(host);
  return [...hosts].sort();
}

/** Retailers, download portals and app stores (not vendor sites): where list pages have product tiles to mark. */
const SHOP_HOSTS: ReadonlySet<string> = new Set([
  ...extensionHosts().filter((host) => !VENDORS.some((vendor) => vendor.domains.includes(host))),
  ...STORE_CONTENT_SCRIPTS.map((pattern) => pattern.split('/')[2]!),
]);

/** Whether a page is on a shop, download portal or app store the extension knows. */
export function onKnownShopSite(url: string): boolean {
  const parts = parseUrlParts(url);
  return parts !== null && parts !== 'unsupported' && hostIn(parts.host, SHOP_HOSTS);
}
