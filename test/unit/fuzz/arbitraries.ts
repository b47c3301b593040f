/**
 * Generators and oracles for fuzzing the URL classifier (fast-check).
 *
 * - `anyUrlText`: arbitrary text shaped more or less like a URL (random schemes, userinfo,
 *   ports, IPv4/IPv6 literals, IDN and punycode, trailing dots, mixed case, percent and double
 *   encoding, data:/blob:/file:/javascript:/about:).
 * - `mutatedUrl`: real labelled URLs (test/fixtures/data/dev-urls.tsv and every rule's examples)
 *   put through a chain of random mutations.
 * - `vendorEvidence`: the oracle for "this URL says nothing about a registry vendor".
 */
import { domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { parse as parseDomain } from 'tldts';
import type { CompiledRegistry } from '../../../src/core/classify/compile.ts';
import { REASON_CODES, type Verdict } from '../../../src/core/classify/verdict.ts';
import { labelledExamples } from '../../../src/core/classify/examples.ts';
import { PORTAL_ROWS } from '../../../src/core/classify/rules/portals.ts';
import { CHROME_EXTENSION_ID } from '../../../src/core/identity.ts';
import { RETAILERS } from '../../../src/core/classify/rules/shops.ts';
import { dataRows } from '../helpers.ts';

/* ------------------------------------------------------------------------------------------ */
/* Seeds: every real URL the project carries                                                   */
/* ------------------------------------------------------------------------------------------ */

export const SEED_URLS: readonly string[] = [
  ...new Set([
    ...dataRows('dev-urls.tsv')
      .slice(1)
      .map(([url = '']) => url),
    ...labelledExamples().map((example) => example.url),
  ]),
].filter(Boolean);

/** Hosts where third-party rules are live: retailers, download portals, app and extension stores. */
export const RULE_HOSTS: readonly string[] = [
  ...[...RETAILERS].flatMap(([label, suffixes]) => suffixes.map((suffix) => `www.${label}.${suffix}`)),
  ...PORTAL_ROWS.flatMap((portal) => portal.hosts ?? [`www.${portal.label}.com`]),
  'en.softonic.com',
  'download.cnet.com',
  'play.google.com',
  'apps.apple.com',
  'itunes.apple.com',
  'apps.microsoft.com',
  'www.microsoft.com',
  'chrome.google.com',
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
  'safari-extensions.apple.com',
  'github.com',
  'raw.githubusercontent.com',
];

/* ------------------------------------------------------------------------------------------ */
/* The verdict contract                                                                         */
/* ------------------------------------------------------------------------------------------ */

const KINDS = new Set(['purchase', 'download', 'vendor', 'none']);
const REASONS = new Set<string>(REASON_CODES);

/** Why `verdict` breaks the contract of `classifyUrl`, or null when it keeps it. */
export function verdictProblem(verdict: unknown, registry: CompiledRegistry): string | null {
  if (typeof verdict !== 'object' || verdict === null) return 'not an object';
  const { vendor, kind, reasons } = verdict as Verdict;
  if (!KINDS.has(kind)) return `kind ${String(kind)}`;
  if (!Array.isArray(reasons) || reasons.some((reason) => !REASONS.has(reason))) return `reasons ${JSON.stringify(reasons)}`;
  if (vendor !== null && !registry.vendors.some((v) => v.id === vendor)) return `vendor ${String(vendor)}`;
  if (kind === 'none' && vendor !== null) return 'kind none with a vendor';
  if (kind !== 'none' && vendor === null) return `kind ${kind} without a vendor`;
  if (kind !== 'none' && reasons.length === 0) return `kind ${kind} without a reason`;
  return null;
}

/* ------------------------------------------------------------------------------------------ */
/* The oracle: does a URL name a registry vendor in any way a rule could use?                   */
/* ------------------------------------------------------------------------------------------ */

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

function parsed(url: string): URL | null {
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/** True when the URL's host is a registry vendor's (listed domain or subdomain, or `<owned label>.<anything>`). */
export function onRegistryHost(url: string, registry: CompiledRegistry): boolean {
  const u = parsed(url);
  if (!u) return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  for (let rest = host; ;) {
    if (registry.byDomain.has(rest)) return true;
    const dot = rest.indexOf('.');
    if (dot < 0) break;
    rest = rest.slice(dot + 1);
  }
  // `<owned label>.<public suffix>` (ICANN section of the public suffix list).
  const domain = parseDomain(host, { extractHostname: false });
  return domain.isIcann === true && registry.byOwnedLabel.has(domain.domainWithoutSuffix ?? '');
}

/**
 * Everything a rule may read that could name a vendor: the URL as typed, its once- and
 * twice-decoded forms, the serialised URL, the host in Unicode, and every path segment's file
 * name checked against the vendor's installer patterns. Over-approximates on purpose: the
 * property is "no evidence ⇒ no verdict", so false evidence only skips a case.
 */
export function vendorEvidence(url: string, registry: CompiledRegistry): boolean {
  const texts = [url, decodeOnce(url), decodeOnce(decodeOnce(url))];
  const u = parsed(url);
  if (u) {
    texts.push(u.href, decodeOnce(u.href), domainToUnicode(u.hostname), decodeOnce(u.pathname), decodeOnce(u.search));
  }
  const lower = texts.map((text) => text.toLowerCase());
  const needles = [
    ...registry.byToken.keys(),
    ...registry.vendors.flatMap((v) => [...v.appleIds, ...v.chromeIds, ...v.safariPrefixes, ...v.googlePlayPrefixes, ...v.googlePlayExact]),
  ];
  if (lower.some((text) => needles.some((needle) => text.includes(needle.toLowerCase())))) return true;
  // Whole-word names written with any separator ("Autel-Robotics") and model numbers ("ds-2cd2143g2-i").
  if (lower.some((text) => registry.namePattern.test(text))) return true;
  const files = lower.flatMap((text) => text.split(/[/\\?#&=]/));
  return files.some((file) =>
    registry.vendors.some((v) => [...v.distinctiveInstallers, ...v.vendorHostInstallers, ...v.removalTools].some((re) => re.test(file))),
  );
}

/* ------------------------------------------------------------------------------------------ */
/* Generators                                                                                   */
/* ------------------------------------------------------------------------------------------ */

const SCHEMES = [
  'http',
  'https',
  'HTTP',
  'hTtPs',
  'ftp',
  'ws',
  'wss',
  'file',
  'data',
  'blob',
  'javascript',
  'about',
  'chrome',
  'chrome-extension',
  'view-source',
  'mailto',
  'intent',
  'x',
  '',
];

const hexByte = fc.integer({ min: 0, max: 255 }).map((n) => `%${n.toString(16).padStart(2, '0').toUpperCase()}`);

/** A host in one of the shapes browsers accept (and some they refuse). */
const hostArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.domain() },
  { weight: 3, arbitrary: fc.constantFrom(...RULE_HOSTS) },
  { weight: 1, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.ipV4Extended() },
  { weight: 1, arbitrary: fc.ipV6().map((ip) => `[${ip}]`) },
  // IDN as typed, and punycode labels (valid or not).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.domain())
      .map(([label, rest]) => `${label}.${rest}`),
  },
  { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,20}$/), fc.domain()).map(([label, rest]) => `xn--${label}.${rest}`) },
  // Percent-encoded bytes in the host.
  { weight: 1, arbitrary: fc.tuple(fc.domain(), hexByte).map(([host, byte]) => `${byte}${host}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
);

const mutateHostShape = (host: string) =>
  fc.oneof(fc.constant(host), fc.constant(`${host}.`), fc.mixedCase(fc.constant(host)), fc.constant(host.toUpperCase()));

const userinfoArb = fc.oneof(
  fc.constant(''),
  fc.webAuthority({ withUserInfo: true }).map((a) => (a.includes('@') ? `${a.split('@')[0]}@` : '')),
  fc.constantFrom('user@', 'user:pass@', ':@', '@', 'a@b@', 'kaspersky.com@', 'usa.kaspersky.com:443@'),
);

const portArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 65535 }).map((p) => `:${p}`) },
  { weight: 1, arbitrary: fc.constantFrom(':', ':99999', ':-1', ':0x50', ':443', ':80') },
);

/**
 * Product-slug words without the vendor: licence cues, download words, competitors' names and
 * product words, so retailer, portal and shop rules see slugs that look like listings.
 */
const SLUG_WORDS = [
  'antivirus',
  'anti-virus',
  'internet',
  'total',
  'security',
  'premium',
  'plus',
  'standard',
  'basic',
  'vpn',
  'free',
  'download',
  'descargar',
  'telecharger',
  'setup',
  'installer',
  'apk',
  'app',
  '1-pc',
  '3-devices',
  '5-geraete',
  '1-year',
  '2-jahre',
  'e-license',
  'license-key',
  'key',
  'esd',
  'box',
  'norton',
  'bitdefender',
  'eset',
  'avast',
  'mcafee',
  'com',
  'exe',
  'msi',
  'dmg',
  'trial',
  'buy',
  'renewal',
  'dp',
  'p',
  'ip',
  'itm',
  'site',
  'product',
  'kasp',
  'persky',
  'kaspe-rsky',
];
const slugArb = fc
  .array(fc.constantFrom(...SLUG_WORDS), { minLength: 1, maxLength: 6 })
  .chain((words) => fc.constantFrom('-', '_', '.', '+', ' ', '%20').map((sep) => words.join(sep)));

/** Path text with encodings: plain, percent-encoded, double-encoded, raw Unicode, control characters. */
const pathPieceArb = fc.oneof(
  { weight: 4, arbitrary: fc.webSegment() },
  { weight: 3, arbitrary: slugArb },
  { weight: 1, arbitrary: hexByte },
  { weight: 1, arbitrary: hexByte.map((h) => `%25${h.slice(1)}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('..', '.', '', '\\', '//', 'setup.exe', 'download', 'buy', 'premium', 'dp', 'p', 'apk') },
);
const pathArb = fc.array(pathPieceArb, { maxLength: 8 }).map((pieces) => `/${pieces.join('/')}`);
const queryArb = fc.oneof(
  fc.constant(''),
  fc.webQueryParameters().map((q) => `?${q}`),
  fc.string({ unit: 'binary', maxLength: 20 }).map((q) => `?${q}`),
);
const fragmentArb = fc.oneof(
  fc.constant(''),
  fc.webFragments().map((f) => `#${f}`),
);

