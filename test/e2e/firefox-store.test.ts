/**
 * What the stores get: Mozilla's addons-linter finds nothing in the Firefox build (0 errors,
 * 0 warnings; warnings are fixed at their cause, never filtered), on dist/firefox and on the zip
 * `npm run package` writes for addons.mozilla.org, and the packages are byte-for-byte
 * reproducible.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, type PackageFile } from '../../scripts/package.ts';
import { FIREFOX_DIST } from './firefox-runner.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LINTER = path.join(ROOT, 'node_modules/addons-linter/bin/addons-linter');

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
}

/** Runs addons-linter on a directory or a zip and returns its JSON report. */
function lint(target: string): Promise<LinterReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LINTER, '--output', 'json', '--boring', target], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('exit', () => {
      try {
        resolve(JSON.parse(stdout) as LinterReport);
      } catch {
        reject(new Error(`addons-linter printed no JSON report.\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`));
      }
    });
  });
}

/** One line per problem, so a failure says what the linter found. */
function problems(report: LinterReport): string[] {
  return [...report.errors, ...report.warnings].map((m) => `${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
}

/** File names and contents of a zip this project wrote (deflate or stored, no Zip64). */
function unzip(data: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    at += 46 + nameLength + extra;
  }
  return files;
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
    first = await buildPackages(dirs[0]!);
    second = await buildPackages(dirs[1]!);
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
    expect(second.map((f) => [path.basename(f.file), f.sha256, f.bytes])).toEqual(
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

  it('the AMO zip passes addons-linter with 0 errors and 0 warnings too', async () => {
    const report = await lint(first[1]!.file);
    expect(problems(report)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });
});
