/**
 * The counts `classify --summary` prints: by decision, kind, vendor and host, by client and user
 * when the log names them, and apart, the requests of software still installed. Every field is
 * a count or a map of counts, so summaries of parts of a log add up to the summary of the whole
 * (`--merge`, the reducer of a map-reduce run); only the first few malformed lines are kept.
 */
import type { PageKind } from '../core/classify/verdict.ts';

/** What the extension would do: nothing, the calmer notice (never a block), the warning, or block the page. */
export type CliDecision = 'none' | 'notice' | 'warn' | 'block';

type Counts = Record<string, number>;

export interface SummaryData {
  /** Marks the object as a Vendor Guard summary, and its shape's version. */
  vendorGuardSummary: 1;
  /** Lines read, blank ones included. */
  lines: number;
  /** Lines that were requests (classified or not). */
  requests: number;
  /** Lines that were not requests of the format (too long, cut, unreadable). */
  malformed: number;
  /** The first few malformed lines, where they are and what is wrong. */
  malformedExamples: { source: string; line: number; problem: string; text: string }[];
  /** Lines per format read (a run over several files may see several). */
  formats: Counts;
  /** HTTPS tunnels ("CONNECT host:443"): only the host was known. */
  tunnels: number;
  /** Requests logged as a path without a host (a web server's own log): not classified. */
  withoutHost: number;
  /** What the extension would do on each request's page. */
  decisions: Counts;
  kinds: Counts;
  /** Requests with a verdict naming a vendor, by vendor. */
  vendors: Counts;
  /** The hosts of requests with a verdict naming a vendor. */
  hosts: Counts;
  /** Requests with a verdict naming a vendor, by client, then by kind. */
  clients: Record<string, Counts>;
  /** The same by user, when the log names users. */
  users: Record<string, Counts>;
  /** Requests of the vendors' installed software (updates, reputation look-ups, activation), counted apart. */
  software: {
    requests: number;
    vendors: Counts;
    hosts: Counts;
    /** By client, then by vendor. */
    clients: Record<string, Counts>;
    users: Record<string, Counts>;
  };
}

/** How many malformed lines a summary keeps as examples. */
export const MALFORMED_EXAMPLES = 5;

export function emptySummary(): SummaryData {
  return {
    vendorGuardSummary: 1,
    lines: 0,
    requests: 0,
    malformed: 0,
    malformedExamples: [],
    formats: {},
    tunnels: 0,
    withoutHost: 0,
    decisions: {},
    kinds: {},
    vendors: {},
    hosts: {},
    clients: {},
    users: {},
    software: { requests: 0, vendors: {}, hosts: {}, clients: {}, users: {} },
  };
}

const bump = (counts: Counts, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};
const bumpIn = (table: Record<string, Counts>, key: string, inner: string) => bump((table[key] ??= {}), inner);

/** One classified request, as the summary counts it. */
export interface CountedRequest {
  host: string | null;
  client: string | null;
  user: string | null;
  vendor: string | null;
  kind: PageKind;
  decision: CliDecision;
  /** The vendor whose installed software made the request; such requests count only there. */
  software: string | null;
}

export function countRequest(summary: SummaryData, request: CountedRequest): void {
  summary.requests++;
  if (request.software !== null) {
    const { software } = summary;
    software.requests++;
    bump(software.vendors, request.software);
    if (request.host !== null) bump(software.hosts, request.host);
    if (request.client !== null) bumpIn(software.clients, request.client, request.software);
    if (request.user !== null) bumpIn(software.users, request.user, request.software);
    return;
  }
  bump(summary.decisions, request.decision);
  bump(summary.kinds, request.kind);
  if (request.vendor === null) return;
  bump(summary.vendors, request.vendor);
  if (request.host !== null) bump(summary.hosts, request.host);
  if (request.client !== null) bumpIn(summary.clients, request.client, request.kind);
  if (request.user !== null) bumpIn(summary.users, request.user, request.kind);
}

export function countMalformed(summary: SummaryData, source: string, line: number, problem: string, text: string): void {
  summary.malformed++;
  if (summary.malformedExamples.length < MALFORMED_EXAMPLES) {
    summary.malformedExamples.push({ source, line, problem, text: text.length > 200 ? `${text.slice(0, 200)}…` : text });
  }
}

