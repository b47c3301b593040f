/**
 * Smoke test in real Firefox ESR: the add-on from dist/firefox installs, a Kaspersky store page
 * gets the warning, and an unrelated page and a Kaspersky page that sells nothing do not.
 *
 * Firefox cannot be driven by Playwright, so the pages report what they see: the fixture server
 * adds a small script to each (beaconUrl) that watches for the banner's host element and tells
 * the server, then moves the tab on to the next page. The pages run in one tab, store page
 * first: once it has reported the banner, the add-on is known to be running, so the pages after
 * it showing none means something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server/server.ts';
import { beaconUrl } from '../../harness/fixture-server/beacon.ts';
import { runFirefox, tail, type FirefoxRun } from './firefox-runner.ts';

/** Start-up (about 5 s here, 30 s on a cold machine) and the first page, with a wide margin. */
const INSTALL_TIMEOUT = 90_000;
/** How long a page with no banner is watched after load (Chromium tests settle for 2 s). */
const QUIET_WATCH_MS = 4_000;

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
    const store = beaconUrl(server.url('kaspersky-store'), 'store', { watchMs: INSTALL_TIMEOUT, next: unrelated });

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
      expect((await server.beacons.wait('unrelated', 'final', quietTimeout)).banner).toBe(false);
      expect((await server.beacons.wait('vendor-blog', 'final', quietTimeout)).banner).toBe(false);
    } catch (error) {
      throw explain(error);
    }
    // A banner that shows up late would have sent "found" before "final".
    expect(server.beacons.reports.filter((r) => r.id !== 'store' && r.banner)).toEqual([]);
  }, 180_000);
});
