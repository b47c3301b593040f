import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Test data carried by the project (copied from ../shared/data; see test/fixtures/data/README.md). */
export function readTestData(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/data/${name}`, import.meta.url)), 'utf8');
}

/** Non-comment, non-empty lines of a data file, split on TAB. */
export function dataRows(name: string): string[][] {
  return readTestData(name)
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}
