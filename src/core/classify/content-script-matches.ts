import { VENDORS } from '../vendors/index.ts';
import { DOWNLOAD_PORTALS } from './rules/portals.ts';
import { RETAILERS } from './rules/shops.ts';

/** App and extension stores whose pages can carry a warning (Chrome forbids scripts in its own store). */
const STORE_PATTERNS = [
  '*://play.google.com/store/apps/*',
  '*://apps.apple.com/*',
  '*://itunes.apple.com/*',
  '*://apps.microsoft.com/*',
  '*://www.microsoft.com/*/p/*',
  '*://addons.mozilla.org/*',
  '*://microsoftedge.microsoft.com/addons/*',
];

const everyPageOf = (host: string) => `*://*.${host}/*`;

/**
 * Where the content script runs: vendor domains, known retailers, download portals and app
 * stores. Unrelated sites never get it. Derived from the same tables the classifier uses,
 * so the two cannot drift apart.
 */
export function contentScriptMatches(): string[] {
  return [...extensionHosts().map(everyPageOf), ...STORE_PATTERNS];
}

/**
 * The hosts (with their subdomains) the extension has access to: the same list serves as its
 * host permissions, which block mode needs to redirect a navigation to the blocking page.
 */
export function extensionHosts(): string[] {
  const hosts = new Set<string>();
  for (const vendor of VENDORS) for (const domain of vendor.domains) hosts.add(domain);
  for (const [label, suffixes] of RETAILERS) for (const suffix of suffixes) hosts.add(`${label}.${suffix}`);
  for (const [label, portal] of DOWNLOAD_PORTALS) for (const host of portal.hosts ?? [`${label}.com`]) hosts.add(host);
  return [...hosts].sort();
}
