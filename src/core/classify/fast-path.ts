import { INSTALLER_EXTENSIONS } from '../vocabulary.ts';
import type { CompiledRegistry } from './compile.ts';
import { HostTable } from './host-table.ts';
import { ID_ONLY_STORE_HOSTS } from './rules/app-stores.ts';
import { decodedNamesPattern, type UrlScan } from './scan.ts';

/*
 * Most URLs a browser or a proxy sees have nothing to do with any vendor. The full classifier
 * (url.ts classifyParts) gives such a URL no verdict unless its host is a vendor's, a token
 * names a vendor in the URL (as serialised, or in its decoded path or query), its host is an
 * app store that names apps by id only, or its path ends in an installer file. The scan already
 * fed the serialisation through the registry's automaton; this checks the rest on the scan's
 * offsets, with a hash walk over the host and a look at the path's last characters: no parsing,
 * no regular expression, no allocation. Anything it cannot prove sends the URL to the rules.
 * test/unit/fuzz/ and test/unit/classify/wpt-url.test.ts check that both always agree.
 */

/** Host-table flags: a vendor's domain or host (parents count), an app store naming apps by id (exact host). */
export const VENDOR_HOST = 1;
const ID_ONLY_STORE = 2;

const hostTables = new WeakMap<CompiledRegistry, HostTable>();
let lastRegistry: CompiledRegistry | null = null;
let lastTable: HostTable | null = null;

export function hostTableOf(registry: CompiledRegistry): HostTable {
  if (registry === lastRegistry) return lastTable!;
  let table = hostTables.get(registry);
  if (table === undefined) {
    const entries = new Map<string, number>();
    for (const host of registry.byDomain.keys()) entries.set(host, VENDOR_HOST);
    for (const host of ID_ONLY_STORE_HOSTS) entries.set(host, (entries.get(host) ?? 0) | ID_ONLY_STORE);
    table = new HostTable(entries);
    hostTables.set(registry, table);
  }
  lastRegistry = registry;
  lastTable = table;
  return table;
}

/** True only when the full classifier certainly gives the scanned URL no verdict. */
export function plainlyUnrelated(text: string, scan: UrlScan, registry: CompiledRegistry): boolean {
  if (scan.named) return false;
  // The classifier's host drops one trailing dot.
  let hostEnd = scan.hostEnd;
  if (text.charCodeAt(hostEnd - 1) === 46) hostEnd--;
  if (hostEnd === scan.hostStart) return false;
  const flags = hostTableOf(registry).walk(text, scan.hostStart, hostEnd);
  if (((flags >> 8) & VENDOR_HOST) !== 0 || (flags & ID_ONLY_STORE) !== 0) return false;
  if (mayEndInInstaller(text, scan)) return false;
  return !scan.hrefHasPercent || decodedNamesPattern(text, scan, registry.automaton) === false;
}

/** The path's last segment may end in an installer extension (always true when it is not plain ASCII). */
function mayEndInInstaller(text: string, scan: UrlScan): boolean {
  const { lastSegmentStart, pathEnd } = scan;
  if (pathEnd <= lastSegmentStart) return false;
  if (!scan.lastSegmentPlain) return true;
  if (scan.lastSegmentDot < 0) return false;
  for (const extension of INSTALLER_EXTENSIONS) {
    const dot = pathEnd - extension.length - 1;
    if (dot < lastSegmentStart || text.charCodeAt(dot) !== 46) continue;
    let same = true;
    for (let k = 0; k < extension.length && same; k++) {
      const unit = text.charCodeAt(dot + 1 + k);
      same = (unit >= 65 && unit <= 90 ? unit + 32 : unit) === extension.charCodeAt(k);
    }
    if (same) return true;
  }
  return false;
}