/** Adds `part` into `total`: counts add up, examples are kept up to the limit. */
export function mergeSummary(total: SummaryData, part: SummaryData): void {
  addCounts(total as unknown as Record<string, unknown>, part as unknown as Record<string, unknown>);
  total.malformedExamples = [...total.malformedExamples, ...part.malformedExamples].slice(0, MALFORMED_EXAMPLES);
}

function addCounts(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    if (key === 'vendorGuardSummary' || key === 'malformedExamples') continue;
    if (typeof value === 'number') into[key] = ((into[key] as number | undefined) ?? 0) + value;
    else if (typeof value === 'object' && value !== null) {
      if (typeof into[key] !== 'object' || into[key] === null) into[key] = {};
      addCounts(into[key] as Record<string, unknown>, value as Record<string, unknown>);
    }
  }
}

/** A summary read back from JSON, or why it is not one. */
export function readSummary(text: string): SummaryData | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'is not JSON';
  }
  if (typeof value !== 'object' || value === null || (value as { vendorGuardSummary?: unknown }).vendorGuardSummary !== 1) {
    return 'is not a summary written by classify --summary --json';
  }
  const summary = emptySummary();
  mergeSummary(summary, value as SummaryData);
  return summary;
}

const total = (counts: Counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);
const byCount = <T>(entries: [string, T][], count: (value: T) => number) =>
  entries.sort((a, b) => count(b[1]) - count(a[1]) || (a[0] < b[0] ? -1 : 1));

/** The summary as plain-text tables, the largest counts first, `top` rows per table. */
export function renderSummary(summary: SummaryData, top: number): string {
  const out: string[] = [];
  const n = (value: number) => value.toLocaleString('en-US');
  const table = (title: string, header: string[], rows: string[][], more = 0) => {
    if (rows.length === 0) return;
    const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => (row[c] ?? '').length)));
    const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
    out.push('', title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line));
    if (more > 0) out.push(`(${n(more)} more)`);
  };
  const counts = (title: string, what: string, map: Counts) => {
    const rows = byCount(Object.entries(map), (v) => v);
    table(
      title,
      [what, 'requests'],
      rows.slice(0, top).map(([key, value]) => [key, n(value)]),
      rows.length - top,
    );
  };
  const perPerson = (title: string, what: string, map: Record<string, Counts>, columns: string[]) => {
    const rows = byCount(Object.entries(map), total);
    table(
      title,
      [what, ...columns, 'total'],
      rows.slice(0, top).map(([key, value]) => [key, ...columns.map((c) => n(value[c] ?? 0)), n(total(value))]),
      rows.length - top,
    );
  };

  out.push(
    `${n(summary.lines)} lines: ${n(summary.requests)} requests, ${n(summary.malformed)} malformed` +
      (summary.tunnels ? `, ${n(summary.tunnels)} HTTPS tunnels (host only)` : '') +
      (summary.withoutHost ? `, ${n(summary.withoutHost)} without a host (not classified)` : ''),
  );
  counts('What the extension would do', 'decision', summary.decisions);
  counts('Pages by kind', 'kind', summary.kinds);
  counts('Restricted vendors', 'vendor', summary.vendors);
  counts('Hosts of those pages', 'host', summary.hosts);
  const kinds = ['purchase', 'download', 'vendor'];
  perPerson('Who visits restricted vendors’ pages, by client', 'client', summary.clients, kinds);
  perPerson('… by user', 'user', summary.users, kinds);
  const { software } = summary;
  if (software.requests > 0) {
    out.push(
      '',
      `Software still installed: ${n(software.requests)} requests of the vendors' installed software (updates, reputation look-ups, activation)`,
    );
    counts('… by vendor', 'vendor', software.vendors);
    const vendors = Object.keys(software.vendors).sort();
    perPerson('… by client', 'client', software.clients, vendors);
    perPerson('… by user', 'user', software.users, vendors);
    counts('… by host', 'host', software.hosts);
  }
  if (summary.malformedExamples.length > 0) {
    out.push('', 'Malformed lines (the first few):');
    for (const example of summary.malformedExamples) out.push(`  ${example.source}:${example.line}: ${example.problem}: ${example.text}`);
  }
  return `${out.join('\n')}\n`;
}
