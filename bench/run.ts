/**
 * `npm run bench`: speed, size and memory of Vendor Guard, each figure beside its peer or
 * budget. Prints tables and writes bench/results.json. Numbers, not pass/fail tests: a target
 * missed is printed as missed.
 *
 *   npm run bench                      everything (builds dist/chrome first; a few minutes)
 *   npm run bench -- --only url,sizes  some sections: url, scaling, pages, sizes, worker
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
import { benchPages, benchWorker, type Distribution, type PageBenchResult, type WorkerBenchResult } from './browser.ts';
import { buildCorpus } from './corpus.ts';
import { measureSizes, type PartSize } from './sizes.ts';
import { benchScaling, benchUrls, checksum, type ScalingRow, type UrlBenchResult } from './url.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['url', 'scaling', 'pages', 'sizes', 'worker'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const onlyArg =
  args.find((arg) => arg.startsWith('--only'))?.split('=')[1] ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
const only = new Set<Section>(onlyArg ? (onlyArg.split(',') as Section[]) : SECTIONS);
const quick = flag('quick');

/* ------------------------------------------------------------------------------------------ */
/* Printing                                                                                    */
/* ------------------------------------------------------------------------------------------ */

function table(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ')}`;
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(`  ${widths.map((width) => '-'.repeat(width)).join('   ')}`);
  for (const row of cells.slice(1)) console.log(line(row));
}

