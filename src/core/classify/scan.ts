/**
 * A hand-written, one-pass reader of absolute http(s) URLs: where the scheme, host, port, path,
 * query and fragment start and end, exactly as the WHATWG URL parser would read them, or that the
 * parser would refuse the text, or that the text is one this reader leaves to the parser (it
 * then says "defer", never a wrong answer). Nothing is allocated: the answer is written into the
 * one `UrlScan` object the caller passes, as offsets into the input.
 *
 * It reads what almost every URL in a browser or a proxy log is: an ASCII host name (any case),
 * an optional port, and a path, query and fragment in any characters. It defers on what the
 * parser rewrites in ways that take more than a table: tabs and newlines anywhere, user names and
 * passwords, percent-encoded or non-ASCII hosts (IDNA), punycode labels, hosts the parser reads as
 * IPv4 numbers, IPv6 literals, "." and ".." segments and backslashes in the path, "^" in the path
 * (the URL standard changed its encoding in 2024), and schemes other than http and https.
 * test/unit/classify/wpt-url.test.ts holds it to the parser on the URL standard's own test data.
 *
 * While reading, it feeds the URL's serialisation (what `new URL(text).href` gives) through the
 * registry's token automaton, so the same pass answers "does the URL name a vendor" (see
 * fast-path.ts).
 */
import { CONTEXT_DEPENDENT, lowerCanonUnit } from './fold.ts';
import type { TokenAutomaton } from './token-automaton.ts';

/** The parser would accept the URL, and the offsets say how it reads it. */
export const SCAN_WEB = 0;
/** The parser would refuse the text (`new URL(text)` throws). */
export const SCAN_INVALID = 1;
/** Left to the parser: not http(s), or a form this reader does not take apart itself. */
export const SCAN_DEFER = 2;

export type ScanOutcome = typeof SCAN_WEB | typeof SCAN_INVALID | typeof SCAN_DEFER;

/** Where each part of a URL is in the text; only meaningful when `outcome` is SCAN_WEB. */
export class UrlScan {
  outcome: ScanOutcome = SCAN_DEFER;
  https = false;
  /** The host name, as typed (the parser lower-cases it). */
  hostStart = 0;
  hostEnd = 0;
  /** The port as a number when it is not the scheme's default, else -1. */
  port = -1;
  /** The path as typed; empty when the URL has none (the parser then gives "/"). */
  pathStart = 0;
  pathEnd = 0;
  /** After the "?", or -1 without one; the query ends where the fragment's "#" is, or at the end. */
  queryStart = -1;
  queryEnd = 0;
  /** After the "#", or -1 without one. */
  fragmentStart = -1;
  end = 0;
  /** The host has an upper-case letter, so the parser's host is not the text as typed. */
  hostHasUpperCase = false;
  /** Some character of the path, query or fragment is one the parser percent-encodes. */
  encodes = false;
  /** A "%" in the path or query as typed. */
  hasPercent = false;
  /** The serialisation has a "%" (typed, or the parser's encoding): the rules then also read the path and query decoded. */
  hrefHasPercent = false;
  /** The last path segment has a "." and no "%" or non-ASCII character: its extension can be read as typed. */
  lastSegmentStart = 0;
  lastSegmentPlain = true;
  /** The serialisation fed through the automaton reached an accepting state. */
  named = false;
}

const SLASH = 47;
const BACKSLASH = 92;
const QUESTION = 63;
const HASH = 35;
const COLON = 58;
const PERCENT = 37;
const DOT = 46;

const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSchemeUnit = (c: number) => isAlpha(c) || isDigit(c) || c === 43 || c === 45 || c === 46;
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
/** The ASCII letter at `text[k]` in lower case (other units changed in bit 5 only). */
const lowerAt = (text: string, k: number) => text.charCodeAt(k) | 32;
const hexValue = (c: number) => (c <= 57 ? c - 48 : (c | 32) - 87);

/** Code points JavaScript's `trim()` removes that are not ASCII (the parser only trims C0 and space). */
const isUnicodeSpace = (c: number) =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * Units forbidden in a host name (the URL standard's forbidden domain code points, less tab and
 * newlines, which the parser removes first, and "%", which this reader defers on): the parser
 * refuses the URL.
 */
