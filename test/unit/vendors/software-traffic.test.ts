/**
 * "Software still installed": each vendor's update, reputation and activation requests
 * (softwareTraffic in src/data/vendors/) are recognised as such by the CLI's matcher, and the
 * extension never flags them: no purchase or download verdict, so no banner, block or badge.
 */
import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { isFlagged } from '../../../src/core/classify/verdict.ts';
import { decide } from '../../../src/core/policy/decide.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import { compileSoftwareTraffic } from '../../../src/core/vendors/software-traffic.ts';

const matcher = compileSoftwareTraffic(VENDORS);

/** Host and path of a URL, or of "host:port" as a proxy logs a tunnel (no path). */
function request(example: string): { host: string; path: string | null; url: string } {
  const tunnel = /^([a-z0-9.-]+):\d+$/i.exec(example);
  if (tunnel) return { host: tunnel[1]!.toLowerCase(), path: null, url: `https://${tunnel[1]}/` };
  const url = new URL(example);
  return { host: url.hostname, path: url.pathname, url: example };
}

const withTraffic = VENDORS.filter((vendor) => vendor.softwareTraffic);

describe('software still installed', () => {
  it('is described, with sources, for Kaspersky', () => {
    expect(withTraffic.map((vendor) => vendor.id)).toContain('kaspersky');
    for (const vendor of withTraffic) {
      expect(vendor.softwareTraffic!.sources.length, vendor.id).toBeGreaterThan(0);
      for (const source of vendor.softwareTraffic!.sources) expect(source.url, vendor.id).toMatch(/^https:\/\//);
    }
  });

  it.each(withTraffic.map((vendor) => [vendor.id, vendor] as const))(
    '%s: every example counts, and none of the pages does',
    (id, vendor) => {
      for (const example of vendor.softwareTraffic!.examples) {
        const { host, path } = request(example);
        expect(matcher.vendorOf(host, path), example).toBe(id);
      }
      for (const example of vendor.softwareTraffic!.notExamples) {
        const { host, path } = request(example);
        expect(matcher.vendorOf(host, path), example).toBeNull();
      }
    },
  );

  it.each(withTraffic.map((vendor) => [vendor.id, vendor] as const))(
    '%s: the extension gives these requests no page verdict',
    (_id, vendor) => {
      for (const example of vendor.softwareTraffic!.examples) {
        const verdict = classifyUrl(request(example).url);
        expect(isFlagged(verdict), `${example}: ${JSON.stringify(verdict)}`).toBe(false);
        const decision = decide(verdict, { ...DEFAULT_SETTINGS, mode: 'block' }, '', { dismissed: false, proceeded: false });
        expect([decision.banner, decision.block, decision.badge], example).toEqual([false, false, false]);
      }
    },
  );

  it('reads hosts in any case and without their subdomains only where listed', () => {
    expect(matcher.vendorOf('s07.upd.kaspersky.com', '/x')).toBe('kaspersky');
    expect(matcher.vendorOf('dnl-07.geo.kaspersky.com', null)).toBe('kaspersky');
    expect(matcher.vendorOf('dnl-7.geo.kaspersky.com', null)).toBeNull();
    expect(matcher.vendorOf('kaspersky.com', '/downloads')).toBeNull();
    expect(matcher.vendorOf('upd.kaspersky.com.example', null)).toBeNull();
  });
});
