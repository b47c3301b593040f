/**
 * `npm start`: build the extension, serve the demo pages, and open Chromium with the extension
 * loaded on the Kaspersky store demo page. The browser stays open until you close it.
 *
 * `npm start -- --screenshot out.png`: the same, headless; waits for the warning banner, writes a
 * full-page screenshot to out.png and exits.
 *
 * The demo pages keep their real host names (usa.kaspersky.com, www.amazon.com, ...): the
 * launched browser resolves them to the local fixture server, no other browser does.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, type FixtureServer } from '../harness/fixture-server/server.ts';
import { FIXTURE_PAGES } from '../harness/fixture-server/fixture-pages.ts';
import { chromePath, launchWithExtension, type ExtensionBrowser } from '../harness/chromium/launch.ts';
import { bannerText } from '../harness/chromium/in-page.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BANNER_TIMEOUT_MS = 15_000;

interface Options {
  screenshot: string | null;
}

function parseArgs(argv: string[]): Options {
  let screenshot: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--screenshot') {
      const next = argv[i + 1];
      if (!next || next.startsWith('--')) fail('--screenshot needs a file name, e.g. --screenshot out.png');
      screenshot = next;
      i++;
    } else if (arg.startsWith('--screenshot=')) {
      screenshot = arg.slice('--screenshot='.length);
      if (!screenshot) fail('--screenshot needs a file name, e.g. --screenshot=out.png');
    } else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm start [-- --screenshot <file.png>]');
      process.exit(0);
    } else {
      fail(`Unknown argument: ${arg}`);
    }
  }
  return { screenshot: screenshot === null ? null : path.resolve(process.cwd(), screenshot) };
}

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function checkChromium(): void {
  const executable = chromePath();
  if (existsSync(executable)) return;
  const hint = process.env['CHROME_PATH'] ? `CHROME_PATH is set to ${executable}, which does not exist.` : `No Chromium at ${executable}.`;
  fail(
    `${hint}\n` +
      '  Install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chromium\n' +
      '  or Chrome for Testing binary. Branded Google Chrome no longer loads unpacked extensions from the\n' +
      '  command line.',
  );
}

function build(): Promise<void> {
  console.log('Building the extension (vite build)...');
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build failed (${signal ?? `exit code ${code ?? '?'}`})`));
    });
  });
}

function printDemoPages(server: FixtureServer): void {
  console.log('\nDemo pages (they open only in the browser this script starts):');
  const width = Math.max(...FIXTURE_PAGES.map((p) => p.description.length));
  for (const page of FIXTURE_PAGES) {
    console.log(`  ${page.description.padEnd(width)}  ${server.url(page.id)}`);
  }
  console.log(`  ${'Kaspersky US store over HTTPS'.padEnd(width)}  ${server.url('kaspersky-store', { https: true })}`);
  console.log('');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  checkChromium();
  if (options.screenshot === null && process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    fail('No display to open a browser window on. Use `npm start -- --screenshot out.png`, or run under xvfb-run.');
  }
  await build();

  const server = await startFixtureServer();
  let browser: ExtensionBrowser | undefined;
  const shutdown = async () => {
    await browser?.close();
    await server.close();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(130)));
  process.once('SIGTERM', () => void shutdown().then(() => process.exit(143)));

  try {
    printDemoPages(server);
    browser = await launchWithExtension({ headless: options.screenshot !== null });
    const { context } = browser;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url('kaspersky-store'));

    if (options.screenshot !== null) {
      const deadline = Date.now() + BANNER_TIMEOUT_MS;
      while ((await bannerText(page)) === null) {
        if (Date.now() > deadline) {
          throw new Error(
            `No banner appeared on ${page.url()} within ${BANNER_TIMEOUT_MS / 1000} s: the extension did not show its warning.`,
          );
        }
        await page.waitForTimeout(100);
      }
      await page.waitForTimeout(500);
      await page.screenshot({ path: options.screenshot, fullPage: true });
      console.log(`Screenshot written to ${options.screenshot}`);
      await shutdown();
      return;
    }

    console.log(`Extension ${browser.extensionId} loaded. Close the browser window to stop.`);
    await new Promise<void>((resolve) => context.once('close', () => resolve()));
    await shutdown();
  } catch (error) {
    await shutdown();
    throw error;
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
