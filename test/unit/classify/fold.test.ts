/**
 * The token automaton and its case folding (src/core/classify/token-automaton.ts, fold.ts) stand
 * in for a case-insensitive alternation of the tokens: same matches, same first match, on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_DEPENDENT, canonUnit, lowerCanonUnit } from '../../../src/core/classify/fold.ts';
import { TokenAutomaton } from '../../../src/core/classify/token-automaton.ts';
import { buildRegistry } from '../../../src/core/classify/url.ts';
import { escapeRegExp } from '../../../src/core/text.ts';

describe('case folding', () => {
  it('matches what a /i RegExp compares, for every BMP code unit', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      // A unit folds to itself or to one that /i takes for it.
      const other = String.fromCharCode(canonUnit(unit));
      if (other !== ch && !new RegExp(escapeRegExp(ch), 'i').test(other)) {
        throw new Error(`U+${unit.toString(16)} folds to U+${canonUnit(unit).toString(16)}`);
      }
      const lower = ch.toLowerCase();
      if (lowerCanonUnit(unit) === CONTEXT_DEPENDENT) expect([0x130, 0x3a3]).toContain(unit);
      else expect(lower.length, `U+${unit.toString(16)}`).toBe(1);
    }
  });

  it('relies on supplementary characters lower-casing to supplementary characters', () => {
    for (let codePoint = 0x10000; codePoint < 0x110000; codePoint++) {
      const lower = String.fromCodePoint(codePoint).toLowerCase();
      if (lower.length !== 2 || lower.codePointAt(0)! < 0x10000) throw new Error(`U+${codePoint.toString(16)} lower-cases to ${lower}`);
    }
  });
});

describe('the token automaton', () => {
  const registry = buildRegistry();
  const tokens = [...registry.byToken.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(tokens.map(escapeRegExp).join('|'), 'i');
  const automaton = new TokenAutomaton(tokens);
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .array(fc.constantFrom(...tokens, ...tokens.map((t) => t.toUpperCase()), 'КАСП', 'kasp', 'ersky', 'x', ' ', 'İ', 'K'), {
        maxLength: 8,
      })
      .map((parts) => parts.join('')),
  );

  it('finds the first token where the alternation does, in any text (20,000 texts)', () => {
    fc.assert(
      fc.property(text, (sample) => {
        const match = pattern.exec(sample);
        const ours = automaton.firstMatch(sample);
        expect(ours && { token: tokens[ours.id], index: ours.index }).toEqual(
          match && { token: match[0].toLowerCase(), index: match.index },
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('is the literal tokens and the literal start of every other name, longest first, then owned labels that are none of them', () => {
    const cheap = registry.automaton.patterns.slice(0, registry.tokenCount);
    expect([...cheap].sort((a, b) => b.length - a.length)).toEqual(cheap);
    // Whole-word names ("hik connect") are looked for by their start ("hik"), literal ones as they are.
    for (const token of registry.byToken.keys())
      expect(
        cheap.some((start) => token.startsWith(start)),
        token,
      ).toBe(true);
    for (const label of registry.automaton.patterns.slice(registry.tokenCount)) expect(registry.byOwnedLabel.has(label), label).toBe(true);
  });
});
