/**
 * One source of colour: src/theme/tokens.css holds every colour token, light and dark, and the
 * pages' style sheets and the content script's warning and marks use those tokens, no colours of
 * their own (the brand mark's own fills aside, which are not CSS).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const tokens = readFileSync(join(ROOT, 'src/theme/tokens.css'), 'utf8');

const definedIn = (css: string) => [...css.matchAll(/(--[a-z-]+)\s*:/g)].map((m) => m[1]!).sort();

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

describe('colour tokens', () => {
  it('define every token for light and for dark', () => {
    const dark = tokens.indexOf('@media (prefers-color-scheme: dark)');
    expect(dark).toBeGreaterThan(0);
    const light = definedIn(tokens.slice(0, dark));
    expect(light.length).toBeGreaterThan(20);
    expect(definedIn(tokens.slice(dark))).toEqual(light);
  });

  it("are the only colours in the pages' style sheets and in the content script", () => {
    const files = [...filesUnder(join(ROOT, 'src/ui'), /\.css$/), ...filesUnder(join(ROOT, 'src/content'), /\.ts$/)];
    expect(files.some((file) => file.endsWith('banner.ts'))).toBe(true);
    for (const file of files) {
      // Shadows are not colour tokens: a dark shade at low opacity works on any scheme.
      const withoutShadows = readFileSync(file, 'utf8').replace(/[^;{}`]*shadow:[^;{}]*;/g, '');
      expect(withoutShadows.match(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/gi) ?? [], relative(ROOT, file)).toEqual([]);
    }
  });

  it('reach the in-page warning on an element inside its shadow root, not on :host or :root', () => {
    expect(tokens).toMatch(/^:root,\n\[data-vg-tokens\] \{/m);
    for (const file of ['src/content/banner.ts', 'src/content/marks.ts']) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      expect(source, file).toContain("from '../theme/tokens.css?inline'");
      expect(source, file).toContain("setAttribute('data-vg-tokens', '')");
    }
  });
});