/** A URL assembled from random parts: most parse, many do not. */
export const assembledUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...SCHEMES),
    fc.constantFrom('://', ':', ':/', ':///', '//', ''),
    userinfoArb,
    hostArb.chain(mutateHostShape),
    portArb,
    pathArb,
    queryArb,
    fragmentArb,
  )
  .map(
    ([scheme, sep, userinfo, host, port, path, query, fragment]) => `${scheme}${sep}${userinfo}${host}${port}${path}${query}${fragment}`,
  );

/** Well-formed web URLs from fast-check's own generator (IPs, ports, userinfo, queries, fragments). */
export const webUrl: fc.Arbitrary<string> = fc.webUrl({
  validSchemes: ['http', 'https'],
  withQueryParameters: true,
  withFragments: true,
  authoritySettings: { withIPv4: true, withIPv6: true, withIPv4Extended: true, withPort: true, withUserInfo: true },
});

/** Non-web schemes whose payload may name the vendor. */
export const nonWebUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'data:text/html,<h1>Kaspersky Premium</h1>',
    'data:application/octet-stream;base64,TVqQAAMAAAAEAAAA',
    'blob:https://usa.kaspersky.com/6d1c6f2e-6d1c-4f2e-9d1c-6f2e6d1c4f2e',
    'file:///C:/Users/me/Downloads/kaspersky_premium.exe',
    'file://server/share/kis21.3.10.391en_26096.exe',
    'javascript:location="https://usa.kaspersky.com/premium"',
    'about:blank#https://usa.kaspersky.com/premium',
    'about:srcdoc',
    'view-source:https://usa.kaspersky.com/premium',
    `chrome-extension://${CHROME_EXTENSION_ID}/src/ui/blocked/index.html#https://usa.kaspersky.com/premium`,
  ),
  fc
    .tuple(fc.constantFrom('data:', 'blob:', 'file://', 'javascript:', 'about:'), fc.string({ unit: 'grapheme', maxLength: 40 }))
    .map(([s, rest]) => s + rest),
);

