/*
 * The classify command (src/cli/classify.ts runs it): URLs and proxy or server logs classified as
 * Vendor Guard does (see options.ts for the options and usage()). A line-in, line-out mapper by
 * default (one JSON object per request), a counter with --summary, and with --merge the reducer
 * that adds --summary --json outputs together: it fits Hadoop Streaming, Spark's RDD.pipe,
 * xargs -P and GNU parallel (docs/admin.md).
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { accessSync, constants, statSync } from 'node:fs';
import { parse as csvParser } from 'csv-parse';
import { createJudge, type DecisionInputs, type Judgement } from './judge.ts';
import { decompressed, linesOf, openInput, type LineEvent } from './lines.ts';
import {
  CLIENT_COLUMNS,
  columnIndex,
  detectFormat,
  parseCommon,
  parseSquid,
  parseUrlLine,
  URL_COLUMNS,
  USER_COLUMNS,
  type LineResult,
  type LogFormat,
  type LogRequest,
} from './log-formats.ts';
import { parseArgs, usage, UsageError, type Options } from './options.ts';
import { loadPolicy } from './policy-file.ts';
import { countMalformed, countRequest, emptySummary, mergeSummary, readSummary, renderSummary, type SummaryData } from './summary.ts';

/** Problems that end the run with exit code 2 (a missing file, a bad header), worded for the user. */
class InputError extends Error {}

/** Where the command reads and writes: the process's streams, or a test's. */
export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Where the requests go: JSON lines on standard output, or the summary's counts. */
class Sink {
  readonly summary = emptySummary();
  private buffered: string[] = [];
  private reported = 0;

  constructor(
    private readonly options: Options,
    private readonly judge: (request: LogRequest) => Judgement,
    private readonly io: Io,
  ) {}

  request(request: LogRequest, format: LogFormat): void {
    const judged = this.judge(request);
    const { clients } = this.options;
    const client = clients ? request.client : null;
    const user = clients ? request.user : null;
    if (request.target === 'tunnel') this.summary.tunnels++;
    if (request.target === 'path') this.summary.withoutHost++;
    if (this.options.summary) {
      const { vendor, kind } = judged.verdict;
      countRequest(this.summary, { host: judged.host, client, user, vendor, kind, decision: judged.decision, software: judged.software });
      return;
    }
    const { vendor, kind, reasons } = judged.verdict;
    const line: Record<string, unknown> = { url: request.url };
    if (format !== 'urls') {
      if (client !== null) line['client'] = client;
      if (user !== null) line['user'] = user;
    }
    Object.assign(line, { vendor, kind, reasons });
    if (this.options.policyFile !== null) line['decision'] = judged.decision;
    if (judged.software !== null) line['software'] = judged.software;
    this.buffered.push(JSON.stringify(line));
    this.summary.requests++;
  }

  malformed(source: string, line: number, problem: string, text: string): void {
    countMalformed(this.summary, source, line, problem, text);
    if (!this.options.summary && this.reported < 5) {
      this.reported++;
      this.io.stderr.write(`classify: ${source}:${line}: ${problem}\n`);
    }
  }

  /** Writes what is buffered, waiting while standard output is full (constant memory). */
  async flush(): Promise<void> {
    if (this.buffered.length === 0) return;
    const text = `${this.buffered.join('\n')}\n`;
    this.buffered = [];
    if (!this.io.stdout.write(text)) await once(this.io.stdout, 'drain');
  }
}

const PARSERS: Record<Exclude<LogFormat, 'csv' | 'tsv'>, (line: string) => LineResult> = {
  urls: parseUrlLine,
  squid: parseSquid,
  common: parseCommon,
};