function forbiddenInHost(c: number): boolean {
  return c < 0x20 || c === 0x20 || c === 0x3c || c === 0x3e || c === 0x5e || c === 0x7c || c === 0x7f;
}

/**
 * Units the parser percent-encodes in the path, query and fragment of a special URL (besides
 * anything above U+007E and C0 controls): space and '"' '<' '>' everywhere, "`" "{" "}" in the path,
 * "'" in the query, "`" in the fragment.
 */
const PATH = 0;
const QUERY = 1;
const FRAGMENT = 2;
function encodedIn(part: number, c: number): boolean {
  if (c <= 0x20 || c > 0x7e || c === 0x22 || c === 0x3c || c === 0x3e) return true;
  if (part === PATH) return c === 0x60 || c === 0x7b || c === 0x7d;
  if (part === QUERY) return c === 0x27;
  return c === 0x60;
}

/** Feeds text through an automaton and remembers whether a pattern ended. */
class Feeder {
  state = 0;
  named = false;
  automaton: TokenAutomaton | null = null;

  reset(automaton: TokenAutomaton | null): void {
    this.automaton = automaton;
    this.state = 0;
    this.named = false;
  }

  /** An ASCII code unit. */
  ascii(c: number): void {
    const a = this.automaton;
    if (a === null) return;
    this.state = a.next[this.state * a.width + a.asciiSymbol[c]!]!;
    if (a.accepting[this.state] === 1) this.named = true;
  }

  /** An already folded unit of any kind. */
  folded(unit: number): void {
    const a = this.automaton;
    if (a === null) return;
    this.state = a.next[this.state * a.width + a.symbolOfFolded(unit)]!;
    if (a.accepting[this.state] === 1) this.named = true;
  }

  /** "%XY" for one byte, as the parser writes it (upper-case hex). */
  percentByte(byte: number): void {
    this.ascii(PERCENT);
    const high = byte >> 4;
    const low = byte & 15;
    this.ascii(high < 10 ? 48 + high : 55 + high);
    this.ascii(low < 10 ? 48 + low : 55 + low);
  }

  /** The parser's percent-encoding of the character at `text[i]`; returns how many units it took. */
  encoded(text: string, i: number): number {
    let codePoint = text.charCodeAt(i);
    let width = 1;
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        width = 2;
      }
    }
    // A lone surrogate is written as U+FFFD.
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) codePoint = 0xfffd;
    if (codePoint < 0x80) this.percentByte(codePoint);
    else if (codePoint < 0x800) {
      this.percentByte(0xc0 | (codePoint >> 6));
      this.percentByte(0x80 | (codePoint & 63));
    } else if (codePoint < 0x10000) {
      this.percentByte(0xe0 | (codePoint >> 12));
      this.percentByte(0x80 | ((codePoint >> 6) & 63));
      this.percentByte(0x80 | (codePoint & 63));
    } else {
      this.percentByte(0xf0 | (codePoint >> 18));
      this.percentByte(0x80 | ((codePoint >> 12) & 63));
      this.percentByte(0x80 | ((codePoint >> 6) & 63));
      this.percentByte(0x80 | (codePoint & 63));
    }
    return width;
  }
}

const feeder = new Feeder();

/**
 * Reads `text` into `out`. With an automaton, also feeds the URL's serialisation through it and
 * sets `out.named` when a pattern occurs in it.
 */
