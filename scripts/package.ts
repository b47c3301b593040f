/**
 * `npm run package`: the store uploads, built fresh from the sources and zipped reproducibly.
 *
 *   dist/packages/vendor-guard-<version>-chrome.zip   Chrome Web Store and Edge Add-ons
 *   dist/packages/vendor-guard-<version>-firefox.zip  addons.mozilla.org
 *   dist/packages/vendor-guard-<version>-source.zip   the sources AMO asks for (the add-on is bundled and minified)
 *   dist/packages/SHA256SUMS
 *
 * The same commit gives byte-for-byte the same zips (sorted entries, fixed timestamps and
 * permissions; see scripts/reproducible-zip.ts). The builds go to a temporary directory, so packaging never
 * touches dist/chrome or dist/firefox.
 *
 * The Chrome package leaves out the manifest's `key`: the stores refuse it and give the listing
 * its own id (docs/admin.md says which id to use then). The unpacked dist/chrome keeps it.
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
import { reproducibleZip, type ZipEntry } from './reproducible-zip.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'vendor-guard';

export interface PackageFile {
  kind: 'chrome' | 'firefox' | 'source';
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

/** The build's files, with the manifest changed by `edit` (re-serialised with two-space indent). */
function withManifest(entries: ZipEntry[], edit: (manifest: Record<string, unknown>) => void): ZipEntry[] {
  return entries.map((entry) => {
    if (entry.path !== 'manifest.json') return entry;
    const manifest = JSON.parse(Buffer.from(entry.data).toString('utf8')) as Record<string, unknown>;
    edit(manifest);
    return { path: entry.path, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') };
  });
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

/** Builds both browsers and writes the three zips and SHA256SUMS into `outDir`. */
export async function buildPackages(outDir: string, log: (line: string) => void = () => undefined): Promise<PackageFile[]> {
  const version = await packageVersion();
  const staging = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-package-'));
  try {
    const chromeDir = path.join(staging, 'chrome');
    const firefoxDir = path.join(staging, 'firefox');
    log('Building for Chrome and Edge...');
    await viteBuild('chrome', chromeDir);
    log('Building for Firefox...');
    await viteBuild('firefox', firefoxDir);

    const chrome = withManifest(await filesUnder(chromeDir), (manifest) => {
      delete manifest['key'];
    });
    const firefox = withManifest(await filesUnder(firefoxDir), (manifest) => {
      if ('key' in manifest || !manifest['browser_specific_settings']) throw new Error('dist/firefox is not a Firefox build');
    });
    const source = await sourceEntries(version);
    if (source.dirty.length > 0) {
      log(`Note: the working tree differs from the commit (${source.dirty.length} files); the source zip holds the working tree.`);
    }

    await mkdir(outDir, { recursive: true });
    const outputs: [PackageFile['kind'], ZipEntry[]][] = [
      ['chrome', chrome],
      ['firefox', firefox],
      ['source', source.entries],
    ];
    const files: PackageFile[] = [];
    for (const [kind, entries] of outputs) {
      const file = path.join(outDir, `${NAME}-${version}-${kind}.zip`);
      const data = reproducibleZip(entries);
      await writeFile(file, data);
      files.push(describe(kind, file, data));
    }
    const sums = files.map((f) => `${f.sha256}  ${path.basename(f.file)}\n`).join('');
    await writeFile(path.join(outDir, 'SHA256SUMS'), sums);
    return files;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function parseOut(argv: readonly string[]): string {
  let out = path.join(ROOT, 'dist/packages');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out' && argv[i + 1]) out = path.resolve(argv[++i]!);
    else if (arg.startsWith('--out=')) out = path.resolve(arg.slice('--out='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run package [-- --out DIR]   (default dist/packages)');
      process.exit(0);
    } else throw new Error(`Unknown argument: ${arg}`);
  }
  return out;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const out = parseOut(process.argv.slice(2));
    const files = await buildPackages(out, (line) => console.log(line));
    console.log(`\nPackages in ${path.relative(process.cwd(), out) || '.'}:`);
    for (const f of files) {
      console.log(`  ${path.basename(f.file).padEnd(36)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KiB  sha256 ${f.sha256}`);
    }
  } catch (error) {
    console.error(`npm run package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
