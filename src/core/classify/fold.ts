/**
 * Case folding without regular expressions, one UTF-16 code unit at a time, as the classifier's
 * token tests see text:
 *
 * - `canonUnit`: what a case-insensitive, non-unicode RegExp (`/kaspersky/i`) compares
 *   (ECMA-262 Canonicalize: the upper case when it is one code unit, except that a non-ASCII
 *   unit never folds into ASCII);
 * - `lowerCanonUnit`: the same after `toLowerCase()`, which is what a token test on a lower-cased
 *   URL path compares. `toLowerCase()` maps each code unit on its own except U+0130 (İ, which
 *   becomes "i̇", two units) and U+03A3 (Σ, whose lower case depends on the next letter): for those
 *   it answers `CONTEXT_DEPENDENT`. Supplementary characters lower-case to supplementary
 *   characters (test/unit/classify/fold.test.ts checks every one), so their surrogates can only
 *   ever match surrogates.
 *
 * ASCII is a table lookup; other units are folded a block of 256 at a time, the first time a
 * block is met, so a page in Cyrillic costs one block's worth of `toUpperCase()` calls once.
 */

/** A unit whose lower case is not one code unit of its own (U+0130, U+03A3). */
export const CONTEXT_DEPENDENT = -1;

const canonBlocks: (Uint16Array | undefined)[] = [];
const lowerCanonBlocks: (Int32Array | undefined)[] = [];

function canonOfString(ch: string): number {
  const unit = ch.charCodeAt(0);
  const upper = ch.toUpperCase();
  if (upper.length !== 1) return unit;
  const upperUnit = upper.charCodeAt(0);
  return unit >= 128 && upperUnit < 128 ? unit : upperUnit;
}

function fillBlock(block: number): void {
  const canon = new Uint16Array(256);
  const lowerCanon = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    const unit = (block << 8) | i;
    const ch = String.fromCharCode(unit);
    canon[i] = canonOfString(ch);
    const lower = ch.toLowerCase();
    lowerCanon[i] = lower.length === 1 && unit !== 0x3a3 ? canonOfString(lower) : CONTEXT_DEPENDENT;
  }
  canonBlocks[block] = canon;
  lowerCanonBlocks[block] = lowerCanon;
}

/** What `/x/i` compares for the code unit `unit`. */
export function canonUnit(unit: number): number {
  if (unit < 128) return unit >= 97 && unit <= 122 ? unit - 32 : unit;
  const block = unit >> 8;
  if (canonBlocks[block] === undefined) fillBlock(block);
  return canonBlocks[block]![unit & 255]!;
}

/** What `/x/i` compares for `unit` after `toLowerCase()`, or CONTEXT_DEPENDENT. */
export function lowerCanonUnit(unit: number): number {
  if (unit < 128) return unit >= 97 && unit <= 122 ? unit - 32 : unit;
  const block = unit >> 8;
  if (lowerCanonBlocks[block] === undefined) fillBlock(block);
  return lowerCanonBlocks[block]![unit & 255]!;
}