export function scanUrl(text: string, out: UrlScan, automaton: TokenAutomaton | null = null): ScanOutcome {
  out.outcome = SCAN_DEFER;
  out.named = false;
  const length = text.length;
  if (length === 0) return (out.outcome = SCAN_INVALID);
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(length - 1);
  // Leading and trailing spaces and controls are trimmed (by the caller and the parser): not here.
  if (first <= 0x20 || last <= 0x20 || isUnicodeSpace(first) || isUnicodeSpace(last)) return SCAN_DEFER;
  // Without a base URL, text that does not start with a scheme is no URL.
  if (!isAlpha(first)) return first >= 0x80 ? SCAN_DEFER : (out.outcome = SCAN_INVALID);

  // Scheme.
  let i = 1;
  while (i < length && isSchemeUnit(text.charCodeAt(i))) i++;
  if (i === length) return (out.outcome = SCAN_INVALID);
  const afterScheme = text.charCodeAt(i);
  if (afterScheme !== COLON) {
    // Tab and newlines are removed before parsing ("ht\ttp:"); anything else ends the would-be scheme.
    return afterScheme === 9 || afterScheme === 10 || afterScheme === 13 ? SCAN_DEFER : (out.outcome = SCAN_INVALID);
  }
  const schemeLength = i;
  if (
    schemeLength < 4 ||
    schemeLength > 5 ||
    lowerAt(text, 0) !== 104 ||
    lowerAt(text, 1) !== 116 ||
    lowerAt(text, 2) !== 116 ||
    lowerAt(text, 3) !== 112
  ) {
    return SCAN_DEFER;
  }
  const https = schemeLength === 5;
  if (https && lowerAt(text, 4) !== 115) return SCAN_DEFER;
  out.https = https;
  feeder.reset(automaton);
  for (let k = 0; k < schemeLength; k++) feeder.ascii(text.charCodeAt(k) | 32);
  feeder.ascii(COLON);
  feeder.ascii(SLASH);
  feeder.ascii(SLASH);
  i++;

  // Any run of "/" and "\" after a special scheme is skipped.
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c !== SLASH && c !== BACKSLASH) break;
    i++;
  }

  // Authority: the host, and a port after ":".
  const hostStart = i;
  let hostEnd = -1;
  let labelStart = i;
  let hasUpper = false;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === SLASH || c === BACKSLASH || c === QUESTION || c === HASH) break;
    if (c === COLON) {
      if (hostEnd < 0) hostEnd = i;
      continue;
    }
    if (hostEnd >= 0) {
      // Port.
      if (!isDigit(c)) return refuseUnlessUserinfo(text, i, out);
      continue;
    }
    if (c >= 0x80) return SCAN_DEFER;
    if (c >= 65 && c <= 90) {
      hasUpper = true;
      continue;
    }
    if (c === DOT) {
      labelStart = i + 1;
      continue;
    }
    if ((c >= 97 && c <= 122) || isDigit(c) || c === 45 || c === 95) {
      // "xn--" starts a punycode label, which the parser decodes and checks.
      if (
        c === 45 &&
        i === labelStart + 3 &&
        lowerAt(text, labelStart) === 120 &&
        lowerAt(text, labelStart + 1) === 110 &&
        text.charCodeAt(labelStart + 2) === 45
      ) {
        return SCAN_DEFER;
      }
      continue;
    }
    // Userinfo, IPv6 literals, percent-encoded hosts, tabs and newlines: the parser's business.
    if (c === 0x40 || c === 0x5b || c === 0x5d || c === PERCENT || c === 9 || c === 10 || c === 13) return SCAN_DEFER;
    if (forbiddenInHost(c)) return refuseUnlessUserinfo(text, i, out);
  }
  const authorityEnd = i;
  if (hostEnd < 0) hostEnd = authorityEnd;
  if (hostEnd === hostStart) return (out.outcome = SCAN_INVALID);
  // "…:" followed by more ":" reads as a port with a colon in it: refused.
  let port = -1;
  if (hostEnd < authorityEnd) {
    let value = 0;
    let digits = 0;
    for (let k = hostEnd + 1; k < authorityEnd; k++) {
      const c = text.charCodeAt(k);
      if (!isDigit(c)) return (out.outcome = SCAN_INVALID);
      value = value * 10 + (c - 48);
      digits++;
      if (value > 65535) return (out.outcome = SCAN_INVALID);
    }
    if (digits > 0 && value !== (https ? 443 : 80)) port = value;
  }
  // A last label that starts with a digit may make the host an IPv4 address ("1.2.3.4", "0x7f.1").
  let lastLabel = hostEnd;
  while (lastLabel > hostStart && text.charCodeAt(lastLabel - 1) === DOT && lastLabel === hostEnd) lastLabel--;
  let lastLabelStart = lastLabel;
  while (lastLabelStart > hostStart && text.charCodeAt(lastLabelStart - 1) !== DOT) lastLabelStart--;
  if (lastLabelStart < lastLabel && isDigit(text.charCodeAt(lastLabelStart))) return SCAN_DEFER;
  for (let k = hostStart; k < hostEnd; k++) feeder.ascii(text.charCodeAt(k));
  if (port >= 0) {
    feeder.ascii(COLON);
    // The port as the parser writes it: without leading zeros.
    let digitsStart = hostEnd + 1;
    while (digitsStart < authorityEnd - 1 && text.charCodeAt(digitsStart) === 48) digitsStart++;
    for (let k = digitsStart; k < authorityEnd; k++) feeder.ascii(text.charCodeAt(k));
  }

  // Path.
  out.pathStart = i;
  let encodes = false;
  let hasPercent = false;
  let segmentStart = i + 1;
  let lastSegmentPlain = true;
  if (i === length || text.charCodeAt(i) === QUESTION || text.charCodeAt(i) === HASH) {
    feeder.ascii(SLASH);
    segmentStart = i;
  } else {
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUESTION || c === HASH) break;
      if (c === SLASH || c === BACKSLASH) {
        if (c === BACKSLASH || dotSegment(text, segmentStart, i)) return SCAN_DEFER;
        segmentStart = i + 1;
        lastSegmentPlain = true;
        feeder.ascii(SLASH);
        continue;
      }
      if (c === 9 || c === 10 || c === 13 || c === 0x5e) return SCAN_DEFER;
      if (c === PERCENT) {
        hasPercent = true;
        lastSegmentPlain = false;
      }
      if (encodedIn(PATH, c)) {
        encodes = true;
        if (c >= 0x80) lastSegmentPlain = false;
        i += feeder.encoded(text, i) - 1;
      } else feeder.ascii(c);
    }
    if (dotSegment(text, segmentStart, i)) return SCAN_DEFER;
  }
  out.pathEnd = i;
  out.lastSegmentStart = segmentStart;
  out.lastSegmentPlain = lastSegmentPlain;

  // Query.
  out.queryStart = -1;
  out.queryEnd = i;
  if (i < length && text.charCodeAt(i) === QUESTION) {
    feeder.ascii(QUESTION);
    out.queryStart = ++i;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === HASH) break;
      if (c === 9 || c === 10 || c === 13) return SCAN_DEFER;
      if (c === PERCENT) hasPercent = true;
      if (encodedIn(QUERY, c)) {
        encodes = true;
        i += feeder.encoded(text, i) - 1;
      } else feeder.ascii(c);
    }
    out.queryEnd = i;
  }

  // Fragment.
  let fragmentPercent = false;
  out.fragmentStart = -1;
  if (i < length) {
    feeder.ascii(HASH);
    out.fragmentStart = ++i;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === 9 || c === 10 || c === 13) return SCAN_DEFER;
      if (c === PERCENT) fragmentPercent = true;
      if (encodedIn(FRAGMENT, c)) {
        encodes = true;
        i += feeder.encoded(text, i) - 1;
      } else feeder.ascii(c);
    }
  }

  out.hostStart = hostStart;
  out.hostEnd = hostEnd;
  out.port = port;
  out.end = length;
  out.hostHasUpperCase = hasUpper;
  out.encodes = encodes;
  out.hasPercent = hasPercent;
  out.hrefHasPercent = hasPercent || encodes || fragmentPercent;
  out.named = feeder.named;
  return (out.outcome = SCAN_WEB);
}

