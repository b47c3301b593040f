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
