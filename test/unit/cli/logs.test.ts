/**
 * classify on logs: every format, against counts worked out here from the classifier itself;
 * malformed lines, CRLF, gzip and over-long lines; CSV details; missing files; and the map-reduce
 * contract: split a log, map the parts in parallel, merge, and get the one run's summary. Run in
 * process (runClassify with the test's streams), except one run of real processes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, logLine, requests, type GeneratedFormat, type LoggedRequest } from '../../../harness/logs.ts';
import { labelledExamples } from '../../../src/core/classify/examples.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { isFlagged } from '../../../src/core/classify/verdict.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import { compileSoftwareTraffic } from '../../../src/core/vendors/software-traffic.ts';
import type { SummaryData } from '../../../src/cli/summary.ts';
import { getVendor } from '../../../src/core/vendors/index.ts';
import { levelFor } from '../../../src/core/vendors/standing.ts';
import { UNKNOWN_READER } from '../../../src/core/vendors/view.ts';
import { runInProcess } from './in-process.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const run = runInProcess;

const summaryOf = async (args: string[], stdin: string | Buffer = '') => {
  const result = await run([...args, '--summary', '--json'], stdin);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as SummaryData;
};

/** Tunnels and what the extension would make of their hosts alone. */
const TUNNELS: Record<string, { vendor: string | null; kind: string; software?: string }> = {
  'CONNECT store.kaspersky.com:443': { vendor: 'kaspersky', kind: 'purchase' },
  'CONNECT usa.kaspersky.com:443': { vendor: 'kaspersky', kind: 'vendor' },
  'CONNECT www.google.com:443': { vendor: null, kind: 'none' },
  'CONNECT ksn-file-geo.kaspersky-labs.com:443': { vendor: 'kaspersky', kind: 'vendor', software: 'kaspersky' },
};

const kaspersky = VENDORS.find((vendor) => vendor.id === 'kaspersky')!;
/** Every labelled example, the installed software's requests, some plain pages, and tunnels. */
const POOL = [
  ...labelledExamples().map((example) => example.url),
  ...kaspersky.softwareTraffic!.examples.filter((example) => example.includes('/')),
  'https://www.example.org/',
  'https://news.example.com/2026/12/story.html?ref=home',
  ...Object.keys(TUNNELS),
];
const REQUESTS = [...requests(POOL, 600, 40)];

/** The summary's counts as this test works them out from the classifier and the vendor data. */
function expected(list: readonly LoggedRequest[], withUsers: boolean) {
  const software = compileSoftwareTraffic(VENDORS);
  const out = {
    requests: list.length,
    tunnels: 0,
    decisions: {} as Record<string, number>,
    /** The decisions under a block policy: a vendor whose level is a notice gets the notice, never a block. */
    blockDecisions: {} as Record<string, number>,
    kinds: {} as Record<string, number>,
    vendors: {} as Record<string, number>,
    clients: {} as Record<string, Record<string, number>>,
    users: {} as Record<string, Record<string, number>>,
    software: { requests: 0, vendors: {} as Record<string, number>, clients: {} as Record<string, Record<string, number>> },
  };
  const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);
  for (const request of list) {
    let vendor: string | null;
    let kind: string;
    let by: string | null;
    if (request.method === 'CONNECT') {
      out.tunnels++;
      const tunnel = TUNNELS[`CONNECT ${request.url}`]!;
      [vendor, kind, by] = [tunnel.vendor, tunnel.kind, tunnel.software ?? null];
    } else {
      const verdict = classifyUrl(request.url);
      const url = new URL(request.url);
      [vendor, kind, by] = [verdict.vendor, verdict.kind, software.vendorOf(url.hostname.replace(/\.$/, ''), url.pathname)];
    }
    if (by !== null) {
      out.software.requests++;
      bump(out.software.vendors, by);
      bump((out.software.clients[request.client] ??= {}), by);
      continue;
    }
    const flagged = kind === 'purchase' || kind === 'download';
    const level = vendor === null ? 'warning' : levelFor(getVendor(vendor)!.restrictions, UNKNOWN_READER);
    const shown = level === 'warning' ? 'warn' : 'notice';
    bump(out.decisions, flagged ? shown : 'none');
    bump(out.blockDecisions, !flagged ? 'none' : level === 'warning' ? 'block' : 'notice');
    bump(out.kinds, kind);
    if (vendor === null) continue;
    bump(out.vendors, vendor);
    bump((out.clients[request.client] ??= {}), kind);
    if (withUsers && request.user) bump((out.users[request.user] ??= {}), kind);
  }
  return out;
}

/** The expected counts under the default settings (warn mode), without the block-policy decisions. */
const warnCounts = ({ blockDecisions: _underBlockPolicy, ...counts }: ReturnType<typeof expected>) => counts;

