/**
 * The log formats `classify` reads, one line at a time: what each line says about one request
 * (its URL, and who made it when the log says), or why the line is not one.
 *
 * - `urls`: one URL per line (the CLI's first input).
 * - `squid`: Squid's native access.log: `time elapsed client action/code bytes method URL user
 *   hierarchy/peer type`, fields separated by runs of spaces.
 * - `common`: the Common and Combined Log Formats (Apache, nginx, and Squid's `combined`):
 *   `client ident user [time] "METHOD URL PROTOCOL" status bytes ["referer" "agent"]`.
 * - `csv`, `tsv`: a header line naming the columns, read by csv-parse (csv.ts).
 *
 * An HTTPS request through a proxy without TLS inspection is logged as `CONNECT host:443`: only
 * the host is known (a tunnel). A server's own log names paths only ("/index.html"): those lines
 * have no host to classify.
 */

export const LOG_FORMATS = ['urls', 'squid', 'common', 'csv', 'tsv'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** One request from a log line. */
export interface LogRequest {
  /** The URL as logged; for a tunnel, "host:port"; for a path-only line, the path. */
  url: string;
  /** What the URL is: a full URL, an HTTPS tunnel's host, or a path without a host. */
  target: 'url' | 'tunnel' | 'path';
  /** The client's address or name, when the log has one. */
  client: string | null;
  /** The authenticated user, when the log has one. */
  user: string | null;
}

/** A request, a line to pass over (blank, a comment, a header), or what is wrong with the line. */
export type LineResult = LogRequest | null | { problem: string };

/** Whitespace-separated fields of a line (runs of spaces or tabs count as one separator). */
function fields(line: string, max: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length && out.length < max) {
    while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i >= line.length) break;
    let end = i;
    while (end < line.length && line.charCodeAt(end) !== 32 && line.charCodeAt(end) !== 9) end++;
    out.push(line.slice(i, end));
    i = end;
  }
  return out;
}

const dash = (value: string | undefined) => (value === undefined || value === '-' || value === '' ? null : value);

/** What a logged request target is: a URL, a tunnel ("host:port"), or a path. */
function target(url: string, method: string): LogRequest['target'] {
  if (method === 'CONNECT') return 'tunnel';
  return url.startsWith('/') ? 'path' : 'url';
}

export function parseUrlLine(line: string): LineResult {
  const url = line.trim();
  return url ? { url, target: 'url', client: null, user: null } : null;
}

const SQUID_TIME = /^\d+(?:\.\d+)?$/;
const SQUID_RESULT = /^[A-Z_]+\/\d{3}$/;

export function parseSquid(line: string): LineResult {
  if (line.trim() === '') return null;
  const f = fields(line, 10);
  if (f.length < 7) return { problem: `a Squid line has at least 7 fields, this one ${f.length}` };
  if (!SQUID_TIME.test(f[0]!)) return { problem: 'the first field is not a Unix time' };
  if (!SQUID_RESULT.test(f[3]!)) return { problem: 'the fourth field is not a result code such as TCP_MISS/200' };
  const method = f[5]!;
  const url = f[6]!;
  return { url, target: target(url, method), client: dash(f[2]), user: dash(f[7]) };
}

export function parseCommon(line: string): LineResult {
  if (line.trim() === '') return null;
  // client ident user [time] "request" status bytes …
  const open = line.indexOf(' [');
  const close = open < 0 ? -1 : line.indexOf('] "', open);
  if (close < 0) return { problem: 'no [time] followed by a quoted request' };
  const head = fields(line.slice(0, open), 4);
  if (head.length !== 3) return { problem: 'expected client, ident and user before the [time]' };
  const requestStart = close + 3;
  let requestEnd = requestStart;
  // nginx escapes a quote inside the request as \".
  while (requestEnd < line.length && line.charCodeAt(requestEnd) !== 34) requestEnd += line.charCodeAt(requestEnd) === 92 ? 2 : 1;
  if (requestEnd >= line.length) return { problem: 'the quoted request is not closed' };
  const status = fields(line.slice(requestEnd + 1), 1)[0] ?? '';
  if (!/^\d{3}$/.test(status)) return { problem: 'no three-digit status after the request' };
  const request = fields(line.slice(requestStart, requestEnd), 4);
  // A request line is "METHOD URL PROTOCOL"; a bad one is logged as "-" or as whatever was sent.
  if (request.length < 2) return { problem: 'the request is not "METHOD URL PROTOCOL"' };
  const [method = '', url = ''] = request;
  return { url, target: target(url, method), client: dash(head[0]), user: dash(head[2]) };
}

/** Column names that hold the URL, the client and the user, as web gateways and proxies export them. */
export const URL_COLUMNS = [
  'url',
  'uri',
  'full_url',
  'fullurl',
  'request_url',
  'requesturl',
  'request-url',
  'cs-uri',
  'cs_uri',
  'destination_url',
  'dest_url',
  'link',
];
export const CLIENT_COLUMNS = [
  'client',
  'client_ip',
  'clientip',
  'client-ip',
  'c-ip',
  'src_ip',
  'srcip',
  'source_ip',
  'sourceip',
  'ip',
  'host_ip',
  'device',
];
export const USER_COLUMNS = ['user', 'username', 'user_name', 'login', 'cs-username', 'cs_username', 'account', 'email'];

/** The column of `header` named by `wanted`, or the first with one of `known` names (any case); -1 when none. */
export function columnIndex(header: readonly string[], wanted: string | null, known: readonly string[]): number {
  const names = header.map((name) => name.trim().toLowerCase());
  if (wanted !== null) return names.indexOf(wanted.trim().toLowerCase());
  return names.findIndex((name) => known.includes(name));
}

const SQUID_LINE = /^\d{9,}(?:\.\d+)?\s+-?\d+\s+\S+\s+[A-Z_]+\/\d{3}\s/;
const COMMON_LINE = /^\S+ \S+ \S+ \[[^\]]+\] "/;

/** The format of a log from its first non-blank lines (a CSV header naming `urlColumn`, if given); null when none fits. */
export function detectFormat(lines: readonly string[], urlColumn: string | null = null): LogFormat | null {
  const sample = lines.filter((line) => line.trim() !== '');
  const first = sample[0];
  if (first === undefined) return 'urls';
  if (SQUID_LINE.test(first)) return 'squid';
  if (COMMON_LINE.test(first)) return 'common';
  for (const [format, delimiter] of [
    ['tsv', '\t'],
    ['csv', ','],
    ['csv', ';'],
  ] as const) {
    if (first.includes(delimiter) && columnIndex(first.split(delimiter).map(unquote), urlColumn, URL_COLUMNS) >= 0) return format;
  }
  if (sample.every((line) => !/\s/.test(line.trim()))) return 'urls';
  return null;
}

const unquote = (cell: string) => cell.trim().replace(/^"(.*)"$/, '$1');
