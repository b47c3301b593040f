/** How the benchmark prints: aligned plain-text tables, and its units (ns, ms, ratios, KB). */
import type { Distribution } from './stats.ts';

/** A table with its first column left-aligned and the figures right-aligned, under a title. */
export function table(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ')}`;
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(`  ${widths.map((width) => '-'.repeat(width)).join('   ')}`);
  for (const row of cells.slice(1)) console.log(line(row));
}

export const ns = (value: number) => value.toFixed(0);
export const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(2) : value.toFixed(0));
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const dist = (d: Distribution) => `${ms(d.median)} / ${ms(d.p95)}`;
export const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
