/**
 * The self-hosting parts of `npm run package` that need no browser: the signing key's checks and
 * their advice, the extension id a key gives (checked against openssl), the manifests of the
 * self-hosted builds, the update manifests (read back with an XML parser), and the command line.
 * The .crx itself is checked by Chromium installing it (test/e2e/force-install.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsUrl, parseCli } from '../../../scripts/package.ts';
import { readSigningKey, selfHostedChromeManifest, SigningKeyError } from '../../../scripts/packaging/crx.ts';
import { extensionIdFromKey, extensionIdFromPrivateKey } from '../../../scripts/packaging/extension-id.ts';
import { chromeUpdateManifest, firefoxUpdateManifest } from '../../../scripts/packaging/update-manifests.ts';
import { CHROME_EXTENSION_ID } from '../../../src/core/identity.ts';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-packaging-'));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  await writeFile(file('pkcs8.pem'), rsa.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(file('pkcs1.pem'), rsa.export({ type: 'pkcs1', format: 'pem' }));
  await writeFile(file('ec.pem'), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(file('not-a-key.pem'), 'hello\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the signing key', () => {
  it('reads RSA keys in PKCS#8 (openssl genpkey) and PKCS#1 (openssl genrsa) PEM', async () => {
    expect((await readSigningKey(file('pkcs8.pem'))).asymmetricKeyType).toBe('rsa');
    expect((await readSigningKey(file('pkcs1.pem'))).asymmetricKeyType).toBe('rsa');
  });

  it.each([
    ['missing.pem', /does not exist/],
    ['not-a-key.pem', /is not a PEM private key/],
    ['ec.pem', /is a ec key; Chromium signs packages with RSA keys/],
  ])('%s: an error that says what is wrong and how to make a key with openssl', async (name, what) => {
    const error = await readSigningKey(file(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningKeyError);
    expect((error as Error).message).toMatch(what);
    expect((error as Error).message).toContain('openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out vendor-guard.pem');
  });
});

describe('extension ids', () => {
  it("the manifest's key gives the project's id", async () => {
    const { key } = (await import('../../../manifest.json', { with: { type: 'json' } })).default as { key: string };
    expect(extensionIdFromKey(key)).toBe(CHROME_EXTENSION_ID);
  });

  it("a private key gives the id of its public key, as openssl's DER export and sha256 say", async () => {
    const der = spawnSync('openssl', ['pkey', '-in', file('pkcs8.pem'), '-pubout', '-outform', 'DER']);
    expect(der.status).toBe(0);
    const hex = createHash('sha256').update(der.stdout).digest('hex').slice(0, 32);
    const expected = hex.replace(/[0-9a-f]/g, (digit) => 'abcdefghijklmnop'[parseInt(digit, 16)]!);
    expect(extensionIdFromPrivateKey(await readFile(file('pkcs8.pem'), 'utf8'))).toBe(expected);
    expect(extensionIdFromPrivateKey(await readSigningKey(file('pkcs1.pem')))).toBe(expected);
  });
});

describe('manifests and update manifests', () => {
  it('the self-hosted Chrome manifest has no key and names the update URL', () => {
    const manifest = { name: 'x', version: '1.2.3', key: 'abc', permissions: ['storage'] };
    expect(selfHostedChromeManifest(manifest, 'https://h.example/u.xml')).toEqual({
      name: 'x',
      version: '1.2.3',
      permissions: ['storage'],
      update_url: 'https://h.example/u.xml',
    });
  });

  it('updates.xml is a gupdate response naming the id, the version and the .crx, with & and quotes escaped', () => {
    const codebase = 'https://h.example/vg/vendor-guard-1.2.3.crx?token=a&b="c"';
    const xml = chromeUpdateManifest({ id: 'abcdefghijklmnopabcdefghijklmnop', version: '1.2.3', codebase });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Record<string, unknown>;
    expect(parsed['gupdate']).toEqual({
      xmlns: 'http://www.google.com/update2/response',
      protocol: '2.0',
      app: { appid: 'abcdefghijklmnopabcdefghijklmnop', updatecheck: { codebase, version: '1.2.3' } },
    });
  });

  it("Firefox's update manifest names the add-on, the version, the signed .xpi and the oldest Firefox", () => {
    const json = firefoxUpdateManifest({
      id: 'a@b.example',
      version: '1.2.3',
      updateLink: 'https://h.example/a.xpi',
      strictMinVersion: '140.0',
    });
    expect(JSON.parse(json)).toEqual({
      addons: {
        'a@b.example': {
          updates: [{ version: '1.2.3', update_link: 'https://h.example/a.xpi', applications: { gecko: { strict_min_version: '140.0' } } }],
        },
      },
    });
  });
});

describe('npm run package options', () => {
  it('--crx takes --key and --update-url; Firefox takes --firefox-update-url', () => {
    const cli = parseCli([
      '--out',
      'o',
      '--crx',
      '--key',
      'k.pem',
      '--update-url',
      'https://h/u.xml',
      '--firefox-update-url',
      'https://h/u.json',
    ]);
    expect(cli).toMatchObject({
      out: path.resolve('o'),
      packages: { crx: { keyFile: path.resolve('k.pem'), updateUrl: 'https://h/u.xml' }, firefox: { updateUrl: 'https://h/u.json' } },
    });
    expect(parseCli(['--help'])).toBe('help');
  });

  it('refuses what does not fit, saying how to make a key when --key is missing', () => {
    expect(() => parseCli(['--crx', '--update-url', 'https://h/u.xml'])).toThrow(/--crx needs --key[^]*openssl genpkey/);
    expect(() => parseCli(['--crx', '--key', 'k.pem'])).toThrow(/--crx needs --update-url/);
    expect(() => parseCli(['--key', 'k.pem'])).toThrow(/go with --crx/);
    expect(() => parseCli(['--xpi-url', 'https://h/a.xpi'])).toThrow(/goes with --firefox-update-url/);
    expect(() => parseCli(['--bogus'])).toThrow();
  });

  it('update URLs must be https', () => {
    expect(httpsUrl('https://h.example/u.xml', '--update-url')).toBe('https://h.example/u.xml');
    expect(() => httpsUrl('http://h.example/u.xml', '--update-url')).toThrow(/must be an https:\/\/ URL/);
    expect(() => httpsUrl('not a url', '--update-url')).toThrow(/is not a URL/);
  });
});
