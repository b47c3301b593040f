/**
 * Real Chromium with the built extension (dist/chrome), for the e2e tests, `npm start`,
 * `npm run screenshots` and the benchmark: the launch, and finding the extension's id and
 * service worker in it. Every browser launched here records the extension's requests and fails
 * its `close()` on any request for something other than the extension's own files.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { FIXTURE_HOSTS } from '../fixture-server/fixture-pages.ts';
import { DIST } from '../paths.ts';
import { formatLeaks, RequestRecorder } from './privacy-recorder.ts';

const DEFAULT_CHROME_PATH = '/usr/bin/chromium';

/** The Chromium to drive: `CHROME_PATH`, else /usr/bin/chromium. */
export function chromePath(): string {
  return process.env['CHROME_PATH'] ?? DEFAULT_CHROME_PATH;
}

/** `--host-resolver-rules` value sending every fixture host to the local fixture server. */
export function hostResolverRules(hosts: readonly string[] = FIXTURE_HOSTS): string {
  return hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
}

/** UI locales Chromium has with a region; for every other language it has the bare language ("de"). */
const REGIONAL_UI_LOCALES = new Set(['en-US', 'en-GB', 'es-419', 'pt-BR', 'pt-PT', 'zh-CN', 'zh-TW']);

/**
 * The UI language a user of `locale` gets: Chromium's UI locales are mostly bare languages, and
 * it ignores a --lang it does not have ("de-DE" would give an English UI, "de" a German one).
 */
export function chromiumUiLocale(locale: string): string {
  if (REGIONAL_UI_LOCALES.has(locale)) return locale;
  const language = locale.split('-')[0] ?? locale;
  return language === 'en' ? 'en-GB' : language;
}

export interface LaunchOptions {
  /** The unpacked extension to load; default DIST (dist/chrome, or `VENDOR_GUARD_DIST`). */
  dist?: string;
  /** Profile directory; by default a fresh temporary one, deleted by `close()`. */
  userDataDir?: string;
  /** Default true. `npm start` shows the window. */
  headless?: boolean;
  /**
   * The user's language and region ("de-DE"): the browser's language list (navigator.languages,
   * Accept-Language), and its UI language as Chromium has it (see chromiumUiLocale); default en-US.
   */
  locale?: string;
  /** More command-line switches (the benchmark turns off the back/forward cache for speed). */
  args?: string[];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Every request made in the browser; see privacy-recorder.ts. */
  requests: RequestRecorder;
  /**
   * Closes the browser and deletes the temporary profile (safe to call twice). Then fails if the
   * extension's service worker or pages requested anything but the extension's own files.
   */
  close(): Promise<void>;
}

/** Which extension each context runs, so page helpers need only the page. */
const extensionIds = new WeakMap<BrowserContext, string>();

const EXTENSION_ORIGIN = /^chrome-extension:\/\/([a-p]{32})\//;

function extensionIdOf(worker: Worker): string | null {
  return EXTENSION_ORIGIN.exec(worker.url())?.[1] ?? null;
}

/** The id of the extension a context was launched with (by launchWithExtension), if any. */
export function launchedExtensionId(context: BrowserContext): string | undefined {
  return extensionIds.get(context);
}

/** The extension's service worker running now; throws when it is not running. */
export function runningServiceWorker(context: BrowserContext): Worker {
  const worker = context.serviceWorkers().find((w) => extensionIdOf(w) !== null);
  if (!worker) throw new Error('The extension service worker is not running.');
  return worker;
}

/** The extension's service worker, waiting up to `timeout` ms for it to start. */
async function waitForServiceWorker(context: BrowserContext, timeout: number): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => extensionIdOf(w) !== null);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: (w) => extensionIdOf(w) !== null, timeout });
}

/** Launches Chromium with the extension from `dist` (dist/chrome) loaded and the fixture hosts mapped to 127.0.0.1. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? DIST;
  if (!existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`No built extension at ${dist}: run \`npx vite build\` first.`);
  }
  const executablePath = chromePath();
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Chromium or set CHROME_PATH.`);
  }
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-profile-')));
  const removeProfile = async () => {
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      viewport: { width: 1280, height: 800 },
      locale: options.locale ?? 'en-US',
      args: [
        `--disable-extensions-except=${dist}`,
        `--load-extension=${dist}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--lang=${chromiumUiLocale(options.locale ?? 'en-US')}`,
        '--ignore-certificate-errors',
        `--host-resolver-rules=${hostResolverRules()}`,
        ...(options.args ?? []),
      ],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }

  const requests = new RequestRecorder(context);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    await removeProfile();
    const leaks = requests.leaks();
    if (leaks.length > 0) {
      throw new Error(
        `Privacy: the extension made ${leaks.length} request(s) for something other than its own files:\n${formatLeaks(leaks)}`,
      );
    }
  };

  try {
    const serviceWorker = await waitForServiceWorker(context, 20_000);
    const extensionId = extensionIdOf(serviceWorker);
    if (extensionId === null) throw new Error(`Unexpected service worker URL: ${serviceWorker.url()}`);
    extensionIds.set(context, extensionId);
    requests.setExtensionId(extensionId);
    return { context, extensionId, serviceWorker, requests, close };
  } catch (error) {
    await close();
    throw new Error(
      `The extension did not start (no service worker). Is ${dist} complete and loadable? ` +
        (error instanceof Error ? error.message : String(error)),
      { cause: error },
    );
  }
}
