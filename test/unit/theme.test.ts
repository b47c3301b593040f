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

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
};

const valuesIn = (css: string) => Object.fromEntries([...css.matchAll(/(--[a-z-]+)\s*:\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]));

describe("the notice's colours", () => {
  const dark = tokens.indexOf('@media (prefers-color-scheme: dark)');
  it.each([
    ['light', valuesIn(tokens.slice(0, dark))],
    ['dark', valuesIn(tokens.slice(dark))],
  ])('keep text readable in %s (WCAG AA, 4.5:1): the banner, its buttons and the tile marks', (_scheme, values) => {
    const pairs: [string, string][] = [
      ['--text', '--info-bg'], // the notice banner's and the popup's text
      ['--muted', '--info-bg'], // its fine print
      ['--accent', '--info-bg'], // its links
      ['--info-strong', '--surface-raised'], // its buttons
      ['--info-strong', '--info-soft'], // a button hovered or open
      ['--info-contrast', '--info'], // the primary button
      ['--info-strong', '--info-bg'], // a tile mark's text, the popup's eyebrow
    ];
    for (const [fg, bg] of pairs) {
      expect(values[fg], fg).toMatch(/^#/);
      expect(values[bg], bg).toMatch(/^#/);
      expect(contrast(values[fg]!, values[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
