import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = (args: string[], input = '') =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/classify.ts', ...args], { cwd: root, input, encoding: 'utf8' });

it('classifies URLs from stdin in order, one JSON object per line, and never fails on bad input', () => {
  const output = run([], 'https://usa.kaspersky.com/premium\nnot a url\nhttps://www.kaspersky.com/blog/post/1/\n\u0000\u00ff%%%\nhttps://example.org/\n');
  const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { url: string; kind: string; reasons: string[]; vendor: string | null });
  expect(lines.map((line) => [line.url, line.kind])).toEqual([
    ['https://usa.kaspersky.com/premium', 'purchase'],
    ['not a url', 'none'],
    ['https://www.kaspersky.com/blog/post/1/', 'vendor'],
    ['\u0000\u00ff%%%', 'none'],
    ['https://example.org/', 'none'],
  ]);
  expect(lines[1]).toEqual({ url: 'not a url', vendor: null, kind: 'none', reasons: ['invalid-url'] });
  expect(Object.keys(lines[0]!)).toEqual(['url', 'vendor', 'kind', 'reasons']);
});

it('takes URLs as arguments', () => {
  const output = run(['https://www.kaspersky.co.uk/plus', 'https://kaspersky.com@evil.example/']);
  expect(output.trim().split('\n').map((line) => (JSON.parse(line) as { kind: string }).kind)).toEqual(['purchase', 'none']);
});
