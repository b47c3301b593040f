/**
 * The "warning" section: how early the warning is on screen, and how it holds against pages that
 * fight it.
 *
 * - First contentful paint → warning painted, in Chromium, for a plain store page, the 5 MB
 *   store page and a store page that stalls after its "Buy now" button. The page-side paint
 *   probe (harness/fixture-server/paint-probe.ts, added through CDP) notes the first animation
 *   frame in which the banner is painted; the page's own paint timing gives first contentful
 *   paint. A frame's animation callbacks run before it is painted and presented, and first
 *   contentful paint is the presentation time of its frame, so a banner that is in the first
 *   contentful frame counts as 0 ms (the raw difference is negative).
 * - Fights (test/fixtures/pages/hostile-fight.html): the share of animation frames with the
 *   banner painted over the fight, in Chromium and in Firefox ESR (through the beacon), and the
 *   page's main-thread time over the same fight in Chromium (CDP Performance.getMetrics,
 *   TaskDuration), with the extension and without it (the same page on a host where the extension
 *   does not run, where the loop fights nothing).
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium/launch.ts';
import { beaconUrl } from '../harness/fixture-server/beacon.ts';
import { PAINT_PROBE_SOURCE, type PaintProbe } from '../harness/fixture-server/paint-probe.ts';
import { BASELINE_HOST, generatedPath, hostilePath, ROBUST_HOST, stalledPath } from '../harness/fixture-server/robust-pages.ts';
import type { FixtureServer } from '../harness/fixture-server/server.ts';
import { runFirefox } from '../harness/firefox/runner.ts';
import { distribution, type Distribution } from './stats.ts';

/** The fights, each as hostile-fight.html's `?fight=` and what it does. */
export const FIGHTS = [
  ['remove', 'removes the banner every 10 ms'],
  ['popover', 'raises its own popover every 50 ms'],
  ['dialog', 'reopens its own modal dialog every 50 ms'],
  ['content-visibility', 'sets content-visibility: hidden inline every 50 ms'],
  ['zoom', 'sets zoom: 0.01 inline every 50 ms'],
] as const;

/** How long the stalled page sends nothing after its "Buy now" button. */
const STALL_MS = 8_000;

export interface FirstPaintRow {
  page: string;
  /** First contentful paint to the first frame with the banner painted (0 when it was in that frame). */
  fcpToPaintedMs: Distribution;
  /** Loads where the banner was painted in the first contentful frame or before. */
  withFirstPaint: number;
}

export interface Share {
  frames: number;
  painted: number;
}

export interface FightRow {
  fight: string;
  what: string;
  seconds: number;
  chromium: Share;
  /** Null when Firefox could not be run (its error is in WarningBenchResult.firefoxError). */
  firefox: Share | null;
  /** The page's main-thread time over the fight, with the extension and without it. */
  mainThreadMs: { withExtension: number; without: number };
}

export interface WarningBenchResult {
  firstPaint: FirstPaintRow[];
  fights: FightRow[];
  firefoxError: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const probeOf = (page: Page) => page.evaluate(() => (window as unknown as { __vgPaint?: PaintProbe }).__vgPaint ?? null);

/** Loads `url` `loads` times, each in a fresh tab, and measures first contentful paint → warning painted. */
async function firstPaint(browser: ExtensionBrowser, name: string, url: string, loads: number): Promise<FirstPaintRow> {
  const deltas: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await browser.context.newPage();
    try {
      await page.addInitScript(PAINT_PROBE_SOURCE);
      await page.goto(`${url}?load=${i}`, { waitUntil: 'commit' });
      const deadline = Date.now() + 20_000;
      for (;;) {
        const probe = await probeOf(page).catch(() => null);
        if (probe?.firstPaintedAt != null && probe.fcp != null) {
          deltas.push(probe.firstPaintedAt - probe.fcp);
          break;
        }
        if (Date.now() > deadline) throw new Error(`${name}: no painted warning and first contentful paint within 20 s`);
        await sleep(20);
      }
    } finally {
      await page.close();
    }
  }
  return {
    page: name,
    fcpToPaintedMs: distribution(deltas.map((delta) => Math.max(0, delta))),
    withFirstPaint: deltas.filter((delta) => delta <= 0).length,
  };
}

const fightUrl = (server: FixtureServer, host: string, fight: string, probe: boolean) =>
  `http://${host}:${server.httpPort}${hostilePath('fight')}?fight=${fight}${probe ? '' : '&probe=0'}`;

