import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, FIREFOX_ADDON_ID, VENDOR_GUARD_IDS } from '../../src/core/identity.ts';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as { key: string };

/** Chrome's id for a public key: the first 32 hex digits of SHA-256 of the DER key, each digit 0-f written a-p. */
function chromeIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

describe('identity', () => {
  it('has the Chrome extension id that the manifest key gives', () => {
    expect(chromeIdOf(manifest.key)).toBe(CHROME_EXTENSION_ID);
    expect(VENDOR_GUARD_IDS.chrome).toBe(CHROME_EXTENSION_ID);
  });

  it('is an id Chrome can have: 32 letters a to p', () => {
    expect(CHROME_EXTENSION_ID).toMatch(/^[a-p]{32}$/);
  });

  it.each(['README.md', 'docs/admin.md', 'docs/policies/firefox-policies.json'])('%s names the ids the extension has', (file) => {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    // Extension ids are 32 letters a to p; the Firefox id is vendor-guard@<domain>.
    const ids = [...(text.match(/(?<![a-z])[a-p]{32}(?![a-z])/g) ?? []), ...(text.match(/vendor-guard@[\w.-]+/g) ?? [])];
    expect(ids.length, `${file} names no id`).toBeGreaterThan(0);
    for (const id of ids) expect([CHROME_EXTENSION_ID, FIREFOX_ADDON_ID], `${file}: ${id}`).toContain(id);
  });
});
