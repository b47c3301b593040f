import { hostIn } from '../classify/rule.ts';
import type { BuiltInVendor } from './types.ts';

/**
 * Which vendor's installed software made a request, from the vendor data's `softwareTraffic`
 * (src/data/vendors/): its update, reputation and activation hosts and paths. For the CLI, which
 * counts these apart in an organisation's proxy log; the extension never flags them.
 */
export interface SoftwareTrafficMatcher {
  /**
   * The vendor id, or null. `path` is the request's path, or null when only the host is known (an
   * HTTPS tunnel through a proxy). `host` in lower case, without a trailing dot.
   */
  vendorOf(host: string, path: string | null): string | null;
}

export function compileSoftwareTraffic(vendors: readonly Pick<BuiltInVendor, 'id' | 'softwareTraffic'>[]): SoftwareTrafficMatcher {
  const hosts = new Map<string, string>();
  const patterns: { vendor: string; host: RegExp }[] = [];
  const paths: { vendor: string; hosts: Set<string>; path: RegExp }[] = [];
  for (const vendor of vendors) {
    const traffic = vendor.softwareTraffic;
    if (!traffic) continue;
    for (const host of traffic.hosts) hosts.set(host.toLowerCase(), vendor.id);
    for (const source of traffic.hostPatterns) patterns.push({ vendor: vendor.id, host: new RegExp(source, 'i') });
    for (const entry of traffic.paths) {
      paths.push({ vendor: vendor.id, hosts: new Set(entry.hosts.map((h) => h.toLowerCase())), path: new RegExp(entry.path, 'i') });
    }
  }
  const byHost = { has: (host: string) => hosts.has(host) };
  return {
    vendorOf(host, path) {
      if (hostIn(host, byHost)) {
        for (let rest = host; ; rest = rest.slice(rest.indexOf('.') + 1)) {
          const vendor = hosts.get(rest);
          if (vendor !== undefined) return vendor;
        }
      }
      for (const pattern of patterns) if (pattern.host.test(host)) return pattern.vendor;
      if (path !== null) for (const entry of paths) if (entry.path.test(path) && hostIn(host, entry.hosts)) return entry.vendor;
      return null;
    },
  };
}
