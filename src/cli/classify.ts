import { createInterface } from 'node:readline';
import { classifyUrl } from '../core/classify/url.ts';

/**
 * `npm run classify -- URL...` or `... | npm run classify`: one JSON object per input URL,
 * in input order. Malformed input gets kind "none" with reason "invalid-url"; never exits non-zero.
 */
function line(url: string): string {
  let result;
  try {
    result = classifyUrl(url);
  } catch {
    result = { vendor: null, kind: 'none', reasons: ['invalid-url'] };
  }
  return JSON.stringify({ url, vendor: result.vendor, kind: result.kind, reasons: result.reasons });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    for (const url of args) process.stdout.write(`${line(url)}\n`);
    return;
  }
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of input) {
    const url = raw.trim();
    if (url) process.stdout.write(`${line(url)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`classify: ${error instanceof Error ? error.message : String(error)}\n`);
}).finally(() => {
  process.exitCode = 0;
});