const logOf = (format: GeneratedFormat, list: readonly LoggedRequest[], newline = '\n') => {
  const lines = list.map((request, i) => logLine(format, request, i));
  if (format === 'csv' || format === 'tsv') lines.unshift(csvHeader(format));
  return `${lines.join(newline)}${newline}`;
};

const picked = (summary: SummaryData) => ({
  requests: summary.requests,
  tunnels: summary.tunnels,
  decisions: summary.decisions,
  kinds: summary.kinds,
  vendors: summary.vendors,
  clients: summary.clients,
  users: summary.users,
  software: { requests: summary.software.requests, vendors: summary.software.vendors, clients: summary.software.clients },
});

describe('classify --summary on logs', () => {
  it.each(['squid', 'common', 'combined', 'csv', 'tsv'] as const)('counts a %s log as the classifier does', async (format) => {
    const summary = await summaryOf([], logOf(format, REQUESTS));
    expect(picked(summary)).toEqual(warnCounts(expected(REQUESTS, true)));
    expect(summary.formats).toEqual({
      [format === 'combined' ? 'common' : format]: REQUESTS.length + (format === 'csv' || format === 'tsv' ? 1 : 0),
    });
    expect(summary.malformed).toBe(0);
    // The list is long enough to hold every kind, tunnels and installed software.
    expect(Object.keys(summary.kinds).sort()).toEqual(['download', 'none', 'purchase', 'vendor']);
    expect(summary.software.requests).toBeGreaterThan(0);
  });

  it('counts a list of URLs, and tells the extension would block under a block policy', async () => {
    const urls = REQUESTS.filter((request) => request.method !== 'CONNECT');
    const summary = await summaryOf(['--policy', 'docs/policies/block-locked.json'], urls.map((request) => request.url).join('\n'));
    const wanted = expected(urls, false);
    expect(summary.kinds).toEqual(wanted.kinds);
    expect(summary.decisions).toEqual(wanted.blockDecisions);
    expect(wanted.blockDecisions['notice']).toBeGreaterThan(0); // the makers' notices, for a private reader
    expect(summary.clients).toEqual({});
  });

  it('counts malformed lines with their numbers, reads CRLF, blank lines, gzip and over-long lines, and carries on', async () => {
    const list = REQUESTS.slice(0, 50);
    const lines = logOf('combined', list, '\r\n').split('\r\n');
    lines.splice(
      3,
      0,
      'this is not a log line',
      '',
      `${'x'.repeat(5000)}`,
      '10.0.0.1 - - [01/Dec/2026:00:00:00 +0000] "GET http://a.example/ HTTP/1.1',
    );
    const log = lines.join('\r\n');
    for (const input of [log, gzipSync(log)]) {
      const summary = await summaryOf(['--format', 'combined', '--max-line-length', '1000'], input);
      expect(picked(summary)).toEqual(warnCounts(expected(list, true)));
      expect([summary.lines, summary.malformed]).toEqual([list.length + 4, 3]);
      expect(summary.malformedExamples.map((example) => [example.line, example.problem])).toEqual([
        [4, 'no [time] followed by a quoted request'],
        [6, 'longer than 1000 characters (5000)'],
        [7, 'the quoted request is not closed'],
      ]);
    }
  });

  it('keeps memory for a line no longer than the limit, whatever its length', async () => {
    const summary = await summaryOf(
      ['--format', 'urls', '--max-line-length', '100'],
      `https://a.example/\n${'y'.repeat(3_000_000)}\nhttps://usa.kaspersky.com/premium`,
    );
    expect([summary.requests, summary.malformed, summary.kinds]).toEqual([2, 1, { none: 1, purchase: 1 }]);
  });

  it('leaves out a vendor the policy switches off, its installed software too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendor-guard-off-'));
    try {
      const policy = join(dir, 'policy.json');
      writeFileSync(policy, JSON.stringify({ vendors: [] }));
      const summary = await summaryOf(['--policy', policy], logOf('squid', REQUESTS.slice(0, 200)));
      expect([summary.vendors, summary.software.requests, summary.kinds['none']]).toEqual([{}, 0, 200]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops clients and users with --no-clients', async () => {
    const summary = await summaryOf(['--no-clients'], logOf('squid', REQUESTS.slice(0, 100)));
    expect([summary.clients, summary.users, summary.software.clients, summary.software.users]).toEqual([{}, {}, {}, {}]);
    expect(summary.software.requests + summary.requests).toBeGreaterThan(100 - 1);
  });
});