/**
 * What the authority's character at `text[i]` makes of the URL: a refusal, unless an "@" follows
 * in the authority (the text so far was a user name or password) or a tab or newline does (the
 * parser removes those first): then the parser decides.
 */
function refuseUnlessUserinfo(text: string, i: number, out: UrlScan): ScanOutcome {
  for (let k = i; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === SLASH || c === BACKSLASH || c === QUESTION || c === HASH) break;
    if (c === 0x40 || c === 9 || c === 10 || c === 13) return SCAN_DEFER;
  }
  return (out.outcome = SCAN_INVALID);
}

/** The segment `text[start, end)` is "." or "..", also spelt "%2e" (the parser removes these). */
function dotSegment(text: string, start: number, end: number): boolean {
  let dots = 0;
  for (let k = start; k < end;) {
    if (text.charCodeAt(k) === DOT) {
      dots++;
      k++;
    } else if (text.charCodeAt(k) === PERCENT && k + 2 < end && text.charCodeAt(k + 1) === 50 && (text.charCodeAt(k + 2) | 32) === 101) {
      dots++;
      k += 3;
    } else return false;
    if (dots > 2) return false;
  }
  return dots > 0;
}

/**
 * Feeds the path and the query of a scanned URL through the automaton as the rules read them:
 * percent-decoded (as UTF-8), lower-cased, repeated slashes in the path as one; path and query
 * apart. Returns true when a pattern occurs, false when none does, and null when the text holds
 * a character whose lower case depends on its neighbours (Σ) or a supplementary character the
 * patterns could meet: the caller then leaves the URL to the full classifier.
 */
