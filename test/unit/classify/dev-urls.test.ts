import { expect, it } from 'vitest';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { isFlagged, type PageKind } from '../../../src/core/classify/verdict.ts';
import { dataRows } from '../helpers.ts';

/**
 * The labelled development set (test/fixtures/data/dev-urls.tsv, copied from ../shared/data).
 * Rules are written from knowledge of the vendor, not from this list; this measures them.
 */
it('classifies the labelled URLs with high precision, recall and accuracy', () => {
  const rows = dataRows('dev-urls.tsv').slice(1);
  expect(rows.length).toBeGreaterThan(200);
  let correct = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const [url = '', label = '', note = ''] of rows) {
    const verdict = classifyUrl(url);
    const expected = { vendor: null, kind: label as PageKind, reasons: [], rule: null };
    if (verdict.kind === label) correct++;
    else misses.push(`  expected ${label}, got ${verdict.kind} by ${verdict.rule} [${verdict.reasons.join(', ')}] ${url} (${note})`);
    if (isFlagged(verdict) && isFlagged(expected)) truePositives++;
    else if (isFlagged(verdict)) falsePositives++;
    else if (isFlagged(expected)) falseNegatives++;
  }
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  const accuracy = correct / rows.length;
  console.log(
    `dev-urls: ${rows.length} URLs; flag precision ${(precision * 100).toFixed(1)}%, ` +
      `flag recall ${(recall * 100).toFixed(1)}%, 4-way accuracy ${(accuracy * 100).toFixed(1)}%` +
      (misses.length ? `\nmisses:\n${misses.join('\n')}` : '\nmisses: none'),
  );
  expect(precision).toBeGreaterThanOrEqual(0.95);
  expect(recall).toBeGreaterThanOrEqual(0.95);
  expect(accuracy).toBeGreaterThanOrEqual(0.93);
});

interface Tally {
  rows: number;
  correct: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? '   -  ' : `${((part / whole) * 100).toFixed(1).padStart(5)}%`);

/**
 * The labelled set of the equipment makers (test/fixtures/data/new-vendors-dev-urls.tsv, copied
 * from ../shared/data; columns url, label, vendor, note), measured per vendor: a flagged page
 * counts as right only when the verdict names the labelled vendor. Rows of vendor "none" are
 * other makers' pages. Written from knowledge of the makers' sites, not from this list.
 */
it('classifies the equipment makers’ labelled URLs, per vendor', () => {
  const rows = dataRows('new-vendors-dev-urls.tsv').slice(1);
  expect(rows.length).toBeGreaterThan(100);
  const tallies = new Map<string, Tally>();
  const misses: string[] = [];
  for (const [url = '', label = '', vendor = '', note = ''] of rows) {
    const verdict = classifyUrl(url);
    const tally = tallies.get(vendor) ?? { rows: 0, correct: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    tallies.set(vendor, tally);
    tally.rows++;
    const expectedFlag = isFlagged({ vendor: null, kind: label as PageKind, reasons: [], rule: null });
    const rightVendor = label === 'none' || verdict.vendor === vendor;
    if (verdict.kind === label && rightVendor) tally.correct++;
    else misses.push(`  ${vendor}: expected ${label}, got ${verdict.kind} of ${verdict.vendor} by ${verdict.rule} ${url} (${note})`);
    if (isFlagged(verdict) && expectedFlag && rightVendor) tally.truePositives++;
    else if (isFlagged(verdict)) tally.falsePositives++;
    if (expectedFlag && !(isFlagged(verdict) && rightVendor)) tally.falseNegatives++;
  }
  const total: Tally = { rows: 0, correct: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const tally of tallies.values()) for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
  const line = (name: string, t: Tally) =>
    `  ${name.padEnd(10)} ${String(t.rows).padStart(4)}   ${percent(t.truePositives, t.truePositives + t.falsePositives)}   ` +
    `${percent(t.truePositives, t.truePositives + t.falseNegatives)}   ${percent(t.correct, t.rows)}`;
  console.log(
    [
      'new-vendors-dev-urls: flag precision, flag recall and 4-way accuracy per vendor',
      '  vendor     rows   precision   recall   accuracy',
      ...[...tallies.keys()].sort().map((name) => line(name, tallies.get(name)!)),
      line('all', total),
      misses.length ? `misses:\n${misses.join('\n')}` : 'misses: none',
    ].join('\n'),
  );
  expect(total.truePositives / (total.truePositives + total.falsePositives)).toBeGreaterThanOrEqual(0.97);
  expect(total.truePositives / (total.truePositives + total.falseNegatives)).toBeGreaterThanOrEqual(0.93);
  expect(total.correct / total.rows).toBeGreaterThanOrEqual(0.95);
  for (const [name, tally] of tallies) expect(tally.correct / tally.rows, `${name} accuracy`).toBeGreaterThanOrEqual(0.85);
});
