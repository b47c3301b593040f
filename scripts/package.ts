/**
 * `npm run package`: the store uploads, built fresh from the sources and zipped reproducibly.
 *
 *   dist/packages/vendor-guard-<version>-chrome.zip   Chrome Web Store and Edge Add-ons
 *   dist/packages/vendor-guard-<version>-firefox.zip  addons.mozilla.org (listed)
 *   dist/packages/vendor-guard-<version>-source.zip   the sources AMO asks for (the add-on is bundled and minified)
 *   dist/packages/SHA256SUMS
 *
 * For organisations that host the extension themselves (docs/admin.md):
 *
 *   --crx --key FILE.pem --update-url URL [--crx-url URL]
 *     vendor-guard-<version>.crx  signed CRX3 for Chrome and Edge, packed by Chromium with your key
 *     updates.xml                 the update manifest to serve at URL; the .crx is expected beside
 *                                 it unless --crx-url says where
 *     prints the extension id your key gives.
 *   --firefox-update-url URL [--xpi-url URL]
 *     vendor-guard-<version>-firefox-self-hosted.zip  to submit to AMO as unlisted (self-distributed)
 *                                 for signing; its manifest's gecko.update_url is URL
 *     updates.json                the update manifest to serve at URL; the signed .xpi is expected
 *                                 beside it unless --xpi-url says where
 *
 * The same commit gives byte-for-byte the same zips (sorted entries, fixed timestamps and
 * permissions; see scripts/packaging/reproducible-zip.ts). The builds go to a temporary
 * directory, so packaging never touches dist/chrome or dist/firefox.
 *
 * The Chrome packages leave out the manifest's `key`: the stores refuse it and give the listing
 * its own id, and a self-hosted .crx takes its id from the organisation's key. The unpacked
 * dist/chrome keeps it.
 *
 * Options: `--out DIR` (default dist/packages).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MAKE_KEY_HELP, packCrx, readSigningKey, selfHostedChromeManifest, SigningKeyError } from './packaging/crx.ts';
import { extensionIdFromPrivateKey } from './packaging/extension-id.ts';
import { reproducibleZip, type ZipEntry } from './packaging/reproducible-zip.ts';
import { chromeUpdateManifest, firefoxUpdateManifest } from './packaging/update-manifests.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'vendor-guard';

export interface PackageFile {
  kind: 'chrome' | 'firefox' | 'source' | 'crx' | 'chrome-updates' | 'firefox-self-hosted' | 'firefox-updates';
  file: string;
  bytes: number;
  sha256: string;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

/** The version both package.json and manifest.json carry (they must agree). */
export async function packageVersion(): Promise<string> {
  const pkg = await readJson(path.join(ROOT, 'package.json'));
  const manifest = await readJson(path.join(ROOT, 'manifest.json'));
  if (typeof pkg['version'] !== 'string' || pkg['version'] !== manifest['version']) {
    throw new Error(`package.json version (${String(pkg['version'])}) and manifest.json version (${String(manifest['version'])}) differ`);
  }
  return pkg['version'];
}

function viteBuild(mode: 'chrome' | 'firefox', outDir: string): Promise<void> {
  const args = [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (mode === 'firefox') args.push('--mode', 'firefox');
  return new Promise((resolve, reject) => {
    // NODE_ENV decides what preact and vite bundle (a test runner sets it to "test"): always production.
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`vite build (${mode}) failed: ${signal ?? `exit code ${String(code)}`}`)),
    );
  });
}

/** Every file under `dir`, as zip entries with paths relative to it. */
async function filesUnder(dir: string, prefix = ''): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    const relative = prefix ? `${prefix}/${item.name}` : item.name;
    if (item.isDirectory()) entries.push(...(await filesUnder(full, relative)));
    else if (item.isFile()) entries.push({ path: relative, data: await readFile(full) });
    else throw new Error(`Not a regular file in the build: ${full}`);
  }
  return entries;
}

