/**
 * The test run of `npm test`, after the type check, lint, format check and build: the browser
 * tests (one file at a time, `--project e2e`) and, at the same time, the unit and package tests
 * (`--project unit --project packages`). A browser test spends most of its time waiting for
 * pages, so the other tests fit beside it instead of after it. The e2e output streams as it
 * comes; the other run's output follows in one piece when it is done, so the two never
 * interleave. Fails if either run fails.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs');

interface Run {
  done: Promise<number>;
  output: () => string;
}

function vitest(projects: string[], streamed: boolean): Run {
  const args = [VITEST, 'run', ...projects.flatMap((project) => ['--project', project])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', streamed ? 'inherit' : 'pipe', streamed ? 'inherit' : 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<number>((resolve) => {
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${error.message}\n`));
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return { done, output: () => Buffer.concat(chunks).toString('utf8') };
}

const others = vitest(['unit', 'packages'], false);
const e2e = vitest(['e2e'], true);
const [e2eCode, othersCode] = await Promise.all([e2e.done, others.done]);
process.stdout.write(`\n── unit and package tests ──\n${others.output()}`);
if (e2eCode !== 0) console.error(`The e2e tests failed (exit code ${e2eCode}).`);
if (othersCode !== 0) console.error(`The unit or package tests failed (exit code ${othersCode}).`);
process.exitCode = e2eCode || othersCode;
