/**
 * Smoke test in real Firefox ESR: the add-on from dist/firefox installs, a Kaspersky store page
 * gets the warning, it holds against a page's synthetic Escape, a page removing it every 10 ms
 * and a page re-raising its own popover every 50 ms (hostile-fight.html: painted in at least 95%
 * of the frames, by the page's paint probe), and an unrelated page and a Kaspersky page that
 * sells nothing get no warning.
 *
 * Firefox cannot be driven by Playwright, so the pages report what they see: the fixture server
 * adds a small script to each (beaconUrl) that watches for the banner's host element and tells
 * the server, then moves the tab on to the next page. The pages run in one tab, store page
 * first: once it has reported the banner, the add-on is known to be running, so the pages after
 * it showing none means something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server/server.ts';
import { beaconUrl, type BeaconReport } from '../../harness/fixture-server/beacon.ts';
import { hostilePath, ROBUST_HOST } from '../../harness/fixture-server/robust-pages.ts';
import { runFirefox, tail, type FirefoxRun } from './firefox-runner.ts';

/** Start-up (about 5 s here, 30 s on a cold machine) and the first page, with a wide margin. */
const INSTALL_TIMEOUT = 90_000;
/** How long a page with no banner is watched after load (Chromium tests settle for 2 s). */
const QUIET_WATCH_MS = 4_000;
/** How long each fight is watched once the banner is there. */
const FIGHT_HOLD_MS = 1_500;

/** The banner is there at the end, and painted in at least 95% of the frames since it appeared. */
function expectHeld(report: BeaconReport): void {
  expect(report.banner).toBe(true);
  expect(report.frames).toBeGreaterThanOrEqual(20);
  expect((report.painted ?? 0) / (report.frames ?? 1)).toBeGreaterThanOrEqual(0.95);
}

describe('Firefox ESR', () => {
  let server: FixtureServer;
  let firefox: FirefoxRun | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await firefox?.stop();
    await server?.close();
  });

  it('installs the add-on; the store page gets the banner, an unrelated page and a vendor blog page do not', async () => {
    // Built back to front: each page names the next.
    const blog = beaconUrl(server.url('kaspersky-blog'), 'vendor-blog', { watchMs: QUIET_WATCH_MS });
    const unrelated = beaconUrl(server.url('example-org'), 'unrelated', { watchMs: QUIET_WATCH_MS, next: blog });
    const fight = (name: string, next: string) =>
      beaconUrl(`http://${ROBUST_HOST}:${server.httpPort}${hostilePath('fight')}?fight=${name}`, name, {
        watchMs: QUIET_WATCH_MS,
        holdMs: FIGHT_HOLD_MS,
        next,
      });
    const fights = fight('escape', fight('remove', fight('popover', unrelated)));
    const store = beaconUrl(server.url('kaspersky-store'), 'store', { watchMs: INSTALL_TIMEOUT, next: fights });

    const run = runFirefox([store]);
    firefox = run;
    const explain = (error: unknown) =>
      new Error(`${error instanceof Error ? error.message : String(error)}\n--- web-ext / Firefox log ---\n${tail(run.log())}`);
    try {
      await run.installed;
      const found = await server.beacons.wait('store', 'found', INSTALL_TIMEOUT);
      expect(found.banner).toBe(true);
      // Still there a second later: the banner stays until the person dismisses it.
      expect((await server.beacons.wait('store', 'final', 10_000)).banner).toBe(true);

      const quietTimeout = QUIET_WATCH_MS + 20_000;
      for (const name of ['escape', 'remove', 'popover']) expectHeld(await server.beacons.wait(name, 'final', quietTimeout));
      expect((await server.beacons.wait('unrelated', 'final', quietTimeout)).banner).toBe(false);
      expect((await server.beacons.wait('vendor-blog', 'final', quietTimeout)).banner).toBe(false);
    } catch (error) {
      throw explain(error);
    }
    // A banner that shows up late would have sent "found" before "final".
    expect(server.beacons.reports.filter((r) => (r.id === 'unrelated' || r.id === 'vendor-blog') && r.banner)).toEqual([]);
  }, 180_000);
});
