/**
 * `npm run bench`: speed, size and memory of Vendor Guard, each figure beside its peer or
 * budget. Prints tables and writes bench/results.json. Numbers, not pass/fail tests: a target
 * missed is printed as missed.
 *
 *   npm run bench                      everything (builds dist/chrome first; a few minutes)
 *   npm run bench -- --only url,sizes  some sections: url, scaling, logs, pages, sizes, worker, warning
 *   npm run bench -- --no-build        measure the dist/chrome already built
 *   npm run bench -- --quick           fewer rounds and navigations (a smoke run)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from '../harness/fixture-server/server.ts';
import { chromePath } from '../harness/chromium/launch.ts';
import { DIST } from '../harness/paths.ts';
import { buildCorpus } from './corpus.ts';
import { table, verdict } from './format.ts';
import { benchPages, type PageBenchResult } from './pages.ts';
import { benchLogs, type LogBenchResult } from './logs.ts';
import { printLogs, printPages, printScaling, printSizes, printUrl, printWarning, printWorker, type Target } from './report.ts';
import { measureSizes, type PartSize } from './sizes.ts';
import { benchScaling, benchUrls, checksum, type ScalingRow, type UrlBenchResult } from './url.ts';
import { benchWarning, type WarningBenchResult } from './warning.ts';
import { benchWorker, type WorkerBenchResult } from './worker.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['url', 'scaling', 'logs', 'pages', 'sizes', 'worker', 'warning'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const onlyArg =
  args.find((arg) => arg.startsWith('--only'))?.split('=')[1] ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
const only = new Set<Section>(onlyArg ? (onlyArg.split(',') as Section[]) : SECTIONS);
const quick = flag('quick');

interface Results {
  environment: Record<string, string | number>;
  seconds: Partial<Record<Section | 'build' | 'total', number>>;
  targets: Target[];
  url?: UrlBenchResult;
  scaling?: ScalingRow[];
  logs?: LogBenchResult;
  pages?: PageBenchResult;
  sizes?: PartSize[];
  worker?: WorkerBenchResult;
  warning?: WarningBenchResult;
}

const results: Results = {
  environment: {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    platform: `${os.platform()} ${os.release()}`,
  },
  seconds: {},
  targets: [],
};

async function timed<T>(section: keyof Results['seconds'], run: () => Promise<T> | T): Promise<T> {
  const start = Date.now();
  try {
    return await run();
  } finally {
    results.seconds[section] = (Date.now() - start) / 1000;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(
    `Vendor Guard benchmark: ${results.environment['cpu']} ×${results.environment['cores']}, Node ${process.version}${quick ? ' (quick)' : ''}`,
  );
  const needsBuild = only.has('pages') || only.has('sizes') || only.has('worker') || only.has('warning');
  if (needsBuild && !flag('no-build')) {
    await timed('build', () => {
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
      // The warning section runs the fights in Firefox too.
      if (only.has('warning'))
        execFileSync('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    });
  }
  if (only.has('pages') || only.has('worker') || only.has('warning')) {
    results.environment['chromium'] = execFileSync(chromePath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  }

  const corpus = only.has('url') || only.has('scaling') ? buildCorpus(quick ? 20_000 : 120_000) : null;
  if (corpus && only.has('url')) {
    results.url = await timed('url', () => benchUrls(corpus, quick ? 2 : 3));
    results.targets.push(...printUrl(results.url));
  }
  if (corpus && only.has('scaling')) {
    results.scaling = await timed('scaling', () => benchScaling(corpus, [200, 10_000, 100_000], quick ? 1 : 2));
    results.targets.push(...printScaling(results.scaling));
  }
  if (only.has('logs')) {
    results.logs = await timed('logs', () => benchLogs(quick ? 100_000 : 1_000_000, quick ? 1 : 3));
    results.targets.push(...printLogs(results.logs));
  }
  if (only.has('sizes')) {
    results.sizes = await timed('sizes', () => measureSizes(DIST));
    results.targets.push(...printSizes(results.sizes));
  }
  if (only.has('pages') || only.has('worker') || only.has('warning')) {
    const server = await startFixtureServer();
    try {
      if (only.has('pages')) {
        const loads = quick ? { 100: 3, 1024: 3, 5120: 2 } : { 100: 12, 1024: 8, 5120: 6 };
        results.pages = await timed('pages', () => benchPages(server, { navigations: quick ? 20 : 200, loads }));
        results.targets.push(...printPages(results.pages));
      }
      if (only.has('worker')) {
        results.worker = await timed('worker', () =>
          benchWorker(server, { tabs: 50, navigations: quick ? 100 : 1_000, coldStarts: quick ? 2 : 5 }),
        );
        printWorker(results.worker);
      }
      if (only.has('warning')) {
        const loads = quick ? { store: 3, large: 2, stalled: 2 } : { store: 12, large: 6, stalled: 6 };
        results.warning = await timed('warning', () => benchWarning(server, { loads, fightSeconds: quick ? 2 : 10 }));
        results.targets.push(...printWarning(results.warning));
      }
    } finally {
      await server.close();
    }
  }

  results.seconds.total = (Date.now() - started) / 1000;
  table(
    'Targets',
    ['target', 'goal', 'measured', ''],
    results.targets.map((t) => [t.name, t.target, t.value, verdict(t.met)]),
  );
  const file = path.join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), file)} in ${results.seconds.total.toFixed(0)} s (checksum ${checksum()}).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