/** The build's files, with the manifest replaced by what `edit` makes of it (re-serialised with two-space indent). */
function withManifest(entries: ZipEntry[], edit: (manifest: Record<string, unknown>) => Record<string, unknown>): ZipEntry[] {
  return entries.map((entry) => {
    if (entry.path !== 'manifest.json') return entry;
    const manifest = edit(JSON.parse(Buffer.from(entry.data).toString('utf8')) as Record<string, unknown>);
    return { path: entry.path, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') };
  });
}

/** The Firefox manifest of the self-distributed add-on: where Firefox looks for its updates. */
function selfHostedFirefoxManifest(manifest: Record<string, unknown>, updateUrl: string): Record<string, unknown> {
  const settings = manifest['browser_specific_settings'] as { gecko: Record<string, unknown> };
  return { ...manifest, browser_specific_settings: { ...settings, gecko: { ...settings.gecko, update_url: updateUrl } } };
}

function git(args: string[]): string {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.error?.message || ''}`);
  return result.stdout;
}

/** The tracked files of the checkout (what a clone of this commit holds), under `<name>-<version>/`. */
async function sourceEntries(version: string): Promise<{ entries: ZipEntry[]; dirty: string[] }> {
  const tracked = git(['ls-files', '-z']).split('\0').filter(Boolean);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']).split('\n').filter(Boolean);
  const entries: ZipEntry[] = [];
  for (const file of tracked) {
    const full = path.join(ROOT, file);
    if (!existsSync(full)) continue; // deleted in the working tree: listed in `dirty`
    entries.push({ path: `${NAME}-${version}/${file}`, data: await readFile(full) });
  }
  return { entries, dirty };
}

function describe(kind: PackageFile['kind'], file: string, data: Buffer): PackageFile {
  return { kind, file, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

export interface PackageOptions {
  /** A signed .crx and updates.xml for self-hosted Chrome and Edge. */
  crx?: {
    /** The organisation's RSA private key (PEM). */
    keyFile: string;
    /** Where updates.xml will be served (HTTPS). */
    updateUrl: string;
    /** Where the .crx will be served; default beside updates.xml. */
    crxUrl?: string;
  };
  /** The self-distributed Firefox package and its update manifest. */
  firefox?: {
    /** Where updates.json will be served (HTTPS). */
    updateUrl: string;
    /** Where the AMO-signed .xpi will be served; default beside updates.json. */
    xpiUrl?: string;
  };
  log?: (line: string) => void;
}

export interface Packages {
  files: PackageFile[];
  /** With `crx`: the extension id the key gives (what policies name). */
  chromeExtensionId?: string;
}

/** An https: URL, or an error naming the option. */
export function httpsUrl(value: string, option: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${option} is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:') throw new Error(`${option} must be an https:// URL (browsers fetch updates over HTTPS): ${value}`);
  return url.href;
}

/** Writes each entry under `dir` (for Chromium's packer, which packs a directory). */
async function writeTree(dir: string, entries: ZipEntry[]): Promise<void> {
  for (const entry of entries) {
    const file = path.join(dir, ...entry.path.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, entry.data);
  }
}

