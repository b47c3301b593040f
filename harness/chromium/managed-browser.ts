/**
 * Real Chromium as a managed browser meets Vendor Guard: no --load-extension, a fresh profile,
 * and only what the machine's policy (/etc/chromium/policies/managed/) installs. Chromium's
 * extension updater counts as background networking, so this launch keeps it on (the other
 * launches turn it off to keep the closed network quiet), and it keeps extensions on.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromePath, hostResolverRules } from './launch.ts';
import { formatLeaks, RequestRecorder } from './privacy-recorder.ts';

export interface ManagedBrowser {
  context: BrowserContext;
  requests: RequestRecorder;
  /** A chrome://extensions tab, whose chrome.management and chrome.developerPrivate see every extension. */
  extensionsPage(): Promise<Page>;
  /** The service worker of extension `id`, once it runs. */
  serviceWorker(id: string, timeout?: number): Promise<Worker>;
  /** Closes the browser, deletes the profile, then fails if extension `id` (given to the recorder) leaked a request. */
  close(): Promise<void>;
}

export async function launchManagedBrowser(options: { locale?: string } = {}): Promise<ManagedBrowser> {
  const executablePath = chromePath();
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: install Chromium or set CHROME_PATH.`);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-managed-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      locale: options.locale ?? 'en-US',
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--no-pings',
        `--lang=${options.locale ?? 'en-US'}`,
        '--ignore-certificate-errors',
        `--host-resolver-rules=${hostResolverRules()}`,
      ],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const requests = new RequestRecorder(context);
  let extensions: Page | undefined;
  let closed = false;
  return {
    context,
    requests,
    async extensionsPage() {
      if (!extensions || extensions.isClosed()) {
        extensions = await context.newPage();
        await extensions.goto('chrome://extensions/');
      }
      return extensions;
    },
    async serviceWorker(id, timeout = 20_000) {
      const ours = (worker: Worker) => worker.url().startsWith(`chrome-extension://${id}/`);
      const deadline = Date.now() + timeout;
      for (;;) {
        const running = context.serviceWorkers().find(ours);
        if (running) return running;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`The service worker of ${id} did not start within ${timeout} ms.`);
        await context.waitForEvent('serviceworker', { predicate: ours, timeout: Math.min(left, 1_000) }).catch(() => undefined);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      const leaks = requests.leaks();
      if (leaks.length > 0) {
        throw new Error(
          `Privacy: the extension made ${leaks.length} request(s) for something other than its own files:\n${formatLeaks(leaks)}`,
        );
      }
    },
  };
}