/** Reads one input (a file or "-") into the sink. */
async function readInput(name: string, options: Options, sink: Sink, io: Io): Promise<void> {
  const source = name === '-' ? '(stdin)' : name;
  const batches = linesOf(decompressed(name === '-' ? io.stdin : openInput(name)), options.maxLineLength);
  let format: LogFormat | null = options.format === 'auto' ? null : options.format;
  let csv: CsvInput | null = null;
  for await (const batch of batches) {
    if (format === null) {
      // Text no log format fits is read as one URL per line, as classify always did.
      const sample = batch.slice(0, 20).flatMap((event) => (event.text === undefined ? [] : [event.text]));
      format = detectFormat(sample, options.urlColumn) ?? 'urls';
    }
    sink.summary.formats[format] = (sink.summary.formats[format] ?? 0) + batch.length;
    sink.summary.lines += batch.length;
    if (format === 'csv' || format === 'tsv') {
      csv ??= new CsvInput(source, format, options, sink);
      await csv.lines(batch);
    } else {
      const parse = PARSERS[format];
      for (const event of batch) {
        if (event.text === undefined) {
          sink.malformed(source, event.number, `longer than ${options.maxLineLength} characters (${event.tooLong})`, '');
          continue;
        }
        const result = parse(event.text);
        if (result === null) continue;
        if ('problem' in result) sink.malformed(source, event.number, result.problem, event.text);
        else sink.request(result, format);
      }
    }
    await sink.flush();
  }
  if (csv) await csv.end();
  await sink.flush();
}

/** CSV and TSV through csv-parse, one log line at a time, so one bad line costs only itself. */
class CsvInput {
  private readonly parser;
  private readonly pending: { record?: string[]; skipped?: string }[] = [];
  /** Line numbers of the lines given to the parser, in order: each gives one record or one skip. */
  private readonly numbers: number[] = [];
  private readonly texts: string[] = [];
  private columns: { url: number; client: number; user: number } | null = null;
  private readonly headerLine: string | null;

  constructor(
    private readonly source: string,
    private readonly format: 'csv' | 'tsv',
    private readonly options: Options,
    private readonly sink: Sink,
  ) {
    this.headerLine = options.columns ? options.columns.join(format === 'tsv' ? '\t' : ',') : null;
    if (options.columns) this.columns = this.columnsOf(options.columns);
    this.parser = csvParser({
      delimiter: format === 'tsv' ? '\t' : [',', ';'],
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_error: true,
      bom: true,
      on_skip: (error) => {
        this.pending.push({ skipped: error?.message ?? 'not a CSV record' });
        return undefined;
      },
    });
    this.parser.on('data', (record: string[]) => this.pending.push({ record }));
  }

  private columnsOf(header: readonly string[]): { url: number; client: number; user: number } {
    const url = columnIndex(header, this.options.urlColumn, URL_COLUMNS);
    if (url < 0) {
      const wanted = this.options.urlColumn ? `no column named "${this.options.urlColumn}"` : 'no URL column';
      throw new InputError(`${this.source}: ${wanted} in the header (${header.join(', ')}); name it with --url-column`);
    }
    return {
      url,
      client: columnIndex(header, this.options.clientColumn, CLIENT_COLUMNS),
      user: columnIndex(header, this.options.userColumn, USER_COLUMNS),
    };
  }

  async lines(batch: LineEvent[]): Promise<void> {
    let text = '';
    for (const event of batch) {
      if (event.text === undefined) {
        this.sink.malformed(this.source, event.number, `longer than ${this.options.maxLineLength} characters (${event.tooLong})`, '');
        continue;
      }
      const line = event.text;
      if (line.trim() === '' || line === this.headerLine) continue;
      // A log record is one line: an open quote would swallow the lines after it.
      if (countQuotes(line) % 2 === 1) {
        this.sink.malformed(this.source, event.number, 'a quoted field is not closed', line);
        continue;
      }
      this.numbers.push(event.number);
      this.texts.push(line);
      text += `${line}\n`;
    }
    if (text === '') return;
    if (!this.parser.write(text)) await once(this.parser, 'drain');
    await new Promise((resolve) => setImmediate(resolve));
    this.drain();
  }

  async end(): Promise<void> {
    const ended = once(this.parser, 'end');
    this.parser.end();
    await ended;
    this.drain();
  }