/** Builds both browsers and writes the three zips (and, as asked, the self-hosted packages) and SHA256SUMS into `outDir`. */
export async function buildPackages(outDir: string, options: PackageOptions = {}): Promise<Packages> {
  const log = options.log ?? (() => undefined);
  const version = await packageVersion();
  // Checked before anything is built: a missing key should not cost a build.
  const crxKey = options.crx ? await readSigningKey(options.crx.keyFile) : undefined;
  const crxUpdateUrl = options.crx ? httpsUrl(options.crx.updateUrl, '--update-url') : undefined;
  const crxUrl = options.crx
    ? options.crx.crxUrl
      ? httpsUrl(options.crx.crxUrl, '--crx-url')
      : new URL(`${NAME}-${version}.crx`, crxUpdateUrl).href
    : undefined;
  const firefoxUpdateUrl = options.firefox ? httpsUrl(options.firefox.updateUrl, '--firefox-update-url') : undefined;
  const xpiUrl = options.firefox
    ? options.firefox.xpiUrl
      ? httpsUrl(options.firefox.xpiUrl, '--xpi-url')
      : new URL(`${NAME}-${version}.xpi`, firefoxUpdateUrl).href
    : undefined;

  const staging = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-package-'));
  try {
    const chromeDir = path.join(staging, 'chrome');
    const firefoxDir = path.join(staging, 'firefox');
    log('Building for Chrome and Edge...');
    await viteBuild('chrome', chromeDir);
    log('Building for Firefox...');
    await viteBuild('firefox', firefoxDir);

    const chromeBuild = await filesUnder(chromeDir);
    const chrome = withManifest(chromeBuild, ({ key: _key, ...manifest }) => manifest);
    const firefoxBuild = await filesUnder(firefoxDir);
    let firefoxManifest: Record<string, unknown> = {};
    const firefox = withManifest(firefoxBuild, (manifest) => {
      if ('key' in manifest || !manifest['browser_specific_settings']) throw new Error('dist/firefox is not a Firefox build');
      firefoxManifest = manifest;
      return manifest;
    });
    const source = await sourceEntries(version);
    if (source.dirty.length > 0) {
      log(`Note: the working tree differs from the commit (${source.dirty.length} files); the source zip holds the working tree.`);
    }

    await mkdir(outDir, { recursive: true });
    const files: PackageFile[] = [];
    const write = async (kind: PackageFile['kind'], name: string, data: Buffer) => {
      const file = path.join(outDir, name);
      await writeFile(file, data);
      files.push(describe(kind, file, data));
    };
    const zips: [PackageFile['kind'], ZipEntry[]][] = [
      ['chrome', chrome],
      ['firefox', firefox],
      ['source', source.entries],
    ];
    for (const [kind, entries] of zips) await write(kind, `${NAME}-${version}-${kind}.zip`, reproducibleZip(entries));

    let chromeExtensionId: string | undefined;
    if (crxKey && crxUpdateUrl && crxUrl) {
      log('Packing the .crx with Chromium...');
      const selfHostedDir = path.join(staging, 'chrome-self-hosted');
      await writeTree(
        selfHostedDir,
        withManifest(chromeBuild, (manifest) => selfHostedChromeManifest(manifest, crxUpdateUrl)),
      );
      chromeExtensionId = extensionIdFromPrivateKey(crxKey);
      await write('crx', `${NAME}-${version}.crx`, await packCrx({ extensionDir: selfHostedDir, key: crxKey }));
      const updates = chromeUpdateManifest({ id: chromeExtensionId, version, codebase: crxUrl });
      await write('chrome-updates', 'updates.xml', Buffer.from(updates, 'utf8'));
    }
    if (firefoxUpdateUrl && xpiUrl) {
      const gecko = (firefoxManifest['browser_specific_settings'] as { gecko: { id: string; strict_min_version?: string } }).gecko;
      const selfHosted = withManifest(firefoxBuild, (manifest) => selfHostedFirefoxManifest(manifest, firefoxUpdateUrl));
      await write('firefox-self-hosted', `${NAME}-${version}-firefox-self-hosted.zip`, reproducibleZip(selfHosted));
      const updates = firefoxUpdateManifest({ id: gecko.id, version, updateLink: xpiUrl, strictMinVersion: gecko.strict_min_version });
      await write('firefox-updates', 'updates.json', Buffer.from(updates, 'utf8'));
    }

    const sums = files.map((f) => `${f.sha256}  ${path.basename(f.file)}\n`).join('');
    await writeFile(path.join(outDir, 'SHA256SUMS'), sums);
    return { files, chromeExtensionId };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const USAGE = `Usage: npm run package [-- options]

  --out DIR                 where the packages go (default dist/packages)

Self-hosted Chrome and Edge (see docs/admin.md):
  --crx                     also write a signed vendor-guard-<version>.crx and updates.xml
  --key FILE.pem            your RSA private key (never commit it)
  --update-url URL          where you will serve updates.xml (https://)
  --crx-url URL             where you will serve the .crx (default: beside updates.xml)

Self-distributed Firefox:
  --firefox-update-url URL  where you will serve updates.json (https://); also writes the zip
                            to submit to addons.mozilla.org as unlisted, with that update_url
  --xpi-url URL             where you will serve the signed .xpi (default: beside updates.json)
`;

interface CliOptions {
  out: string;
  packages: Omit<PackageOptions, 'log'>;
}

export function parseCli(argv: readonly string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      out: { type: 'string' },
      crx: { type: 'boolean' },
      key: { type: 'string' },
      'update-url': { type: 'string' },
      'crx-url': { type: 'string' },
      'firefox-update-url': { type: 'string' },
      'xpi-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const packages: CliOptions['packages'] = {};
  if (values.crx) {
    if (!values.key) throw new SigningKeyError(`--crx needs --key FILE.pem: the private key that signs the package.\n${MAKE_KEY_HELP}`);
    if (!values['update-url']) throw new Error('--crx needs --update-url URL: where you will serve updates.xml.');
    packages.crx = { keyFile: path.resolve(values.key), updateUrl: values['update-url'], crxUrl: values['crx-url'] };
  } else if (values.key || values['update-url'] || values['crx-url']) {
    throw new Error('--key, --update-url and --crx-url go with --crx.');
  }
  if (values['firefox-update-url']) packages.firefox = { updateUrl: values['firefox-update-url'], xpiUrl: values['xpi-url'] };
  else if (values['xpi-url']) throw new Error('--xpi-url goes with --firefox-update-url.');
  return { out: path.resolve(values.out ?? path.join(ROOT, 'dist/packages')), packages };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const cli = parseCli(process.argv.slice(2));
    if (cli === 'help') {
      console.log(USAGE);
      process.exit(0);
    }
    const { files, chromeExtensionId } = await buildPackages(cli.out, { ...cli.packages, log: (line) => console.log(line) });
    console.log(`\nPackages in ${path.relative(process.cwd(), cli.out) || '.'}:`);
    for (const f of files) {
      console.log(`  ${path.basename(f.file).padEnd(46)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KiB  sha256 ${f.sha256}`);
    }
    if (chromeExtensionId && cli.packages.crx) {
      console.log(`\nExtension id (from ${path.basename(cli.packages.crx.keyFile)}): ${chromeExtensionId}`);
      console.log(`ExtensionInstallForcelist entry: ${chromeExtensionId};${new URL(cli.packages.crx.updateUrl).href}`);
    }
  } catch (error) {
    console.error(`npm run package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