/** Frames with the banner painted over `seconds` of the fight, counted from when the banner is first painted. */
async function chromiumShare(browser: ExtensionBrowser, server: FixtureServer, fight: string, seconds: number): Promise<Share> {
  const page = await browser.context.newPage();
  try {
    await page.goto(fightUrl(server, ROBUST_HOST, fight, true));
    const deadline = Date.now() + 15_000;
    while ((await probeOf(page))?.firstPaintedAt == null) {
      if (Date.now() > deadline) return { frames: 0, painted: 0 };
      await sleep(50);
    }
    await page.evaluate(() => {
      const probe = (window as unknown as { __vgPaint: PaintProbe }).__vgPaint;
      probe.frames = 0;
      probe.painted = 0;
    });
    await sleep(seconds * 1000);
    const probe = await probeOf(page);
    return { frames: probe?.frames ?? 0, painted: probe?.painted ?? 0 };
  } finally {
    await page.close();
  }
}

/** The page's main-thread time (ms) over `seconds` of the fight on `host`, after a second to load. */
async function mainThreadMs(
  browser: ExtensionBrowser,
  server: FixtureServer,
  host: string,
  fight: string,
  seconds: number,
): Promise<number> {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  try {
    await session.send('Performance.enable');
    await page.goto(fightUrl(server, host, fight, false));
    await sleep(1_000);
    const taskSeconds = async () =>
      (await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN;
    const before = await taskSeconds();
    await sleep(seconds * 1000);
    return ((await taskSeconds()) - before) * 1000;
  } finally {
    await session.detach().catch(() => undefined);
    await page.close();
  }
}

/** The same fights in Firefox ESR, one tab going from fight to fight, each reported through the beacon. */
async function firefoxShares(server: FixtureServer, seconds: number): Promise<Map<string, Share>> {
  let next = `http://${ROBUST_HOST}:${server.httpPort}/premium`;
  for (const [fight] of [...FIGHTS].reverse()) {
    next = beaconUrl(fightUrl(server, ROBUST_HOST, fight, true), `bench-${fight}`, { watchMs: 15_000, holdMs: seconds * 1000, next });
  }
  const run = runFirefox([next]);
  try {
    await run.installed;
    const shares = new Map<string, Share>();
    for (const [fight] of FIGHTS) {
      const report = await server.beacons.wait(`bench-${fight}`, 'final', 90_000 + seconds * 1000);
      shares.set(fight, { frames: report.frames ?? 0, painted: report.banner ? (report.painted ?? 0) : 0 });
    }
    return shares;
  } finally {
    await run.stop();
  }
}

export async function benchWarning(
  server: FixtureServer,
  options: { loads: { store: number; large: number; stalled: number }; fightSeconds: number },
): Promise<WarningBenchResult> {
  const browser = await launchWithExtension();
  const firstPaintRows: FirstPaintRow[] = [];
  const chromium: { fight: string; share: Share; withExtension: number; without: number }[] = [];
  try {
    const store = `http://${ROBUST_HOST}:${server.httpPort}`;
    firstPaintRows.push(await firstPaint(browser, 'store page', server.url('kaspersky-store'), options.loads.store));
    firstPaintRows.push(await firstPaint(browser, 'store page, 5 MB', `${store}${generatedPath(5120)}`, options.loads.large));
    firstPaintRows.push(
      await firstPaint(
        browser,
        `stalled store page (head + Buy now, then ${STALL_MS / 1000} s)`,
        `${store}${stalledPath('premium', STALL_MS)}`,
        options.loads.stalled,
      ),
    );
    for (const [fight] of FIGHTS) {
      chromium.push({
        fight,
        share: await chromiumShare(browser, server, fight, options.fightSeconds),
        withExtension: await mainThreadMs(browser, server, ROBUST_HOST, fight, options.fightSeconds),
        without: await mainThreadMs(browser, server, BASELINE_HOST, fight, options.fightSeconds),
      });
    }
  } finally {
    await browser.close();
  }
  let firefox = new Map<string, Share>();
  let firefoxError: string | null = null;
  try {
    firefox = await firefoxShares(server, options.fightSeconds);
  } catch (error) {
    firefoxError = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
  return {
    firstPaint: firstPaintRows,
    fights: FIGHTS.map(([fight, what]) => {
      const row = chromium.find((entry) => entry.fight === fight)!;
      return {
        fight,
        what,
        seconds: options.fightSeconds,
        chromium: row.share,
        firefox: firefox.get(fight) ?? null,
        mainThreadMs: { withExtension: row.withExtension, without: row.without },
      };
    }),
    firefoxError,
  };
}
