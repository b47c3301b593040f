/**
 * Real Firefox ESR with the built add-on (dist/firefox), through `web-ext run`: headless, a fresh
 * temporary profile, every host name resolved to 127.0.0.1 (network.dns.forceResolve) so the
 * fixture server stands in for the real sites.
 *
 * Playwright cannot drive stock Firefox, so nothing here reaches into the browser: the e2e tests
 * and `npm run bench` open fixture pages that report what they see to the fixture server (see
 * `beaconUrl` in harness/fixture-server/beacon.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths.ts';

/** The unpacked Firefox build that `vite build --mode firefox` writes. */
export const FIREFOX_DIST = path.join(ROOT, 'dist/firefox');

const WEB_EXT = path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js');

/** The Firefox to run: `FIREFOX_PATH`, else Debian's /usr/bin/firefox-esr. */
export function firefoxPath(): string {
  return process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
}

/**
 * Preferences for a closed test machine. network.dns.forceResolve sends every host to the
 * fixture server. HTTPS-First would try https:// first for the fixture's http:// pages; the
 * rest keeps Firefox from phoning home (every attempt would land on 127.0.0.1 anyway).
 */
const PREFS: Record<string, string | number | boolean> = {
  'network.dns.forceResolve': '127.0.0.1',
  'dom.security.https_first': false,
  'dom.security.https_only_mode': false,
  'app.normandy.enabled': false,
  'browser.region.network.url': '',
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.getAddons.cache.enabled': false,
};

export interface FirefoxRun {
  /** Everything web-ext and Firefox wrote so far, for failure messages. */
  log(): string;
  /** Resolves when web-ext reports the add-on installed; rejects if Firefox exits first. */
  installed: Promise<void>;
  /** Stops Firefox and web-ext (web-ext removes its temporary profile). Safe to call twice. */
  stop(): Promise<void>;
}

const INSTALLED = /Installed .* as a temporary add-on/;

/** Starts Firefox headless with the add-on from dist/firefox, opening `startUrls`. */
export function runFirefox(startUrls: readonly string[]): FirefoxRun {
  if (!existsSync(path.join(FIREFOX_DIST, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_DIST}: run \`npm run build\` first.`);
  }
  const firefox = firefoxPath();
  if (!existsSync(firefox)) {
    throw new Error(`Firefox not found at ${firefox}: \`apt-get install firefox-esr\`, or set FIREFOX_PATH.`);
  }
  const args = [
    WEB_EXT,
    'run',
    '--source-dir',
    FIREFOX_DIST,
    `--firefox=${firefox}`,
    '--no-reload',
    '--no-input',
    '--no-config-discovery',
    '--verbose',
    ...Object.entries(PREFS).flatMap(([name, value]) => ['--pref', `${name}=${String(value)}`]),
    ...startUrls.flatMap((url) => ['--start-url', url]),
  ];
  // Its own process group, so stop() reaches Firefox and its content processes too.
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    // NO_UPDATE_NOTIFIER: web-ext would otherwise ask the npm registry for a newer web-ext.
    env: { ...process.env, MOZ_HEADLESS: '1', NO_UPDATE_NOTIFIER: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const installed = new Promise<void>((resolve, reject) => {
    const onData = (data: Buffer) => {
      const text = data.toString('utf8');
      chunks.push(text);
      if (INSTALLED.test(chunks.slice(-2).join(''))) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    void exit.then(() => reject(new Error(`web-ext exited before the add-on was installed:\n${tail(chunks.join(''))}`)));
  });
  installed.catch(() => undefined); // observed by the caller; no unhandled rejection when it is not

  let stopping: Promise<void> | null = null;
  /** Signals the process group web-ext leads (Firefox included); after web-ext exits only with `evenIfExited`. */
  const signal = (name: NodeJS.Signals, evenIfExited = false) => {
    if ((exited && !evenIfExited) || child.pid === undefined) return;
    try {
      process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  const stop = () => {
    stopping ??= (async () => {
      // web-ext handles SIGINT: it closes Firefox and deletes the temporary profile.
      signal('SIGINT');
      const graceful = await Promise.race([exit.then(() => true), delay(10_000).then(() => false)]);
      if (!graceful) {
        signal('SIGKILL');
        await Promise.race([exit, delay(5_000)]);
      }
      // Firefox's own processes, should any outlive web-ext (the group id stays theirs while they live).
      signal('SIGKILL', true);
    })();
    return stopping;
  };
  return { log: () => chunks.join(''), installed, stop };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The last lines of a log, for an error message. */
export function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}
