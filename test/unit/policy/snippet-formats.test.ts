/**
 * The deployment snippets' file formats, written and read back: property lists and
 * configuration profiles (written by the `plist` package, read back by it), the .reg writer
 * (read back through the model of how Chrome reads the registry), and the profiles' stable
 * version-5 UUIDs (checked against Python's uuid module, an independent implementation).
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { build, parse as parsePlist, type PlistValue } from 'plist';
import { describe, expect, it, vi } from 'vitest';
// What the options page ships: vite resolves `plist` to its browser build, which writes the XML itself.
import { build as browserBuild } from '../../../node_modules/plist/dist/build.browser.js';
import { CHROME_EXTENSION_ID } from '../../../src/core/identity.ts';
import type { JsonObject, JsonValue } from '../../../src/core/policy/snippets/json.ts';
import { mobileconfig, mobileconfigPayload, plistDict, plistDocument, plistText } from '../../../src/core/policy/snippets/plist.ts';
import { registryFile } from '../../../src/core/policy/snippets/registry.ts';
import { PROFILE_UUID_NAMESPACE, profileUuid } from '../../../src/core/policy/snippets/uuid.ts';
import { chromeReadsRegistry } from './registry-model.ts';

/**
 * plist's parser (xmldom) reports on console.error about every U+FFFD it reads, which these tests
 * write on purpose: that report is kept off the output, any other one fails the test.
 */
function parse(xml: string): PlistValue {
  const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return parsePlist(xml);
  } finally {
    const others = warn.mock.calls.filter((args) => !args.some((arg) => String(arg).includes('Unicode replacement character')));
    warn.mockRestore();
    expect(others).toEqual([]);
  }
}

const CHROME_DOMAIN = `com.google.Chrome.extensions.${CHROME_EXTENSION_ID}`;

/** Hard cases in one policy: non-ASCII names, the characters XML and .reg escape, nested arrays. */
const TRICKY: JsonObject = {
  mode: 'block',
  allowProceed: false,
  organizationName: 'Société Générale & Cie <DSI> — 株式会社テスト ✓ 🛡️',
  message: 'Ask IT "first" & read <b>this</b>.\nZweite Zeile: Prüfung ½ — C:\\Temp\\',
  blockedDomains: ['münchen.example', 'xn--mnchen-3ya.example', 'a&b.example'],
  extraVendors: [
    {
      id: 'nordvale',
      name: 'Nordvale <Labs> & Co',
      domains: ['nordvale.example', 'nordvale-downloads.example'],
      productNames: ['Défense Totale', 'Shield <Pro> & more'],
      restriction: 'Notice "SEC-4" \\ see <intranet> & ask',
      sourceUrl: 'https://intranet.example.com/notice?id=4&lang=en',
    },
  ],
  alternatives: [
    { name: 'Café Antivirus', url: 'https://cafe.example/?a=1&b=2' },
    { name: '<none>', url: 'https://none.example/' },
  ],
};

/** What a property list written from `value` reads back as: plist text rules applied, nulls dropped. */
function plistExpected(value: JsonValue): unknown {
  if (typeof value === 'string') return plistText(value);
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(plistExpected);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== null)
        .map(([key, item]) => [plistText(key), plistExpected(item)]),
    );
  }
  return value;
}

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const key = anyText.filter((text) => text !== '__proto__');
/** JSON objects of any text (every code point, lone surrogates and control characters too), nested. */
const jsonObject: fc.Arbitrary<JsonObject> = fc.letrec<{ value: JsonValue; object: JsonObject }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    fc.boolean(),
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
})).object;