  private drain(): void {
    for (const item of this.pending.splice(0)) {
      const number = this.numbers.shift() ?? 0;
      const line = this.texts.shift() ?? '';
      if (item.skipped !== undefined) {
        this.sink.malformed(this.source, number, item.skipped, line);
        continue;
      }
      const record = item.record!;
      if (this.columns === null) {
        this.columns = this.columnsOf(record);
        continue;
      }
      const url = (record[this.columns.url] ?? '').trim();
      if (url === '' || url === '-') {
        this.sink.malformed(this.source, number, 'no URL in the URL column', line);
        continue;
      }
      const cell = (index: number) => {
        const value = index < 0 ? '' : (record[index] ?? '').trim();
        return value === '' || value === '-' ? null : value;
      };
      const target = url.startsWith('/') ? 'path' : /^[^/:\s]+:\d+$/.test(url) ? 'tunnel' : 'url';
      this.sink.request({ url, target, client: cell(this.columns.client), user: cell(this.columns.user) }, this.format);
    }
  }
}

function countQuotes(line: string): number {
  let count = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) count++;
  return count;
}

/** Fails with the file's name when an input cannot be read. */
function checkReadable(name: string): void {
  if (name === '-') return;
  try {
    if (statSync(name).isDirectory()) throw new InputError(`cannot read ${name}: is a directory`);
    accessSync(name, constants.R_OK);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`cannot read ${name}: ${why}`);
  }
}

/** --merge: adds up the JSON summaries, one per line, of the inputs. */
async function merge(options: Options, io: Io): Promise<SummaryData> {
  const total = emptySummary();
  for (const name of options.files.length > 0 ? options.files : ['-']) {
    const source = name === '-' ? '(stdin)' : name;
    for await (const batch of linesOf(decompressed(name === '-' ? io.stdin : openInput(name)), Number.MAX_SAFE_INTEGER)) {
      for (const event of batch) {
        if (event.text === undefined || event.text.trim() === '') continue;
        const summary = readSummary(event.text);
        if (typeof summary === 'string') throw new InputError(`${source}:${event.number}: ${summary}`);
        mergeSummary(total, summary);
      }
    }
  }
  return total;
}

/** Runs the command with `args` (without the program's name); resolves to the exit code. */
export async function runClassify(args: readonly string[], io: Io): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`classify: ${error.message}\n\n${usage()}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(usage());
    return 0;
  }
  try {
    for (const file of options.files) checkReadable(file);
    if (options.merge) {
      const total = await merge(options, io);
      io.stdout.write(options.json ? `${JSON.stringify(total)}\n` : renderSummary(total, options.top));
      return 0;
    }
    const inputs: DecisionInputs = { policy: null };
    if (options.policyFile !== null) {
      const loaded = loadPolicy(options.policyFile);
      if (!loaded.ok && 'unreadable' in loaded) throw new InputError(loaded.unreadable);
      if (!loaded.ok) {
        const count = loaded.problems.length;
        let message = `the policy file ${options.policyFile} was not used (${count} problem${count === 1 ? '' : 's'}${loaded.note ? `, ${loaded.note}` : ''}):`;
        for (const problem of loaded.problems) message += `\n  ${problem.path || '(file)'}: ${problem.text}`;
        throw new InputError(message);
      }
      inputs.policy = loaded;
    }
    const sink = new Sink(options, createJudge(inputs), io);
    if (options.urls.length > 0) {
      for (const url of options.urls) sink.request({ url, target: 'url', client: null, user: null }, 'urls');
      await sink.flush();
    } else {
      for (const name of options.files.length > 0 ? options.files : ['-']) await readInput(name, options, sink, io);
    }
    if (options.summary) {
      io.stdout.write(options.json ? `${JSON.stringify(sink.summary)}\n` : renderSummary(sink.summary, options.top));
    } else if (sink.summary.malformed > 0) {
      io.stderr.write(`classify: ${sink.summary.malformed} malformed line${sink.summary.malformed === 1 ? '' : 's'} skipped\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`classify: ${error.message}\n`);
    return 2;
  }
}
