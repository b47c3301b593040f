/**
 * What the stores get: Mozilla's addons-linter finds nothing in the Firefox build (0 errors,
 * 0 warnings; warnings are fixed at their cause, never filtered), on dist/firefox, and `web-ext
 * lint` finds nothing in the zip `npm run package` writes for addons.mozilla.org; the packages
 * are byte-for-byte reproducible, and Info-ZIP's unzip and Python's zipfile accept them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, type PackageFile } from '../../scripts/package.ts';
import { FIREFOX_DIST } from '../../harness/firefox/runner.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LINTER = path.join(ROOT, 'node_modules/addons-linter/bin/addons-linter');
const WEB_EXT = path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
const FIREFOX_UPDATE_URL = 'https://software.example.com/vendor-guard/firefox/updates.json';

interface LinterMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
interface LinterReport {
  count: number;
  summary: { errors: number; warnings: number; notices: number };
  errors: LinterMessage[];
  warnings: LinterMessage[];
  notices: LinterMessage[];
  metadata?: { id?: string };
}

/** Parses a linter's JSON report from its output. */
function report(stdout: string, stderr: string, tool: string): LinterReport {
  try {
    return JSON.parse(stdout) as LinterReport;
  } catch {
    throw new Error(`${tool} printed no JSON report.\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`);
  }
}

/** Runs a Node CLI (addons-linter, web-ext) and returns its JSON report. */
function lintWith(tool: string, args: string[]): Promise<LinterReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tool, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('exit', () => {
      try {
        resolve(report(stdout, stderr, path.basename(tool)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** addons-linter on a directory or a zip. */
const lint = (target: string) => lintWith(LINTER, ['--output', 'json', '--boring', target]);
/** `web-ext lint` (addons-linter as web-ext configures it for AMO) on a directory or a zip. */
const webExtLint = (target: string, selfHosted = false) =>
  lintWith(WEB_EXT, ['lint', '--source-dir', target, '--output', 'json', '--boring', ...(selfHosted ? ['--self-hosted'] : [])]);

/** One line per problem, so a failure says what the linter found. */
function problems(report: LinterReport): string[] {
  return [...report.errors, ...report.warnings].map((m) => `${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
}

/** File names and contents of a zip, read with fflate. */
function unzip(data: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(data)).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}

/** Runs `command` and returns its exit code and output (stdout and stderr). */
function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('addons-linter', () => {
  it('reports 0 errors and 0 warnings on dist/firefox', async () => {
    const report = await lint(FIREFOX_DIST);
    expect(problems(report)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBe(0);
  });
});

describe('npm run package', () => {
  const dirs: string[] = [];
  let first: PackageFile[];
  let second: PackageFile[];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-packages-')));
    first = (await buildPackages(dirs[0]!)).files;
    // The second run also writes the self-distributed Firefox package: the store zips must not change.
    second = (await buildPackages(dirs[1]!, { firefox: { updateUrl: FIREFOX_UPDATE_URL } })).files;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('writes the Chrome/Edge, AMO and source zips, named with the version, byte-for-byte the same on every run', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(first.map((f) => path.basename(f.file))).toEqual([
      `vendor-guard-${version}-chrome.zip`,
      `vendor-guard-${version}-firefox.zip`,
      `vendor-guard-${version}-source.zip`,
    ]);
    expect(second.slice(0, 3).map((f) => [path.basename(f.file), f.sha256, f.bytes])).toEqual(
      first.map((f) => [path.basename(f.file), f.sha256, f.bytes]),
    );
    const sums = await readFile(path.join(dirs[0]!, 'SHA256SUMS'), 'utf8');
    for (const f of first) expect(sums).toContain(`${f.sha256}  ${path.basename(f.file)}`);
  });

  it('the Chrome zip has the managed-policy schema and no key; the AMO zip is the Firefox build; the source zip builds it', async () => {
    const chrome = unzip(await readFile(first[0]!.file));
    const chromeManifest = JSON.parse(chrome.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(chromeManifest['key']).toBeUndefined();
    expect(chromeManifest['storage']).toEqual({ managed_schema: 'managed_schema.json' });
    expect(chrome.has('managed_schema.json')).toBe(true);
    for (const locale of ['en', 'de', 'fr', 'es']) expect(chrome.has(`_locales/${locale}/messages.json`), locale).toBe(true);

    const firefox = unzip(await readFile(first[1]!.file));
    const firefoxManifest = JSON.parse(firefox.get('manifest.json')!.toString('utf8')) as Record<string, Record<string, unknown>>;
    expect(firefoxManifest['browser_specific_settings']?.['gecko']).toMatchObject({ id: 'vendor-guard@vendor-guard.example' });
    expect(firefoxManifest['background']?.['scripts']).toBeDefined();

    const source = unzip(await readFile(first[2]!.file));
    const names = [...source.keys()];
    for (const file of ['package.json', 'package-lock.json', 'vite.config.ts', 'manifest.json', 'README.md', 'src/background/index.ts']) {
      expect(
        names.some((name) => name.endsWith(`/${file}`)),
        file,
      ).toBe(true);
    }
    expect(names.some((name) => /\/(node_modules|dist)\//.test(name))).toBe(false);
  });

  it('the AMO zip passes web-ext lint with 0 errors and 0 warnings too', async () => {
    const report = await webExtLint(first[1]!.file);
    expect(report.metadata?.id).toBe('vendor-guard@vendor-guard.example'); // it read the manifest inside the zip
    expect(problems(report)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('--firefox-update-url: a zip for unlisted signing whose manifest names the update URL, and the update manifest', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(second.slice(3).map((f) => [f.kind, path.basename(f.file)])).toEqual([
      ['firefox-self-hosted', `vendor-guard-${version}-firefox-self-hosted.zip`],
      ['firefox-updates', 'updates.json'],
    ]);
    const selfHosted = unzip(await readFile(second[3]!.file));
    const manifest = JSON.parse(selfHosted.get('manifest.json')!.toString('utf8')) as { browser_specific_settings: { gecko: object } };
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: 'vendor-guard@vendor-guard.example',
      update_url: FIREFOX_UPDATE_URL,
    });
    // Everything but the manifest is the listed package's.
    const listed = unzip(await readFile(first[1]!.file));
    expect([...selfHosted.keys()]).toEqual([...listed.keys()]);
    for (const [name, data] of listed) if (name !== 'manifest.json') expect(selfHosted.get(name)!.equals(data), name).toBe(true);

    const updates = JSON.parse(await readFile(second[4]!.file, 'utf8')) as unknown;
    expect(updates).toEqual({
      addons: {
        'vendor-guard@vendor-guard.example': {
          updates: [
            {
              version,
              update_link: `https://software.example.com/vendor-guard/firefox/vendor-guard-${version}.xpi`,
              applications: { gecko: { strict_min_version: '140.0' } },
            },
          ],
        },
      },
    });
    // AMO signs an unlisted (self-distributed) add-on with an update_url: web-ext lints it as such.
    const report = await webExtLint(second[3]!.file, true);
    expect(problems(report)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("every zip passes Info-ZIP's unzip -t and Python's zipfile testzip()", () => {
    for (const f of [...first, second[3]!]) {
      const unzipTest = run('unzip', ['-t', f.file]);
      expect(unzipTest.output, path.basename(f.file)).toContain('No errors detected');
      expect(unzipTest.status, path.basename(f.file)).toBe(0);
      const python = run('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', f.file]);
      expect(python.output.trim(), path.basename(f.file)).toBe('None');
      expect(python.status, path.basename(f.file)).toBe(0);
    }
  });
});