/** Anything at all, including text that is no URL. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
);

/* ------------------------------------------------------------------------------------------ */
/* Mutations of real URLs                                                                      */
/* ------------------------------------------------------------------------------------------ */

type Mutation = (url: string) => fc.Arbitrary<string>;

/** Look-alikes of Latin letters: Cyrillic, Greek, full-width, and compatibility forms IDNA maps back. */
const CONFUSABLES: Record<string, string[]> = {
  a: ['а', 'ɑ', 'ａ'],
  c: ['с', 'ϲ'],
  e: ['е', 'ҽ'],
  i: ['і', 'ı', 'ｉ'],
  k: ['к', 'κ', 'K', 'ｋ'],
  l: ['ӏ', 'ⅼ'],
  m: ['м', 'ｍ'],
  n: ['п', 'ո'],
  o: ['о', 'ο', '０'],
  p: ['р', 'ρ'],
  r: ['г', 'ｒ'],
  s: ['ѕ', 'ſ', 'ｓ'],
  u: ['υ', 'ս'],
  x: ['х', 'ⅹ'],
  y: ['у', 'ү'],
};

const splitUrl = (url: string) => {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i.exec(url);
  return match ? { scheme: match[1]!, authority: match[2]!, rest: match[3]! } : null;
};

const onAuthority = (url: string, change: (authority: string) => fc.Arbitrary<string>) => {
  const parts = splitUrl(url);
  return parts ? change(parts.authority).map((authority) => `${parts.scheme}${authority}${parts.rest}`) : fc.constant(url);
};

