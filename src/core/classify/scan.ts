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
 * (parsers of different ages disagree on encoding it), and schemes other than http and https.
 * test/unit/classify/wpt-url.test.ts holds it to the parser on the URL standard's own test data.
 *
 * While reading, it feeds the URL's serialisation (what `new URL(text).href` gives) through the
 * registry's token automaton, so the same pass answers "does the URL name a vendor" (see
 * fast-path.ts).
 */
import { CONTEXT_DEPENDENT, lowerCanonUnit } from './fold.ts';
import { TokenAutomaton } from './token-automaton.ts';

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
  /** After the "#", or -1 without one; the fragment runs to the end of the text. */
  fragmentStart = -1;
  /** Some character of the path, query or fragment is one the parser percent-encodes. */
  encodes = false;
  /** A "%" in the path or query as typed. */
  hasPercent = false;
  /** The serialisation has a "%" (typed, or the parser's encoding): the rules then also read the path and query decoded. */
  hrefHasPercent = false;
  /** Where the last path segment starts. */
  lastSegmentStart = 0;
  /** The last "." in the last path segment, or -1. */
  lastSegmentDot = -1;
  /** The last path segment has no "%" and no non-ASCII character: its extension can be read as typed. */
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

/** How a unit is read in the path, query or fragment (tables below; every unit above U+007F is ENCODED). */
const PLAIN = 0;
/** "/" in the path. */
const SEGMENT_END = 1;
/** "?" ending the path, "#" ending the path or the query. */
const PART_END = 2;
const PERCENT_SIGN = 3;
/** Percent-encoded by the parser. */
const ENCODED = 4;
/** Tab and newlines (removed by the parser), backslash and "^" in the path: left to the parser. */
const DEFER = 5;

const PATH = 0;
const QUERY = 1;
const FRAGMENT = 2;

/**
 * The units the parser percent-encodes in a special URL: C0 controls, space, '"', "<", ">" and
 * U+007F everywhere; "`", "{", "}" in the path; "'" in the query; "`" in the fragment.
 */
function classes(part: number): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (c === 9 || c === 10 || c === 13) table[c] = DEFER;
    else if (c < 0x20 || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x7f) table[c] = ENCODED;
    else if (c === PERCENT) table[c] = PERCENT_SIGN;
  }
  if (part === PATH) {
    for (const c of [0x60, 0x7b, 0x7d]) table[c] = ENCODED;
    table[SLASH] = SEGMENT_END;
    table[QUESTION] = PART_END;
    table[HASH] = PART_END;
    table[BACKSLASH] = DEFER;
    table[0x5e] = DEFER;
  } else if (part === QUERY) {
    table[0x27] = ENCODED;
    table[HASH] = PART_END;
  } else table[0x60] = ENCODED;
  return table;
}

const PATH_CLASSES = classes(PATH);
const QUERY_CLASSES = classes(QUERY);
const FRAGMENT_CLASSES = classes(FRAGMENT);

/** The automaton of no patterns, for scans that only read the structure. */
const NO_TOKENS = new TokenAutomaton([]);

/** Feeds text through an automaton and remembers whether a pattern ended. */
class Feeder {
  state = 0;
  named = false;
  automaton: TokenAutomaton = new TokenAutomaton([]);

  reset(automaton: TokenAutomaton): void {
    this.automaton = automaton;
    this.state = 0;
    this.named = false;
  }

  /** An ASCII code unit. */
  ascii(c: number): void {
    const a = this.automaton;
    this.state = a.next[this.state * a.width + a.asciiSymbol[c]!]!;
    if (a.accepting[this.state] === 1) this.named = true;
  }