export function decodedNamesPattern(text: string, scan: UrlScan, automaton: TokenAutomaton): boolean | null {
  const path = feedDecoded(text, scan.pathStart, scan.pathEnd, automaton, true);
  if (path !== false) return path;
  return scan.queryStart < 0 ? false : feedDecoded(text, scan.queryStart, scan.queryEnd, automaton, false);
}

function feedDecoded(text: string, start: number, end: number, automaton: TokenAutomaton, collapseSlashes: boolean): boolean | null {
  feeder.reset(automaton);
  let previousSlash = false;
  for (let i = start; i < end; i++) {
    let unit = text.charCodeAt(i);
    if (unit === PERCENT && i + 2 < end && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      const byte = (hexValue(text.charCodeAt(i + 1)) << 4) | hexValue(text.charCodeAt(i + 2));
      if (byte < 0x80) {
        unit = byte;
        i += 2;
      } else {
        const decoded = decodeUtf8(text, i, end);
        if (decoded < 0) {
          // Not UTF-8: decodeURIComponent fails, and the rules read the text still encoded,
          // which the serialisation already showed the automaton. Anything fed here only adds.
          feeder.ascii(PERCENT);
          continue;
        }
        const codePoint = decoded & 0x1fffff;
        i += (decoded >>> 21) * 3 - 1;
        if (codePoint >= 0x10000) {
          if (automaton.hasSurrogates) return null;
          feeder.folded(0);
          previousSlash = false;
          continue;
        }
        unit = codePoint;
      }
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      if (automaton.hasSurrogates) return null;
      feeder.folded(0);
      previousSlash = false;
      continue;
    }
    if (unit === SLASH || unit === BACKSLASH) {
      // A backslash in a path is a slash to the parser; in a query it stays.
      if (collapseSlashes && unit === SLASH && previousSlash) continue;
      previousSlash = unit === SLASH;
      feeder.ascii(unit);
      continue;
    }
    previousSlash = false;
    if (unit < 128) feeder.ascii(unit);
    else {
      const folded = lowerCanonUnit(unit);
      if (folded === CONTEXT_DEPENDENT) {
        if (unit !== 0x130) return null;
        // İ lower-cases to "i" and a combining dot.
        feeder.ascii(105);
        feeder.folded(lowerCanonUnit(0x307));
      } else feeder.folded(folded);
    }
  }
  return feeder.named;
}

/**
 * The UTF-8 character percent-encoded at `text[i]` ("%D0%BA"), as decodeURIComponent reads it:
 * `codePoint | bytes << 21`, or -1 when the bytes are not valid UTF-8.
 */
function decodeUtf8(text: string, i: number, end: number): number {
  const lead = (hexValue(text.charCodeAt(i + 1)) << 4) | hexValue(text.charCodeAt(i + 2));
  let count: number;
  let codePoint: number;
  let min: number;
  if (lead >= 0xc2 && lead <= 0xdf) [count, codePoint, min] = [2, lead & 0x1f, 0x80];
  else if (lead >= 0xe0 && lead <= 0xef) [count, codePoint, min] = [3, lead & 0x0f, 0x800];
  else if (lead >= 0xf0 && lead <= 0xf4) [count, codePoint, min] = [4, lead & 0x07, 0x10000];
  else return -1;
  for (let k = 1; k < count; k++) {
    const at = i + k * 3;
    if (at + 2 >= end) return -1;
    if (text.charCodeAt(at) !== PERCENT || !isHex(text.charCodeAt(at + 1)) || !isHex(text.charCodeAt(at + 2))) return -1;
    const byte = (hexValue(text.charCodeAt(at + 1)) << 4) | hexValue(text.charCodeAt(at + 2));
    if ((byte & 0xc0) !== 0x80) return -1;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return -1;
  return codePoint | (count << 21);
}