const atIndex = (url: string, change: (url: string, index: number) => string) =>
  fc.nat({ max: Math.max(0, url.length) }).map((index) => change(url, index));

export const MUTATIONS: Record<string, Mutation> = {
  mixedCase: (url) => fc.mixedCase(fc.constant(url)),
  upperHost: (url) => onAuthority(url, (a) => fc.constant(a.toUpperCase())),
  trailingDot: (url) => onAuthority(url, (a) => fc.constant(a.replace(/(:\d+)?$/, (port) => `.${port}`))),
  port: (url) => onAuthority(url, (a) => portArb.map((port) => a.replace(/:\d+$/, '') + port)),
  userinfo: (url) => onAuthority(url, (a) => userinfoArb.map((info) => info + a)),
  ipHost: (url) =>
    onAuthority(url, () =>
      fc.oneof(
        fc.ipV4(),
        fc.ipV6().map((ip) => `[${ip}]`),
      ),
    ),
  scheme: (url) => fc.constantFrom(...SCHEMES).map((scheme) => url.replace(/^[a-z][a-z0-9+.-]*:/i, `${scheme}:`)),
  prefixScheme: (url) =>
    fc.constantFrom('blob:', 'view-source:', 'data:text/plain,', 'javascript:', '  ', '\t', '\u0000').map((p) => p + url),
  percentEncodeChar: (url) =>
    atIndex(url, (u, i) => {
      const char = u.charAt(i);
      return char ? u.slice(0, i) + `%${char.charCodeAt(0).toString(16).padStart(2, '0')}` + u.slice(i + 1) : u;
    }),
  doubleEncode: (url) => fc.constant(url.replace(/%/g, '%25')),
  encodeAll: (url) => fc.constant(encodeURIComponent(url.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))),
  insertText: (url) =>
    fc.tuple(fc.nat({ max: url.length }), fc.oneof(anyText, hexByte)).map(([i, text]) => url.slice(0, i) + text + url.slice(i)),
  deleteRange: (url) => fc.tuple(fc.nat({ max: url.length }), fc.nat({ max: 20 })).map(([i, n]) => url.slice(0, i) + url.slice(i + n)),
  truncate: (url) => atIndex(url, (u, i) => u.slice(0, i)),
  duplicateSlashes: (url) => fc.constant(url.replace(/\/(?!\/)/g, '//')),
  backslashes: (url) => fc.constant(url.replace(/\//g, '\\')),
  idnHost: (url) =>
    onAuthority(url, (a) => {
      const spots = [...a.matchAll(/[a-z]/g)].map((m) => m.index).filter((i) => CONFUSABLES[a[i]!] !== undefined);
      if (spots.length === 0) return fc.constant(a);
      return fc.tuple(fc.constantFrom(...spots), fc.nat()).map(([i, pick]) => {
        const glyphs = CONFUSABLES[a[i]!]!;
        return a.slice(0, i) + glyphs[pick % glyphs.length]! + a.slice(i + 1);
      });
    }),
  punycodeHost: (url) => onAuthority(url, (a) => fc.constant(`xn--${a}`)),
  addFragment: (url) => fragmentArb.map((f) => url.replace(/#.*$/, '') + f),
  addQuery: (url) => queryArb.map((q) => url + q),
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

/** A seed URL after one to four random mutations. */
export const mutatedUrl: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SEED_URLS), fc.array(fc.constantFrom(...MUTATION_NAMES), { minLength: 1, maxLength: 4 }))
  .chain(([seed, names]) =>
    names.reduce<fc.Arbitrary<string>>((arb, name) => arb.chain((url) => MUTATIONS[name]!(url)), fc.constant(seed)),
  );

/** A URL of about `size` characters: a real URL whose path or query is padded with `filler`. */
export function hugeUrl(size: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...SEED_URLS),
      fc.constantFrom('a', '-', '/', '%', '%41', 'kaspersky-', '1-', '.', 'é', '?q=', '&x=1'),
      fc.boolean(),
    )
    .map(([seed, filler, inQuery]) => {
      const pad = filler.repeat(Math.ceil(size / filler.length)).slice(0, size);
      return inQuery ? `${seed}${seed.includes('?') ? '&' : '?'}p=${pad}` : seed.replace(/(^[a-z]+:\/\/[^/?#]*)\/?/i, `$1/${pad}/`);
    });
}

/* ------------------------------------------------------------------------------------------ */
/* The scanner's edges                                                                         */
/* ------------------------------------------------------------------------------------------ */

/** Hosts in every form the one-pass scanner must read, refuse, or leave to the parser. */
const EDGE_HOSTS = [
  'example.com',
  'Example.COM',
  'www.amazon.de',
  'play.google.com',
  'usa.kaspersky.com',
  'USA.Kaspersky.COM',
  'kaspersky.com.',
  'kaspersky.com..',
  'www.kaspersky.ie',
  'kaspersky-labs.com',
  'dnl-01.geo.kaspersky.com',
  'notkaspersky.com',
  // IPv4 in its many spellings, and look-alikes that are domains.
  '1.2.3.4',
  '0x7f.1',
  '127.1',
  '1.2.3.4.',
  '999.1.1.1',
  '0x.example',
  '1abc.example',
  'example.1a',
  // IDNA and punycode.
  'xn--80ak6aa92e.com',
  'XN--kaspersky-9ya.com',
  'kаspersky.com',
  'ＫＡＳＰＥＲＳＫＹ.com',
  'kasper%73ky.com',
  '%6Baspersky.com',
  // Forbidden and odd characters.
  'exa mple.com',
  'exa<mple.com',
  'exa^mple.com',
  'a|b.com',
  'a!b$c.com',
  'a_b.com',
  '[::1]',
  '',
  '.',
  '.example.com',
];

/** Path, query and fragment pieces: tokens spelt plainly, percent-encoded, in Cyrillic, in unusual cases, and the characters the parser rewrites. */
const EDGE_PIECES = [
  'kaspersky',
  'KASPERSKY',
  '%4Baspersky',
  'kasp%65rsky',
  'kasp%2565rsky',
  '%D0%BA%D0%B0%D1%81%D0%BF%D0%B5%D1%80%D1%81%D0%BA',
  '%D0%9A%D0%90%D0%A1%D0%9F%D0%95%D0%A0%D0%A1%D0%9A',
  'КАСПЕРСК',
  'касперск',
  'KASPERSKİ',
  'kasperskı',
  'ΣΑΣ',
  'kvrt',
  'K\u212Avrt',
  'com.kms.free',
  '\uD801\uDC00',
  '\uD800',
  '.',
  '..',
  '%2e',
  '%2E%2e',
  '\\',
  '^',
  ' ',
  '"',
  '{',
  '`',
  "'",
  '%',
  '%zz',
  '%C3',
  '%C3%A9',
  'é',
  'setup.EXE',
  'x.tar.gz',
  'kaspersky.msixbundle',
  'kis21.3.10.391en_26096.exe',
  'premium',
  'store',
  '\t',
  '\n',
  'a',
  '',
];

const edgePiecesArb = fc.array(fc.constantFrom(...EDGE_PIECES), { maxLength: 4 }).map((pieces) => pieces.join(''));

/** URLs built to sit on the scanner's edges: odd slashes, userinfo, ports, hosts and encodings. */
export const edgeUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTP', 'hTtPs', 'ftp', 'ws', 'httpx', 'h'),
    fc.constantFrom('://', ':', ':/', ':///', ':\\\\', ':/\\', '://\\'),
    fc.constantFrom('', '', '', 'user@', 'u:p@', ':@', 'kaspersky@', 'us er@'),
    fc.constantFrom(...EDGE_HOSTS),
    fc.constantFrom('', '', '', ':80', ':443', ':0080', ':8080', ':', ':99999', ':8o', '::1'),
    fc.array(edgePiecesArb, { maxLength: 4 }).map((segments) => segments.map((segment) => `/${segment}`).join('')),
    fc.option(
      edgePiecesArb.map((query) => `?${query}`),
      { nil: '' },
    ),
    fc.option(
      edgePiecesArb.map((fragment) => `#${fragment}`),
      { nil: '' },
    ),
    fc.constantFrom('', '', '', ' ', '\t'),
  )
  .map(([scheme, separator, userinfo, host, port, path, query, fragment, pad]) => {
    const url = `${scheme}${separator}${userinfo}${host}${port}${path}${query}${fragment}`;
    return pad === '' ? url : `${pad}${url}${pad}`;
  });