  /** An already folded unit of any kind. */
  folded(unit: number): void {
    const a = this.automaton;
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
 * Per automaton: for each ASCII unit and part of the URL, its symbol (0 or more) when the unit
 * is read plainly there, or a negative code for the units the reader must look at.
 */
interface ScanTables {
  host: Int32Array;
  path: Int32Array;
  query: Int32Array;
  fragment: Int32Array;
}

/** Host: a label boundary, the port's colon, the end of the authority, the parser's business, refused. */
const H_DOT = -1;
const H_COLON = -2;
const H_END = -3;
const H_DEFER = -4;
const H_FORBIDDEN = -5;
/** Path, query, fragment: "/", the end of the part ("?", "#"), "%", encoded by the parser, the parser's business, "." in the path. */
const P_SLASH = -1;
const P_END = -2;
const P_PERCENT = -3;
const P_ENCODED = -4;
const P_DEFER = -5;
const P_DOT = -6;

function tablesFor(automaton: TokenAutomaton): ScanTables {
  const symbolOr = (kinds: Uint8Array, codes: readonly number[]) => {
    const table = new Int32Array(128);
    for (let c = 0; c < 128; c++) table[c] = kinds[c] === PLAIN ? automaton.asciiSymbol[c]! : codes[kinds[c]!]!;
    return table;
  };
  const host = new Int32Array(128);
  for (let c = 0; c < 128; c++) {
    if (c === DOT) host[c] = H_DOT;
    else if (c === COLON) host[c] = H_COLON;
    else if (c === SLASH || c === BACKSLASH || c === QUESTION || c === HASH) host[c] = H_END;
    else if (c === 0x40 || c === 0x5b || c === 0x5d || c === PERCENT || c === 9 || c === 10 || c === 13) host[c] = H_DEFER;
    else if (forbiddenInHost(c)) host[c] = H_FORBIDDEN;
    else host[c] = automaton.asciiSymbol[c]!;
  }
  //                    PLAIN SEGMENT_END PART_END PERCENT_SIGN ENCODED DEFER
  const codes = [0, P_SLASH, P_END, P_PERCENT, P_ENCODED, P_DEFER];
  const path = symbolOr(PATH_CLASSES, codes);
  path[DOT] = P_DOT;
  return { host, path, query: symbolOr(QUERY_CLASSES, codes), fragment: symbolOr(FRAGMENT_CLASSES, codes) };
}

const tablesByAutomaton = new WeakMap<TokenAutomaton, ScanTables>();
let lastAutomaton: TokenAutomaton | null = null;
let lastTables: ScanTables | null = null;

function tablesOf(automaton: TokenAutomaton): ScanTables {
  if (automaton !== lastAutomaton) {
    let tables = tablesByAutomaton.get(automaton);
    if (tables === undefined) tablesByAutomaton.set(automaton, (tables = tablesFor(automaton)));
    lastAutomaton = automaton;
    lastTables = tables;
  }
  return lastTables!;
}

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
  // The automaton in locals: `offset` is the state times the table's width; accepting states keep.
  const tokens = automaton ?? NO_TOKENS;
  const { anyNext: next, width, asciiSymbol: symbol } = tokens;
  const tables = tablesOf(tokens);
  let offset = 0;
  for (let k = 0; k < schemeLength; k++) offset = next[offset + symbol[text.charCodeAt(k) | 32]!]!;
  offset = next[offset + symbol[COLON]!]!;
  offset = next[offset + symbol[SLASH]!]!;
  offset = next[offset + symbol[SLASH]!]!;
  i++;

  // Any run of "/" and "\" after a special scheme is skipped.
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c !== SLASH && c !== BACKSLASH) break;
    i++;
  }

  // Host: read and fed in one go; a "xn--" label (punycode, which the parser decodes and checks) is deferred.
  const hostStart = i;
  if (startsPunycode(text, i)) return SCAN_DEFER;
  const hostTable = tables.host;
  let afterHost = H_END;
  let lastDot = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? hostTable[c]! : H_DEFER;
    if (kind >= 0) {
      offset = next[offset + kind]!;
      continue;
    }
    if (kind === H_DOT) {
      if (startsPunycode(text, i + 1)) return SCAN_DEFER;
      lastDot = i;
      offset = next[offset + symbol[DOT]!]!;
      continue;
    }
    if (kind === H_DEFER) return SCAN_DEFER;
    if (kind === H_FORBIDDEN) return refuseUnlessUserinfo(text, i, out);
    afterHost = kind;
    break;
  }
  const hostEnd = i;
  let port = -1;
  if (afterHost === H_COLON) {
    let value = 0;
    let digits = 0;
    let digitsStart = -1;
    for (i++; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === SLASH || c === BACKSLASH || c === QUESTION || c === HASH) break;
      if (!isDigit(c)) return refuseUnlessUserinfo(text, i, out);
      if (digitsStart < 0 && (c !== 48 || i + 1 === length || !isDigit(text.charCodeAt(i + 1)))) digitsStart = i;
      value = value * 10 + (c - 48);
      digits++;
      if (value > 65535) return refuseUnlessUserinfo(text, i, out);
    }
    if (digits > 0 && value !== (https ? 443 : 80)) {
      port = value;
      // The port as the parser writes it: without leading zeros.
      offset = next[offset + symbol[COLON]!]!;
      for (let k = digitsStart; k < i; k++) offset = next[offset + symbol[text.charCodeAt(k)]!]!;
    }
  }
  if (hostEnd === hostStart) return (out.outcome = SCAN_INVALID);
  // A last label that starts with a digit may make the host an IPv4 address ("1.2.3.4", "0x7f.1").
  let lastLabelStart = lastDot + 1;
  if (lastDot === hostEnd - 1 && lastDot > hostStart) {
    lastLabelStart = hostEnd - 1;
    while (lastLabelStart > hostStart && text.charCodeAt(lastLabelStart - 1) !== DOT) lastLabelStart--;
  }
  if (lastLabelStart < hostStart) lastLabelStart = hostStart;
  if (isDigit(text.charCodeAt(lastLabelStart))) return SCAN_DEFER;

  // Path, query and fragment: one loop, each unit looked up in the table of the part it is in.
  out.pathStart = i;
  let encodes = false;
  let hasPercent = false;
  let hrefHasPercent = false;
  let named = 0;
  let segmentStart = i + 1;
  let segmentDot = -1;
  let lastSegmentPlain = true;
  let part = PATH;
  let table = tables.path;
  let pathEnd = -1;
  out.queryStart = -1;
  out.fragmentStart = -1;
  if (i === length || text.charCodeAt(i) === QUESTION || text.charCodeAt(i) === HASH) {
    // No path: the parser's is "/".
    offset = next[offset + symbol[SLASH]!]!;
    segmentStart = i;
  }
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? table[c]! : P_ENCODED;
    if (kind >= 0) {
      offset = next[offset + kind]!;
      continue;
    }
    if (kind === P_DOT) segmentDot = i;
    else if (kind === P_SLASH) {
      if (i - segmentStart <= 6 && dotSegment(text, segmentStart, i)) return SCAN_DEFER;
      segmentStart = i + 1;
      lastSegmentPlain = true;
    } else if (kind === P_DEFER) return SCAN_DEFER;
    else if (kind === P_END) {
      if (part === PATH) {
        if (dotSegment(text, segmentStart, i)) return SCAN_DEFER;
        pathEnd = i;
      }
      if (c === QUESTION) {
        part = QUERY;
        table = tables.query;
        out.queryStart = i + 1;
      } else {
        if (part === QUERY) out.queryEnd = i;
        part = FRAGMENT;
        table = tables.fragment;
        out.fragmentStart = i + 1;
      }
    } else if (kind === P_PERCENT) {
      hrefHasPercent = true;
      if (part !== FRAGMENT) hasPercent = true;
      if (part === PATH) lastSegmentPlain = false;
    } else {
      // Encoded by the parser: the serialisation has the unit's UTF-8 bytes as "%XY".
      encodes = true;
      if (part === PATH && c >= 0x80) lastSegmentPlain = false;
      feeder.reset(tokens);
      feeder.state = offset / width;
      named |= tokens.accepting[feeder.state]!;
      i += feeder.encoded(text, i) - 1;
      if (feeder.named) named = 1;
      offset = feeder.state * width;
      continue;
    }
    offset = next[offset + symbol[c]!]!;
  }
  if (part === PATH) {
    if (dotSegment(text, segmentStart, i)) return SCAN_DEFER;
    pathEnd = i;
  } else if (part === QUERY) out.queryEnd = i;
  out.pathEnd = pathEnd;
  if (out.queryStart < 0) out.queryEnd = pathEnd;
  out.lastSegmentStart = segmentStart;
  out.lastSegmentDot = segmentDot >= segmentStart ? segmentDot : -1;
  out.lastSegmentPlain = lastSegmentPlain;
  out.hostStart = hostStart;
  out.hostEnd = hostEnd;
  out.port = port;
  out.encodes = encodes;
  out.hasPercent = hasPercent;
  out.hrefHasPercent = hrefHasPercent || encodes;
  out.named = named !== 0 || tokens.accepting[offset / width] === 1;
  return (out.outcome = SCAN_WEB);
}

/** A label starting at `text[i]` spells "xn--" (any case). */
function startsPunycode(text: string, i: number): boolean {
  return (
    i + 3 < text.length &&
    text.charCodeAt(i + 3) === 45 &&
    text.charCodeAt(i + 2) === 45 &&
    lowerAt(text, i) === 120 &&
    lowerAt(text, i + 1) === 110
  );
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
