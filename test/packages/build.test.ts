/**
 * What the built extension carries of src/data/: the facts (domains, tables, words), and none of
 * the example URLs, which only the tests need (vite.config.ts, dataWithoutExamples); and the
 * privacy policy the options page links to, rendered from docs/privacy.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelledExamples } from '../../src/core/classify/examples.ts';
import { DIST, ROOT } from '../../harness/paths.ts';
import { PRIVACY_PAGE, privacyPageHtml } from '../../scripts/privacy-page.ts';
import { FIREFOX_DIST } from '../../harness/firefox/runner.ts';

/** The text of every script of a build. */
function scripts(dir: string): string {
  return readdirSync(dir).reduce((text, name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return text + scripts(file);
    return name.endsWith('.js') ? text + readFileSync(file, 'utf8') : text;
  }, '');
}

describe.each([
  ['Chrome', DIST],
  ['Firefox', FIREFOX_DIST],
])('the %s build', (_name, dist) => {
  const text = scripts(dist);

  it('carries the vendor data and the tables the classifier reads', () => {
    for (const fact of ['kaspersky-labs.com', 'bhphotovideo', 'softonic', 'play.google.com', 'searchpage.jsp'])
      expect(text, fact).toContain(fact);
  });

  it('carries none of the example URLs', () => {
    const examples = labelledExamples().map((example) => example.url);
    expect(examples.length).toBeGreaterThan(300);
    expect(examples.filter((url) => text.includes(url))).toEqual([]);
  });

  it('carries the privacy policy as it is in docs/privacy.md, at the address the options page links to', () => {
    const page = readFileSync(path.join(dist, PRIVACY_PAGE), 'utf8');
    expect(page).toBe(privacyPageHtml(path.join(ROOT, 'docs/privacy.md')));
    expect(page).toContain('<h1>Vendor Guard privacy policy</h1>');
    expect(page).not.toMatch(/<script/i);
    const options = readFileSync(path.join(ROOT, 'src/ui/options/Page.tsx'), 'utf8');
    expect(options).toContain(`href="/${PRIVACY_PAGE}"`);
  });
});