describe('property lists (plist package)', () => {
  it('the tricky policy reads back the same, from the bare plist and from the profile', () => {
    expect(parse(plistDocument(TRICKY))).toEqual(TRICKY);
    const profile = parse(mobileconfig(CHROME_DOMAIN, TRICKY, 'Google Chrome')) as { PayloadContent: Record<string, unknown>[] };
    const preferences = Object.fromEntries(Object.entries(profile.PayloadContent[0]!).filter(([name]) => !name.startsWith('Payload')));
    expect(preferences).toEqual(TRICKY);
  });

  it('any JSON object reads back the same, but for text XML cannot carry', () => {
    fc.assert(
      fc.property(jsonObject, (values) => {
        expect(parse(plistDocument(values))).toEqual(plistExpected(values));
      }),
      { numRuns: 300 },
    );
  });

  it('the browser build (the options page) writes the same property lists as the Node build', () => {
    const cases: PlistValue[] = [plistDict(TRICKY), mobileconfigPayload(CHROME_DOMAIN, TRICKY, 'Google Chrome')];
    for (const value of cases) expect(parse(browserBuild(value))).toEqual(parse(build(value)));
    fc.assert(
      fc.property(jsonObject, (values) => {
        const dict = plistDict(values);
        expect(parse(browserBuild(dict))).toEqual(parse(build(dict)));
      }),
      { numRuns: 300 },
    );
  });

  it('replaces what XML cannot carry with U+FFFD and writes every line break as "\\n"', () => {
    expect(plistText('a\u0000b\u0008c\u000bd\u001fe\ufffef\uffffg')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg');
    expect(plistText('tab\there\r\nCRLF\rCR\nLF')).toBe('tab\there\nCRLF\nCR\nLF');
    expect(plistText('lone \ud800 and \udc00, pair \ud83d\udee1')).toBe('lone \ufffd and \ufffd, pair \ud83d\udee1');
    expect(parse(plistDocument({ message: 'x\u0001y\r\nz' }))).toEqual({ message: 'x\ufffdy\nz' });
  });
});

describe('.reg files', () => {
  const KEY = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`;
  const reads = (values: JsonObject) => chromeReadsRegistry({ content: registryFile(KEY, values, 'Google Chrome'), location: KEY });

  it('the tricky policy is what Chrome reads back', () => {
    expect(reads(TRICKY)).toEqual(TRICKY);
  });

  it('any text, string list and list of objects is what Chrome reads back; a NUL (which ends a REG_SZ) arrives as U+FFFD', () => {
    const noNul = (text: string) => text.replace(/\0/g, '\ufffd');
    const policyShaped = fc.record(
      {
        organizationName: anyText,
        message: anyText,
        allowProceed: fc.boolean(),
        // Chrome reads numbered values in name order (1, 10, 2…): nine keep their order.
        blockedDomains: fc.array(anyText, { maxLength: 9 }),
        alternatives: fc.array(fc.record({ name: anyText, url: anyText }), { maxLength: 4 }),
        extraVendors: fc.array(fc.record({ id: anyText, name: anyText, domains: fc.array(anyText, { maxLength: 3 }) }), {
          maxLength: 2,
        }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(policyShaped, (values) => {
        const expected = {
          ...values,
          ...(values.organizationName !== undefined ? { organizationName: noNul(values.organizationName) } : {}),
          ...(values.message !== undefined ? { message: noNul(values.message) } : {}),
          ...(values.blockedDomains !== undefined ? { blockedDomains: values.blockedDomains.map(noNul) } : {}),
        };
        expect(reads(values)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('profile UUIDs (RFC 9562 version 5)', () => {
  /** Python's uuid.uuid5 of each name in PROFILE_UUID_NAMESPACE, and the namespace from its DNS name. */
  function pythonUuid5(names: string[]): { namespace: string; uuids: string[] } {
    const script = [
      'import json, sys, uuid',
      "ns = uuid.uuid5(uuid.NAMESPACE_DNS, 'vendor-guard.example')",
      'print(json.dumps(dict(namespace=str(ns), uuids=[str(uuid.uuid5(ns, n)).upper() for n in json.loads(sys.argv[1])])))',
    ].join('\n');
    const result = spawnSync('python3', ['-c', script, JSON.stringify(names)], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr || result.error?.message}`);
    return JSON.parse(result.stdout) as { namespace: string; uuids: string[] };
  }

  const identities = [`vendor-guard.${CHROME_DOMAIN}`, `${CHROME_DOMAIN}.vendor-guard`, 'vendor-guard.com.microsoft.Edge.extensions.x'];

  it("are Python's uuid5 of the payload identifier, in the namespace of the DNS name vendor-guard.example", () => {
    const python = pythonUuid5(identities);
    expect(PROFILE_UUID_NAMESPACE).toBe(python.namespace);
    expect(identities.map(profileUuid)).toEqual(python.uuids);
  });

  it('stay what they were: a changed UUID would install a second profile beside the first', () => {
    expect(profileUuid(`vendor-guard.${CHROME_DOMAIN}`)).toBe('83C58837-9564-5FC4-9700-5DEC779A07FC');
  });

  it('are version 5 and upper-case, the same for the same identity and different for another', () => {
    const uuids = identities.map(profileUuid);
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(identities.map(profileUuid)).toEqual(uuids);
    const profile = mobileconfigPayload(CHROME_DOMAIN, {}, 'Google Chrome') as { PayloadUUID: string; PayloadIdentifier: string };
    expect(profile.PayloadUUID).toBe(profileUuid(profile.PayloadIdentifier));
  });
});
