/**
 * A signed CRX3 package for self-hosted Chrome and Edge, packed by Chromium's own packer
 * (`chromium --pack-extension=DIR --pack-extension-key=KEY.pem`), so the format and the signature
 * are the browser's. The organisation's private key decides the extension id; it never enters
 * the repository.
 */
import { spawnSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** How to make a signing key, said whenever one is missing or unusable. */
export const MAKE_KEY_HELP = [
  'Make a signing key once with:',
  '  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out vendor-guard.pem',
  'Keep it private and backed up, outside the repository: every update must be signed with the',
  'same key, or browsers see a different extension (a different id).',
].join('\n');

export class SigningKeyError extends Error {}

/** Reads the organisation's RSA private key (PEM, PKCS#8 or PKCS#1); says how to make one if it cannot. */
export async function readSigningKey(file: string): Promise<KeyObject> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permissions)'
          : `cannot be read (${code ?? String(error)})`;
    throw new SigningKeyError(`The signing key ${file} ${what}.\n${MAKE_KEY_HELP}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SigningKeyError(`${file} is not a PEM private key.\n${MAKE_KEY_HELP}`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new SigningKeyError(
      `${file} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; Chromium signs packages with RSA keys.\n${MAKE_KEY_HELP}`,
    );
  }
  return key;
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The Chromium-based browser that packs: `CHROME_PATH`, else the first one installed in a usual place. */
export function findChromium(): string {
  const configured = process.env['CHROME_PATH'];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROME_PATH is ${configured}, which does not exist.`);
    return configured;
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('Packing a .crx needs Chromium, Chrome or Edge: install one, or set CHROME_PATH to its executable.');
  return found;
}

/** The manifest of the self-hosted build: no `key` (the organisation's key decides the id), and where updates come from. */
export function selfHostedChromeManifest(manifest: Record<string, unknown>, updateUrl: string): Record<string, unknown> {
  const { key: _key, ...rest } = manifest;
  return { ...rest, update_url: updateUrl };
}

export interface PackCrxOptions {
  /** The unpacked extension (its manifest already as it should ship). */
  extensionDir: string;
  key: KeyObject;
  /** Chromium's executable; default findChromium(). */
  chromium?: string;
}

/** A CRX3 of `extensionDir` signed with `key`, made by Chromium's packer. */
export async function packCrx({ extensionDir, key, chromium = findChromium() }: PackCrxOptions): Promise<Buffer> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-crx-'));
  try {
    const dir = path.join(work, 'vendor-guard');
    await cp(extensionDir, dir, { recursive: true });
    const keyFile = path.join(work, 'key.pem');
    // Chromium reads PKCS#8; the key file given may be PKCS#1.
    await writeFile(keyFile, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const args = [
      `--pack-extension=${dir}`,
      `--pack-extension-key=${keyFile}`,
      // A profile of its own: with the user's, a running browser would take the command instead.
      `--user-data-dir=${path.join(work, 'profile')}`,
      '--no-first-run',
      '--disable-gpu',
      // Chromium refuses to run as root with its sandbox (CI, containers).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ];
    const result = spawnSync(chromium, args, { encoding: 'utf8', timeout: 120_000 });
    const crxFile = `${dir}.crx`;
    if (result.error || !existsSync(crxFile)) {
      const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-10).join('\n');
      throw new Error(
        `${chromium} --pack-extension did not write a .crx (${result.error?.message ?? `exit ${String(result.status)}`}).\n${output}`,
      );
    }
    const crx = await readFile(crxFile);
    if (crx.toString('latin1', 0, 4) !== 'Cr24' || crx.readUInt32LE(4) !== 3)
      throw new Error(`${chromium} wrote something that is not a CRX3 file.`);
    return crx;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