const ns = (value: number) => value.toFixed(0);
const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(2) : value.toFixed(0));
const ratio = (value: number) => `${value.toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const dist = (d: Distribution) => `${ms(d.median)} / ${ms(d.p95)}`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

/* ------------------------------------------------------------------------------------------ */
/* Sections                                                                                    */
/* ------------------------------------------------------------------------------------------ */

interface Results {
  environment: Record<string, string | number>;
  seconds: Partial<Record<Section | 'build' | 'total', number>>;
  targets: { name: string; target: string; value: string; met: boolean }[];
  url?: UrlBenchResult;
  scaling?: ScalingRow[];
  pages?: PageBenchResult;
  sizes?: PartSize[];
  worker?: WorkerBenchResult;
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

const target = (name: string, goal: string, value: string, met: boolean) => results.targets.push({ name, target: goal, value, met });

async function timed<T>(section: keyof Results['seconds'], run: () => Promise<T> | T): Promise<T> {
  const start = Date.now();
  try {
    return await run();
  } finally {
    results.seconds[section] = (Date.now() - start) / 1000;
  }
}

function printUrl(url: UrlBenchResult): void {
  const base = url.nsPerUrl.tldtsParse;
  table(
    `URL verdicts: ${url.urls.toLocaleString('en-US')} URLs (${(url.urls - url.relatedUrls).toLocaleString('en-US')} unrelated shop/news/search/…, ` +
      `${url.relatedUrls.toLocaleString('en-US')} from the labelled vendor corpus with variations; ${url.flagged.toLocaleString('en-US')} flagged)`,
    ['contender', 'ns/URL', 'vs tldts.parse', 'target'],
    [
      [
        'classifyUrl (ours, full verdict)',
        ns(url.nsPerUrl.classifyUrl),
        ratio(url.nsPerUrl.classifyUrl / base),
        `≤ 1.00×: ${verdict(url.nsPerUrl.classifyUrl <= base)}`,
      ],
      ['tldts.parse alone (peer)', ns(base), ratio(1), ''],
      url.nsPerUrl.ubo === null
        ? ['uBO static filtering engine (peer)', 'n/a', url.uboError ?? 'did not load', '']
        : [`uBO static filtering, ${url.uboFilters} $document filters (peer)`, ns(url.nsPerUrl.ubo), ratio(url.nsPerUrl.ubo / base), ''],
      ['new URL() alone (reference: the parser ours builds on)', ns(url.nsPerUrl.whatwgUrl), ratio(url.nsPerUrl.whatwgUrl / base), ''],
      [
        'classifyUrl, unrelated URLs only',
        ns(url.byClass.unrelated.classifyUrl),
        ratio(url.byClass.unrelated.classifyUrl / url.byClass.unrelated.tldtsParse),
        `(tldts on the same: ${ns(url.byClass.unrelated.tldtsParse)})`,
      ],
      [
        'classifyUrl, vendor-related URLs only',
        ns(url.byClass.related.classifyUrl),
        ratio(url.byClass.related.classifyUrl / url.byClass.related.tldtsParse),
        `(tldts on the same: ${ns(url.byClass.related.tldtsParse)})`,
      ],
    ],
  );
  if (url.nsPerUrl.ubo !== null) {
    console.log(
      `  ours vs uBO: ${ratio(url.nsPerUrl.classifyUrl / url.nsPerUrl.ubo)} (uBO matched ${url.uboMatches?.toLocaleString('en-US')} URLs: vendor hosts only, no page kinds)`,
    );
  }
  target('URL verdict cost', '≤ 1.0× tldts.parse', ratio(url.nsPerUrl.classifyUrl / base), url.nsPerUrl.classifyUrl <= base);
}

function printScaling(rows: ScalingRow[]): void {
  const first = rows[0]!;
  table(
    'Organisation policy scaling: classifyWithPolicy on the same URLs, policy with N extra blocked domains',
    ['extra domains', 'compile ms', 'heap Δ MB', 'ns/URL', 'vs 200', 'blocked hits'],
    rows.map((row) => [
      row.extraDomains.toLocaleString('en-US'),
      ms(row.compileMs),
      row.heapDeltaMB.toFixed(1),
      ns(row.nsPerUrl),
      ratio(row.nsPerUrl / first.nsPerUrl),
      row.blockedHits,
    ]),
  );
  const last = rows[rows.length - 1]!;
  target('Cost per URL, 200 → 100k policy domains', '≤ 1.2×', ratio(last.nsPerUrl / first.nsPerUrl), last.nsPerUrl / first.nsPerUrl <= 1.2);
}

function printPages(pages: PageBenchResult): void {
  table(
    'Page cost in Chromium: the content script timing itself (performance.now() in its isolated world), ms median / p95',
    ['page', 'HTML', 'elements', 'collect', 'main thread (collect+render)', 'to verdict (+ background round trip)', 'samples'],
    [...pages.pages, pages.spa].map((row) => [
      row.page,
      row.htmlKB ? `${row.htmlKB} KB` : '',
      row.elements.toLocaleString('en-US'),
      dist(row.collectMs),
      dist(row.mainThreadMs),
      dist(row.verdictMs),
      row.collectMs.samples,
    ]),
  );
  console.log(
    `  SPA session drift: main-thread median ${ms(pages.spa.firstTenthMs)} ms in the first tenth, ${ms(pages.spa.lastTenthMs)} ms in the last tenth`,
  );
  table(
    'What limits it: the same page, freshly loaded, timed in its own world (ms)',
    ['page', 'cheap-stage lookups', 'querySelectorAll(controls), no longer made', 'controls matched', 'first Intl.DateTimeFormat'],
    pages.pages
      .filter((row) => row.reference)
      .map((row) => [
        row.page,
        ms(row.reference!.cheapStageMs),
        ms(row.reference!.controlsQueryMs),
        row.reference!.controlsMatched.toLocaleString('en-US'),
        ms(row.reference!.firstIntlMs),
      ]),
  );
  table(
    `Where the content script runs (manifest: ${pages.contentScriptMatchPatterns} match patterns; no <all_urls>)`,
    ['page', 'content script injected'],
    pages.injection.map((row) => [row.page, row.injected ? 'yes' : 'no']),
  );
  const big = pages.pages[pages.pages.length - 1];
  if (big)
    target(`Main-thread cost on the ${big.page}`, '≤ 5 ms median', `${ms(big.mainThreadMs.median)} ms`, big.mainThreadMs.median <= 5);
  const unrelated = pages.injection.filter((row) => !row.page.startsWith('Kaspersky'));
  target(
    'Unrelated pages get no content script',
    'not injected',
    unrelated.map((row) => (row.injected ? 'injected' : 'none')).join(', '),
    unrelated.every((row) => !row.injected),
  );
}

function printSizes(sizes: PartSize[]): void {
  table(
    'Sizes (dist/chrome, each part with every chunk it loads; gzip -9 per file)',
    ['part', 'files', 'built', 'gzip', 'budget (gzip)', ''],
    sizes.map((part) => [
      part.part,
      part.files.length,
      kb(part.bytes),
      kb(part.gzipBytes),
      part.budgetGzipBytes === null ? '' : kb(part.budgetGzipBytes),
      part.budgetGzipBytes === null ? '' : part.gzipBytes <= part.budgetGzipBytes ? 'within' : 'EXCEEDED',
    ]),
  );
  for (const part of sizes) {
    if (part.budgetGzipBytes !== null)
      target(`${part.part} size`, `≤ ${kb(part.budgetGzipBytes)} gzip`, kb(part.gzipBytes), part.gzipBytes <= part.budgetGzipBytes);
  }
}

function printWorker(worker: WorkerBenchResult): void {
  table(
    `Service worker: ${worker.navigations.toLocaleString('en-US')} navigations across ${worker.tabs} tabs (${worker.navigationSeconds.toFixed(0)} s; Chromium with ${worker.switches.join(' ')}), JS heap after GC (CDP Runtime.getHeapUsage)`,
    ['measure', 'value'],
    [
      ['heap after start-up', `${worker.heapBeforeMB.toFixed(2)} MB`],
      ['heap after the session', `${worker.heapAfterMB.toFixed(2)} MB`],
      ['growth', `${(worker.heapAfterMB - worker.heapBeforeMB).toFixed(2)} MB`],
      ['storage.session in use (per-tab verdicts)', `${worker.sessionStorageKB.toFixed(1)} KB`],
    ],
  );
  table(
    'Navigation to badge (ms, median / p95): worker stopped (CDP ServiceWorker.stopAllWorkers) vs running',
    ['case', 'ms', 'samples'],
    [
      ['cold: worker stopped, the navigation starts it', dist(worker.coldToBadgeMs), worker.coldToBadgeMs.samples],
      [
        '  of which: worker start → first verdict on the badge',
        dist(worker.coldWorkerStartToBadgeMs),
        worker.coldWorkerStartToBadgeMs.samples,
      ],
      ['warm: worker running', dist(worker.warmToBadgeMs), worker.warmToBadgeMs.samples],
      ['cold / warm', ratio(worker.coldToBadgeMs.median / worker.warmToBadgeMs.median), ''],
    ],
  );
}

/* ------------------------------------------------------------------------------------------ */

async function main(): Promise<void> {
  const started = Date.now();
  console.log(
    `Vendor Guard benchmark: ${results.environment['cpu']} ×${results.environment['cores']}, Node ${process.version}${quick ? ' (quick)' : ''}`,
  );
  const needsBuild = only.has('pages') || only.has('sizes') || only.has('worker');
  if (needsBuild && !flag('no-build')) {
    await timed('build', () => execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' }));
  }
  if (only.has('pages') || only.has('worker')) {
    results.environment['chromium'] = execFileSync(chromePath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  }

  const corpus = only.has('url') || only.has('scaling') ? buildCorpus(quick ? 20_000 : 120_000) : null;
  if (corpus && only.has('url')) {
    results.url = await timed('url', () => benchUrls(corpus, quick ? 2 : 3));
    printUrl(results.url);
  }
  if (corpus && only.has('scaling')) {
    results.scaling = await timed('scaling', () => benchScaling(corpus, [200, 10_000, 100_000], quick ? 1 : 2));
    printScaling(results.scaling);
  }
  if (only.has('sizes')) {
    results.sizes = await timed('sizes', () => measureSizes(DIST));
    printSizes(results.sizes);
  }
  if (only.has('pages') || only.has('worker')) {
    const server = await startFixtureServer();
    try {
      if (only.has('pages')) {
        const loads = quick ? { 100: 3, 1024: 3, 5120: 2 } : { 100: 12, 1024: 8, 5120: 6 };
        results.pages = await timed('pages', () => benchPages(server, { navigations: quick ? 20 : 200, loads }));
        printPages(results.pages);
      }
      if (only.has('worker')) {
        results.worker = await timed('worker', () =>
          benchWorker(server, { tabs: 50, navigations: quick ? 100 : 1_000, coldStarts: quick ? 2 : 5 }),
        );
        printWorker(results.worker);
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
