/**
 * The store listing kit (store/) stays true and within the stores' limits: every language has a
 * listing, vendor-specific text only in its "Vendors covered" section and every built-in vendor
 * there, every permission of the manifest justified in the privacy practices and the privacy
 * policy, and screenshots at the sizes the stores take.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VENDORS } from '../../src/core/vendors/index.ts';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const LANGUAGES = ['en', 'de', 'fr', 'es'];

/** The listing's sections by their `#`/`##` heading. */
function sections(markdown: string): Map<string, string> {
  const map = new Map<string, string>();
  const title = /^# (.+)$/m.exec(markdown);
  if (title) map.set('Title', title[1]!.trim());
  for (const [, heading, body] of markdown.matchAll(/^## (.+)\n([^]*?)(?=^## |(?![^]))/gm)) map.set(heading!.trim(), body!.trim());
  return map;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: URL): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe.each(LANGUAGES)('the %s listing', (lang) => {
  const listing = sections(read(`store/listing/${lang}.md`));

  it('has a title, a short description and a description within the stores’ limits', () => {
    expect([...listing.keys()]).toEqual(['Title', 'Short description', 'Description', 'Vendors covered']);
    expect(listing.get('Title')).toBe('Vendor Guard');
    const short = listing.get('Short description')!;
    expect(short.length).toBeGreaterThan(40);
    expect(short.length).toBeLessThanOrEqual(132); // Chrome Web Store summary
    expect(short).not.toContain('\n');
    const description = `${listing.get('Description')!}\n\n${listing.get('Vendors covered')!}`;
    expect(description.length).toBeLessThanOrEqual(16_000);
  });

  it('names every built-in vendor under "Vendors covered", and no vendor anywhere else', () => {
    const vendorsSection = listing.get('Vendors covered')!;
    const elsewhere = [...listing].filter(([heading]) => heading !== 'Vendors covered').map(([, text]) => text);
    for (const vendor of VENDORS) {
      expect(vendorsSection, vendor.name).toContain(vendor.name);
      for (const text of elsewhere) expect(text, vendor.name).not.toContain(vendor.name);
    }
  });

  it('has the four 1280 × 800 screenshots and the 440 × 280 promotional tile', () => {
    const dir = new URL(`store/screenshots/${lang}/`, root);
    expect(readdirSync(dir).sort()).toEqual(['1-banner.png', '2-why.png', '3-options.png', '4-blocked.png', 'promo-tile.png']);
    for (const name of ['1-banner.png', '2-why.png', '3-options.png', '4-blocked.png']) {
      expect(pngSize(new URL(name, dir)), name).toEqual({ width: 1280, height: 800 });
    }
    expect(pngSize(new URL('promo-tile.png', dir))).toEqual({ width: 440, height: 280 });
  });
});

describe('privacy practices and privacy policy', () => {
  const manifest = JSON.parse(read('manifest.json')) as { permissions: string[]; optional_host_permissions: string[] };

  it.each(['store/privacy-practices.md', 'docs/privacy.md'])('%s justifies every permission the manifest asks for', (file) => {
    const text = read(file);
    expect(manifest.permissions.length).toBeGreaterThan(3);
    for (const permission of manifest.permissions) expect(text, permission).toContain(`\`${permission}\``);
    expect(text).toContain('`host_permissions`');
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(text).toContain('`optional_host_permissions`');
  });

  it('the practices state a single purpose, no remote code and no data use', () => {
    const practices = sections(read('store/privacy-practices.md'));
    expect(practices.get('Single purpose')).toMatch(/warns people before they buy or download/);
    expect(practices.get('Remote code')).toMatch(/^No\./);
    expect(practices.get('Data usage')).toMatch(/collects and transmits no user data/);
  });
});