describe('classify on CSV exports', () => {
  it('reads quoted cells, names the URL column, and skips an unbalanced line', async () => {
    const csv = [
      'When;Source IP;User;Full URL',
      '2026-12-01;10.0.0.7;"Doe, Jane";"https://www.amazon.com/s?k=kaspersky,premium"',
      '2026-12-01;10.0.0.8;"bad;https://usa.kaspersky.com/premium',
      '2026-12-01;10.0.0.9;;https://usa.kaspersky.com/premium',
    ].join('\n');
    const lines = (await run(['--url-column', 'Full URL', '--client-column', 'source ip'], csv)).stdout.trim().split('\n');
    const { vendor, kind, reasons } = classifyUrl('https://usa.kaspersky.com/premium');
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      {
        url: 'https://www.amazon.com/s?k=kaspersky,premium',
        client: '10.0.0.7',
        user: 'Doe, Jane',
        vendor: null,
        kind: 'none',
        reasons: [],
      },
      { url: 'https://usa.kaspersky.com/premium', client: '10.0.0.9', vendor, kind, reasons },
    ]);
    const missing = await run(['--format', 'csv'], 'a,b\n1,2\n');
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'classify: (stdin): no URL column in the header (a, b); name it with --url-column\n',
    ]);
  });

  it('reads a headerless part of a split export with --columns', async () => {
    const part = logOf('tsv', REQUESTS.slice(0, 40)).split('\n').slice(21).join('\n');
    const summary = await summaryOf(['--format', 'tsv', '--columns', csvHeader('tsv')], part);
    expect(picked(summary)).toEqual(warnCounts(expected(REQUESTS.slice(20, 40), true)));
  });
});

describe('classify per request (the mapper)', () => {
  it('prints one JSON object per request, in order, with client and user', async () => {
    const list = REQUESTS.filter((request) => request.method !== 'CONNECT').slice(0, 80);
    const output = await run(['--format', 'squid'], logOf('squid', list));
    const lines = output.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(list.length);
    lines.forEach((line, i) => {
      const { vendor, kind, reasons } = classifyUrl(list[i]!.url);
      expect(line).toMatchObject({ url: list[i]!.url, client: list[i]!.client, vendor, kind, reasons });
      expect(line['user']).toBe(list[i]!.user ?? undefined);
      expect(isFlagged({ vendor, kind, reasons, rule: null }) && line['software'] !== undefined).toBe(false);
    });
  });

  it('names a missing or unreadable file and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendor-guard-logs-'));
    try {
      const missing = await run([join(dir, 'access.log')]);
      expect([missing.code, missing.stdout, missing.stderr]).toEqual([
        2,
        '',
        `classify: cannot read ${join(dir, 'access.log')}: no such file\n`,
      ]);
      mkdirSync(join(dir, 'logs'));
      expect((await run([join(dir, 'logs')])).stderr).toBe(`classify: cannot read ${join(dir, 'logs')}: is a directory\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('map-reduce: split, map in parallel, merge', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vendor-guard-split-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A summary without where its malformed examples were (parts number their own lines). */
  const comparable = (summary: SummaryData) => ({
    ...summary,
    malformedExamples: summary.malformedExamples.map(({ problem, text }) => ({ problem, text })),
  });

  it('gives the one run’s summary, in process', async () => {
    const lines = logOf('common', REQUESTS).split('\n');
    lines.splice(100, 0, 'broken');
    const whole = lines.join('\n');
    const one = await summaryOf([], whole);
    const parts = [0, 1, 2, 3].map((k) => lines.slice(k * 160, (k + 1) * 160).join('\n'));
    const mapped = await Promise.all(parts.map((part) => run(['--format', 'common', '--summary', '--json'], part)));
    const merged = await run(['--merge', '--json'], mapped.map((result) => result.stdout).join(''));
    expect(comparable(JSON.parse(merged.stdout) as SummaryData)).toEqual(comparable(one));
    // And the table of the merge is the table of the one run.
    expect((await run(['--merge'], mapped.map((result) => result.stdout).join(''))).stdout).toBe(
      (await run(['--summary', '--format', 'common'], whole)).stdout,
    );
  });

  it('gives the one run’s summary with real processes on gzip parts', async () => {
    const lines = logOf('squid', REQUESTS).trimEnd().split('\n');
    const files = [0, 1].map((k) => {
      const file = join(dir, `part-${k}.log.gz`);
      writeFileSync(file, gzipSync(`${lines.slice(k * 300, (k + 1) * 300).join('\n')}\n`));
      return file;
    });
    const exec = promisify(execFile);
    const classify = (args: string[]) => exec(process.execPath, ['--import', 'tsx', 'src/cli/classify.ts', ...args], { cwd: root });
    const mapped = await Promise.all(files.map((file) => classify(['--summary', '--json', file])));
    mapped.forEach((result, k) => writeFileSync(join(dir, `part-${k}.json`), result.stdout));
    const merged = await classify(['--merge', '--json', join(dir, 'part-0.json'), join(dir, 'part-1.json')]);
    const one = await summaryOf([], `${lines.join('\n')}\n`);
    expect(comparable(JSON.parse(merged.stdout) as SummaryData)).toEqual(comparable(one));
  }, 60_000);

  it('refuses to merge what is not a summary', async () => {
    const result = await run(['--merge'], '{"lines":3}\n');
    expect([result.code, result.stderr]).toEqual([2, 'classify: (stdin):1: is not a summary written by classify --summary --json\n']);
  });
});
