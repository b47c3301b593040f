/**
 * The CLI on a day of proxy logs: lines per second end to end (read, split, parse, classify,
 * count, as `classify --summary --json FILE` does) on a generated Combined log, against reading
 * and splitting the same file and nothing else.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { logLine, requests } from '../harness/logs.ts';
import { decompressed, linesOf, openInput } from '../src/cli/lines.ts';
import { runClassify } from '../src/cli/run.ts';
import { VENDORS } from '../src/core/vendors/index.ts';
import type { SummaryData } from '../src/cli/summary.ts';
import { buildCorpus } from './corpus.ts';
import { median } from './stats.ts';

export interface LogBenchResult {
  lines: number;
  megabytes: number;
  /** Lines per second, median of the rounds. */
  baselineLinesPerSecond: number;
  classifyLinesPerSecond: number;
  /** Requests the run counted as a vendor's page, and as installed software. */
  vendorRequests: number;
  softwareRequests: number;
  tunnels: number;
}

/**
 * Writes `lines` Combined-format lines: the URL benchmark's corpus, a fifth of the requests as
 * HTTPS tunnels, and one in fifty from a vendor's installed software (its data's examples).
 */
async function writeLog(file: string, lines: number): Promise<void> {
  const corpus = buildCorpus(100_000);
  const software = VENDORS.flatMap((vendor) => vendor.softwareTraffic?.examples ?? []).map((example) =>
    example.includes('/') ? example : `CONNECT ${example}`,
  );
  const pool = corpus.urls.map((url, i) =>
    i % 50 === 1 ? software[i % software.length]! : i % 5 === 0 ? `CONNECT ${new URL(url).hostname}:443` : url,
  );
  const out = createWriteStream(file);
  let chunk = '';
  let i = 0;
  for (const request of requests(pool, lines, 2_000)) {
    chunk += `${logLine('combined', request, i++)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function baseline(file: string): Promise<number> {
  let count = 0;
  for await (const batch of linesOf(decompressed(openInput(file)), 1 << 20)) count += batch.length;
  return count;
}

async function classify(file: string): Promise<SummaryData> {
  let output = '';
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
  const code = await runClassify(['--summary', '--json', file], { stdin: Readable.from([]), stdout, stderr });
  if (code !== 0) throw new Error(`classify exited ${code}`);
  return JSON.parse(output) as SummaryData;
}

export async function benchLogs(lines = 1_000_000, rounds = 3): Promise<LogBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vendor-guard-bench-logs-'));
  try {
    const file = path.join(dir, 'access.log');
    await writeLog(file, lines);
    const baselineRates: number[] = [];
    const classifyRates: number[] = [];
    let summary: SummaryData | null = null;
    for (let round = 0; round < rounds; round++) {
      let start = process.hrtime.bigint();
      const counted = await baseline(file);
      baselineRates.push(counted / (Number(process.hrtime.bigint() - start) / 1e9));
      start = process.hrtime.bigint();
      summary = await classify(file);
      classifyRates.push(summary.lines / (Number(process.hrtime.bigint() - start) / 1e9));
    }
    return {
      lines,
      megabytes: statSync(file).size / 2 ** 20,
      baselineLinesPerSecond: median(baselineRates),
      classifyLinesPerSecond: median(classifyRates),
      vendorRequests: Object.values(summary!.vendors).reduce((a, b) => a + b, 0),
      softwareRequests: summary!.software.requests,
      tunnels: summary!.tunnels,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
