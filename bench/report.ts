/**
 * Each section's results as printed tables, and the targets they are judged by: a print function
 * returns the targets it judged rather than recording them, so run.ts alone owns the results
 * (the final table and bench/results.json).
 */
import { dist, kb, ms, ns, ratio, table, verdict } from './format.ts';
import type { LogBenchResult } from './logs.ts';
import type { PageBenchResult } from './pages.ts';
import type { PartSize } from './sizes.ts';
import type { ScalingRow, UrlBenchResult } from './url.ts';
import type { Share, WarningBenchResult } from './warning.ts';
import type { WorkerBenchResult } from './worker.ts';

/** A figure beside its goal; a missed target is reported, not thrown. */
export interface Target {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

const target = (name: string, goal: string, value: string, met: boolean): Target => ({ name, target: goal, value, met });

export function printUrl(url: UrlBenchResult): Target[] {
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
      [
        'new URL() alone (reference: the parser the rules fall back on)',
        ns(url.nsPerUrl.whatwgUrl),
        ratio(url.nsPerUrl.whatwgUrl / base),
        '',
      ],
      ['the one-pass scan alone (structure + token automaton)', ns(url.nsPerUrl.scan), ratio(url.nsPerUrl.scan / base), ''],
      ['reading every character, nothing else (the floor)', ns(url.nsPerUrl.readEveryUnit), ratio(url.nsPerUrl.readEveryUnit / base), ''],
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
  console.log(
    `  Why ≤ 1.00× is out of reach: a verdict must read every character (a vendor's name may be anywhere, even in the fragment),\n` +
      `  while tldts.parse stops after the host. Reading every character and nothing else costs ${ratio(url.nsPerUrl.readEveryUnit / base)} of tldts here,\n` +
      `  the scan ${ratio(url.nsPerUrl.scan / base)}; vendor-related URLs then run the rules (regular expressions over the path, the public suffix list).`,
  );
  table(
    `What the vendors cost: the same URLs, ${url.vendors} built-in vendors against Kaspersky alone`,
    ['URLs', `${url.vendors} vendors ns/URL`, '1 vendor ns/URL', 'change'],
    [
      ['all', ns(url.nsPerUrl.classifyUrl), ns(url.oneVendor.nsPerUrl), ratio(url.nsPerUrl.classifyUrl / url.oneVendor.nsPerUrl)],
      [
        'unrelated',
        ns(url.byClass.unrelated.classifyUrl),
        ns(url.oneVendor.unrelated),
        ratio(url.byClass.unrelated.classifyUrl / url.oneVendor.unrelated),
      ],
      [
        'vendor-related',
        ns(url.byClass.related.classifyUrl),
        ns(url.oneVendor.related),
        ratio(url.byClass.related.classifyUrl / url.oneVendor.related),
      ],
    ],
  );
  console.log(
    `  flagged: ${url.flagged.toLocaleString('en-US')} with ${url.vendors} vendors, ${url.oneVendor.flagged.toLocaleString('en-US')} with Kaspersky alone`,
  );
  if (url.nsPerUrl.ubo !== null) {
    console.log(
      `  ours vs uBO: ${ratio(url.nsPerUrl.classifyUrl / url.nsPerUrl.ubo)} (uBO matched ${url.uboMatches?.toLocaleString('en-US')} URLs: vendor hosts only, no page kinds)`,
    );
  }
  return [target('URL verdict cost', '≤ 1.0× tldts.parse', ratio(url.nsPerUrl.classifyUrl / base), url.nsPerUrl.classifyUrl <= base)];
}

export function printScaling(rows: ScalingRow[]): Target[] {
  const first = rows[0]!;
  table(
    'Organisation policy scaling: classifyWithPolicy on the same URLs, policy with N extra blocked domains',
    ['extra domains', 'compile ms', 'heap Δ MB', 'ns/URL', 'vs 200', 'Kaspersky alone ns/URL', 'vendors cost', 'blocked hits'],
    rows.map((row) => [
      row.extraDomains.toLocaleString('en-US'),
      ms(row.compileMs),
      row.heapDeltaMB.toFixed(1),
      ns(row.nsPerUrl),
      ratio(row.nsPerUrl / first.nsPerUrl),
      ns(row.oneVendorNsPerUrl),
      ratio(row.nsPerUrl / row.oneVendorNsPerUrl),
      row.blockedHits,
    ]),
  );
  const last = rows[rows.length - 1]!;
  return [
    target(
      'Cost per URL, 200 → 100k policy domains',
      '≤ 1.2×',
      ratio(last.nsPerUrl / first.nsPerUrl),
      last.nsPerUrl / first.nsPerUrl <= 1.2,
    ),
  ];
}

export function printPages(pages: PageBenchResult): Target[] {
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
  const unrelated = pages.injection.filter((row) => !row.page.startsWith('Kaspersky'));
  return [
    ...(big
      ? [target(`Main-thread cost on the ${big.page}`, '≤ 5 ms median', `${ms(big.mainThreadMs.median)} ms`, big.mainThreadMs.median <= 5)]
      : []),
    target(
      'Unrelated pages get no content script',
      'not injected',
      unrelated.map((row) => (row.injected ? 'injected' : 'none')).join(', '),
      unrelated.every((row) => !row.injected),
    ),
  ];
}

export function printSizes(sizes: PartSize[]): Target[] {
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
  return sizes.flatMap((part) =>
    part.budgetGzipBytes === null
      ? []
      : [target(`${part.part} size`, `≤ ${kb(part.budgetGzipBytes)} gzip`, kb(part.gzipBytes), part.gzipBytes <= part.budgetGzipBytes)],
  );
}

export function printWorker(worker: WorkerBenchResult): void {
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

export function printLogs(logs: LogBenchResult): Target[] {
  const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} lines/s`;
  table(
    `Logs: classify --summary --json on a generated Combined log, ${logs.lines.toLocaleString('en-US')} lines (${logs.megabytes.toFixed(0)} MB; ` +
      `${logs.tunnels.toLocaleString('en-US')} HTTPS tunnels, ${logs.vendorRequests.toLocaleString('en-US')} vendor pages, ${logs.softwareRequests.toLocaleString('en-US')} installed-software requests)`,
    ['run', 'throughput', 'vs reading alone'],
    [
      ['read and split the file into lines (baseline)', rate(logs.baselineLinesPerSecond), ratio(1)],
      [
        'read, parse, classify, count (end to end)',
        rate(logs.classifyLinesPerSecond),
        ratio(logs.baselineLinesPerSecond / logs.classifyLinesPerSecond),
      ],
    ],
  );
  console.log(`  (a ratio of N× means the whole run takes N times as long as only reading the file; one core, one process)`);
  return [];
}

const share = (part: Share | null) => (part && part.frames > 0 ? part.painted / part.frames : NaN);
const percent = (value: number) => (Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`);

export function printWarning(warning: WarningBenchResult): Target[] {
  table(
    'First contentful paint → warning painted, Chromium (ms median / p95; 0: painted in the first contentful frame)',
    ['page', 'FCP → painted', 'with first paint', 'loads'],
    warning.firstPaint.map((row) => [row.page, dist(row.fcpToPaintedMs), row.withFirstPaint, row.fcpToPaintedMs.samples]),
  );
  table(
    `Fights (${warning.fights[0]?.seconds ?? 0} s each): frames with the banner painted, and the page's main-thread time with and without the extension (Chromium)`,
    ['the page', 'painted, Chromium', 'painted, Firefox', 'main thread with', 'without', 'ratio'],
    warning.fights.map((row) => [
      row.what,
      `${percent(share(row.chromium))} of ${row.chromium.frames}`,
      row.firefox ? `${percent(share(row.firefox))} of ${row.firefox.frames}` : 'n/a',
      `${ms(row.mainThreadMs.withExtension)} ms`,
      `${ms(row.mainThreadMs.without)} ms`,
      ratio(row.mainThreadMs.withExtension / row.mainThreadMs.without),
    ]),
  );
  if (warning.firefoxError) console.log(`  Firefox not measured: ${warning.firefoxError}`);
  const stalled = warning.firstPaint.find((row) => row.page.startsWith('stalled'));
  return [
    ...(stalled
      ? [
          target(
            'Stalled page: FCP → warning painted',
            '≤ 100 ms median',
            `${ms(stalled.fcpToPaintedMs.median)} ms`,
            stalled.fcpToPaintedMs.median <= 100,
          ),
        ]
      : []),
    ...warning.fights.flatMap((row) => [
      target(`Painted while the page ${row.what} (Chromium)`, '≥ 95% of frames', percent(share(row.chromium)), share(row.chromium) >= 0.95),
      target(`Painted while the page ${row.what} (Firefox)`, '≥ 95% of frames', percent(share(row.firefox)), share(row.firefox) >= 0.95),
      target(
        `Main thread while the page ${row.what}`,
        '≤ 2× without the extension',
        ratio(row.mainThreadMs.withExtension / row.mainThreadMs.without),
        row.mainThreadMs.withExtension <= 2 * row.mainThreadMs.without,
      ),
    ]),
  ];
}
