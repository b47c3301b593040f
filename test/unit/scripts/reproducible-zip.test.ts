/**
 * The store packages' zip writer: the same bytes for the same files, in any order and any time
 * zone, and archives that other zip readers accept: Info-ZIP's `unzip -t` and Python's zipfile
 * (which also reads back each entry's date, permissions and compression).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reproducibleZip, type ZipEntry } from '../../../scripts/packaging/reproducible-zip.ts';

const text = (s: string) => new TextEncoder().encode(s);

const ENTRIES: ZipEntry[] = [
  { path: 'manifest.json', data: text(`${JSON.stringify({ name: 'x', version: '1' }, null, 2)}\n`.repeat(20)) },
  { path: '_locales/de/messages.json', data: text('{"a":{"message":"Prüfung für Käufe"}}\n'.repeat(30)) },
  { path: 'assets/noise.bin', data: new Uint8Array(randomBytes(4096)) },
  { path: 'assets/empty.txt', data: new Uint8Array(0) },
  { path: 'docs/café ✓.txt', data: text('non-ASCII name') },
];

interface PythonEntry {
  name: string;
  date_time: number[];
  mode: number;
  create_system: number;
  compress_type: number;
  data: string;
}

/** What Python's zipfile reads from the archive: testzip()'s verdict and every entry. */
function pythonReads(file: string): { bad: string | null; entries: PythonEntry[] } {
  const script = [
    'import base64, json, sys, zipfile',
    'with zipfile.ZipFile(sys.argv[1]) as z:',
    '    bad = z.testzip()',
    '    entries = [dict(name=i.filename, date_time=list(i.date_time), mode=i.external_attr >> 16,',
    '                    create_system=i.create_system, compress_type=i.compress_type,',
    "                    data=base64.b64encode(z.read(i)).decode('ascii')) for i in z.infolist()]",
    'print(json.dumps(dict(bad=bad, entries=entries)))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 zipfile failed: ${result.stderr || result.error?.message}`);
  return JSON.parse(result.stdout) as { bad: string | null; entries: PythonEntry[] };
}

function withTimeZone<T>(zone: string, run: () => T): T {
  const before = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}

describe('reproducibleZip', () => {
  let dir: string;
  let file: string;
  const archive = reproducibleZip(ENTRIES);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-zip-'));
    file = path.join(dir, 'test.zip');
    await writeFile(file, archive);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same bytes for the same files in any order and in any time zone', () => {
    expect(reproducibleZip([...ENTRIES].reverse()).equals(archive)).toBe(true);
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      expect(withTimeZone(zone, () => reproducibleZip(ENTRIES)).equals(archive), zone).toBe(true);
    }
  });

  it("passes Info-ZIP's unzip -t", () => {
    const result = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout).toContain('No errors detected');
    expect(result.status).toBe(0);
  });

  it("is read by Python's zipfile: sorted entries, the same data, dated 1980-01-01 00:00, regular files 0644 from Unix", () => {
    const { bad, entries } = pythonReads(file);
    expect(bad).toBeNull();
    const sortedPaths = ENTRIES.map((e) => e.path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(entries.map((e) => e.name)).toEqual(sortedPaths);
    for (const entry of entries) {
      const original = ENTRIES.find((e) => e.path === entry.name)!;
      expect(Buffer.from(entry.data, 'base64').equals(Buffer.from(original.data)), entry.name).toBe(true);
      expect(entry.date_time, entry.name).toEqual([1980, 1, 1, 0, 0, 0]);
      expect(entry.mode, entry.name).toBe(0o100644);
      expect(entry.create_system, entry.name).toBe(3);
    }
    const method = (name: string) => entries.find((e) => e.name === name)!.compress_type;
    expect(method('manifest.json')).toBe(8); // deflated
    expect(method('assets/noise.bin')).toBe(0); // random bytes do not shrink: stored
  });

  it('refuses paths that are not clean and relative, and duplicates', () => {
    for (const bad of ['', '/etc/passwd', '../x', 'a//b', 'a/./b', 'a\\b', 'dir/']) {
      expect(() => reproducibleZip([{ path: bad, data: text('x') }]), bad).toThrow(/clean relative path/);
    }
    expect(() => reproducibleZip([ENTRIES[0]!, ENTRIES[0]!])).toThrow(/Duplicate/);
  });
});
