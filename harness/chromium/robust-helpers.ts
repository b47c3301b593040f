/**
 * Helpers for the robustness tests (robust-*.test.ts) and the benchmark (bench/): the service
 * worker through the Chrome DevTools Protocol (stop it, read its heap, see its uncaught errors),
 * what the extension's pages say about a tab, whether the banner is really painted, and a log of
 * every console message and error in the browser.
 */
import type { BrowserContext, CDPSession, ConsoleMessage, Page, Worker } from 'playwright-core';
import { BANNER_TAG, extensionPage, type ExtensionBrowser } from './browser.ts';
import type { TabState } from '../../src/platform/messages.ts';

const EXTENSION_SW = /^chrome-extension:\/\/[a-p]{32}\//;

/* ------------------------------------------------------------------------------------------ */
/* The service worker over CDP                                                                 */
/* ------------------------------------------------------------------------------------------ */

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

async function withPageSession<T>(context: BrowserContext, use: (session: CDPSession) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  try {
    return await use(session);
  } finally {
    await session.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

async function workerTargets(session: CDPSession): Promise<TargetInfo[]> {
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.filter((target) => target.type === 'service_worker' && EXTENSION_SW.test(target.url));
}

/** True while the extension's service worker runs. */
export function workerRunning(context: BrowserContext): Promise<boolean> {
  return withPageSession(context, async (session) => (await workerTargets(session)).length > 0);
}

/**
 * Stops the extension's service worker the way the browser does when it idles (DevTools'
 * "Stop"), and waits until it is gone. Globals are lost; storage and badges stay. With `on`, the
 * protocol session is opened on that page; otherwise on a scratch tab, whose closing is itself a
 * tab event that may start the worker again at once (fine for tests, not for timing a cold start).
 */
export async function stopServiceWorker(context: BrowserContext, on?: Page): Promise<void> {
  const run = on
    ? async (use: (session: CDPSession) => Promise<void>) => {
        const session = await context.newCDPSession(on);
        try {
          await use(session);
        } finally {
          await session.detach().catch(() => undefined);
        }
      }
    : (use: (session: CDPSession) => Promise<void>) => withPageSession(context, use);
  await run(async (session) => {
    await session.send('ServiceWorker.enable');
    const deadline = Date.now() + 10_000;
    // The domain learns of running workers asynchronously after enable: ask again until it is gone.
    for (let attempt = 0; (await workerTargets(session)).length > 0; attempt++) {
      if (Date.now() > deadline) throw new Error('The service worker did not stop');
      if (attempt % 10 === 0) await session.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await session.send('ServiceWorker.disable').catch(() => undefined);
  });
}

/**
 * A CDP session into the service worker (through a page session, Target.sendMessageToTarget:
 * Playwright opens none to workers): its JS heap, and the uncaught errors and console messages
 * Playwright does not report for workers. Valid until the worker stops.
 */
export class WorkerDebugger {
  readonly exceptions: string[] = [];
  readonly messages: { type: string; text: string }[] = [];
  private nextId = 1;
  private readonly replies = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly page: Page,
    private readonly session: CDPSession,
    private readonly sessionId: string,
  ) {
    session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
      };
      if (message.id !== undefined) {
        const reply = this.replies.get(message.id);
        this.replies.delete(message.id);
        if (message.error) reply?.reject(new Error(message.error.message));
        else reply?.resolve(message.result);
      } else if (message.method === 'Runtime.exceptionThrown') {
        const details = message.params?.['exceptionDetails'] as { text?: string; exception?: { description?: string } } | undefined;
        this.exceptions.push(details?.exception?.description ?? details?.text ?? 'exception');
      } else if (message.method === 'Runtime.consoleAPICalled') {
        const params = message.params as { type: string; args: { value?: unknown; description?: string }[] };
        this.messages.push({ type: params.type, text: params.args.map((arg) => String(arg.value ?? arg.description ?? '')).join(' ') });
      } else if (message.method === 'Log.entryAdded') {
        const entry = (message.params as { entry: { level: string; text: string } }).entry;
        this.messages.push({ type: entry.level, text: entry.text });
      }
    });
  }

  /**
   * Attaches to the running worker, waiting up to `timeout` ms for one. Playwright's own Worker
   * handle dies with the worker and Playwright does not pick up the restarted one; this does.
   */
  static async attach(context: BrowserContext, timeout = 10_000): Promise<WorkerDebugger> {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const deadline = Date.now() + timeout;
    let [target] = await workerTargets(session);
    while (!target && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      [target] = await workerTargets(session);
    }
    if (!target) {
      await session.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
      throw new Error('The service worker is not running');
    }
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const debug = new WorkerDebugger(page, session, sessionId);
    await debug.call('Runtime.enable');
    await debug.call('Log.enable').catch(() => undefined);
    return debug;
  }

  call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.replies.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.session
        .send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error: unknown) => {
          this.replies.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  /** Evaluates `expression` in the worker (awaiting a promise) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.call<{ result: { value?: unknown }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`In the service worker: ${exceptionDetails.text}`);
    return result.value as T;
  }

  /** Used JS heap in bytes, after a full garbage collection. */
  async heapUsed(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    const { usedSize } = await this.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return usedSize;
  }

  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* What the extension says about a tab                                                         */
/* ------------------------------------------------------------------------------------------ */

interface ChromeInPage {
  chrome: {
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    runtime: { sendMessage(message: object): Promise<unknown> };
    storage: Record<'local' | 'session', { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> }>;
  };
}

/**
 * An extension page to ask the browser and the background from: badges are browser state, so
 * reading them from here neither needs nor wakes the service worker.
 */
export class ExtensionPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<ExtensionPage> {
    const page = await browser.context.newPage();
    await page.goto(extensionPage(browser, 'src/ui/options/index.html'));
    return new ExtensionPage(page);
  }

  badgeText(tabId: number): Promise<string> {
    return this.page.evaluate((id) => (globalThis as unknown as ChromeInPage).chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** A request to the background, as the popup or options page sends it (wakes the worker). */
  send<T>(message: object): Promise<T> {
    return this.page.evaluate((m) => (globalThis as unknown as ChromeInPage).chrome.runtime.sendMessage(m), message) as Promise<T>;
  }

  /** The id of the one tab showing `url` (tabs without host access are found through webNavigation). */
  async tabIdOf(url: string): Promise<number> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const ids = await this.page.evaluate(async (wanted) => {
        const api = (globalThis as unknown as {
          chrome: {
            tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
            webNavigation: { getFrame(d: { tabId: number; frameId: number }): Promise<{ url: string } | null> };
          };
        }).chrome;
        const found: number[] = [];
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined) continue;
          const frame = tab.url ? null : await api.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => null);
          if ((tab.url ?? frame?.url) === wanted) found.push(tab.id);
        }
        return found;
      }, url);
      if (ids.length === 1) return ids[0]!;
      if (Date.now() > deadline) throw new Error(`${ids.length} tabs show ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  tabState(tabId: number): Promise<TabState | null> {
    return this.send<TabState | null>({ type: 'get-tab-state', tabId });
  }

  storage(area: 'local' | 'session'): Promise<Record<string, unknown>> {
    return this.page.evaluate((a) => (globalThis as unknown as ChromeInPage).chrome.storage[a].get(null), area);
  }

  setStorage(area: 'local' | 'session', items: Record<string, unknown>): Promise<void> {
    return this.page.evaluate(([a, i]) => (globalThis as unknown as ChromeInPage).chrome.storage[a as 'local' | 'session'].set(i as object), [area, items] as const);
  }

  /**
   * Polls the tab's badge every millisecond in the page until it is set and returns when that
   * happened (epoch ms), or null after `timeout` ms. Start it before the navigation it times.
   */
  startBadgeWatch(tabId: number, timeout = 20_000): Promise<number | null> {
    return this.page.evaluate(
      async ([id, limit]) => {
        const api = (globalThis as unknown as ChromeInPage).chrome.action;
        const end = performance.now() + limit!;
        while (performance.now() < end) {
          if ((await api.getBadgeText({ tabId: id! })) !== '') return performance.timeOrigin + performance.now();
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        return null;
      },
      [tabId, timeout],
    );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The background's state for a tab, asked from one of the extension's own pages. */
export async function tabState(browser: ExtensionBrowser, tabId: number): Promise<TabState | null> {
  const page = await browser.context.newPage();
  try {
    await page.goto(extensionPage(browser, 'src/ui/options/index.html'));
    return await page.evaluate(
      (id) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<TabState | null> } } }).chrome.runtime.sendMessage({
          type: 'get-tab-state',
          tabId: id,
        }),
      tabId,
    );
  } finally {
    await page.close();
  }
}

/** The toolbar popup's text for a tab (opened as a page), once it has rendered. */
export async function popupText(browser: ExtensionBrowser, tabId: number): Promise<string> {
  const page = await browser.context.newPage();
  try {
    await page.goto(extensionPage(browser, `src/ui/popup/index.html?tab=${tabId}`));
    await page.waitForFunction(() => (document.getElementById('app')?.innerText ?? '').trim().length > 0, undefined, { timeout: 10_000 });
    await page.waitForTimeout(200);
    return await page.locator('body').innerText();
  } finally {
    await page.close();
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Is the banner painted?                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** The banner host's box in the viewport, or null when there is none or it has no size. */
export async function bannerBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    if (!host) return null;
    const rect = host.getBoundingClientRect();
    return rect.width >= 1 && rect.height >= 1 ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
  }, BANNER_TAG);
}

/**
 * How many distinct colours the screen shows where the banner is: a painted banner (text,
 * buttons, border) shows dozens; an overlay covering it, or a blank page where it is hidden,
 * shows one or two. Decoded in an about:blank tab (no content script runs there).
 */
export async function colorsInBanner(page: Page): Promise<number> {
  const box = await bannerBox(page);
  if (!box) return 0;
  const clip = { x: Math.max(0, box.x), y: Math.max(0, box.y), width: Math.min(box.width, 1280), height: Math.min(box.height, 400) };
  const png = (await page.screenshot({ clip })).toString('base64');
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context2d = canvas.getContext('2d');
      if (!context2d) return 0;
      context2d.drawImage(image, 0, 0);
      const pixels = context2d.getImageData(0, 0, canvas.width, canvas.height).data;
      const colors = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) colors.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return colors.size;
    }, png);
  } finally {
    await scratch.close();
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Everything the browser logged                                                               */
/* ------------------------------------------------------------------------------------------ */

export interface LoggedMessage {
  where: string;
  type: string;
  text: string;
}

/**
 * Collects console errors and warnings and uncaught errors from every page of a context (those
 * opened later too) and from the extension's service worker.
 */
export class ConsoleLog {
  readonly entries: LoggedMessage[] = [];

  constructor(context: BrowserContext) {
    const record = (where: string) => (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        this.entries.push({ where: `${where} ${message.location().url}`, type: message.type(), text: message.text() });
      }
    };
    const watchPage = (page: Page) => {
      page.on('console', record(`page ${page.url()}`));
      page.on('pageerror', (error) => this.entries.push({ where: `page ${page.url()}`, type: 'pageerror', text: error.message }));
    };
    context.pages().forEach(watchPage);
    context.on('page', watchPage);
    const watchWorker = (worker: Worker) => {
      if (EXTENSION_SW.test(worker.url())) worker.on('console', record('service worker'));
    };
    context.serviceWorkers().forEach(watchWorker);
    context.on('serviceworker', watchWorker);
  }

  /** What was logged, less what `ignore` accepts (page resources a fixture does not serve, say). */
  problems(ignore: (entry: LoggedMessage) => boolean = () => false): LoggedMessage[] {
    return this.entries.filter((entry) => !ignore(entry));
  }
}
