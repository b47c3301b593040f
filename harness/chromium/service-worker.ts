/**
 * The extension's service worker through the Chrome DevTools Protocol: whether it runs, stopping
 * it the way the browser does when it idles, and a debugger session into it (its heap, its
 * uncaught errors and console messages), for the robustness tests and the benchmark.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

const EXTENSION_SW = /^chrome-extension:\/\/[a-p]{32}\//;

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
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
      sessionId: string;
    };
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
    const { result, exceptionDetails } = await this.call<{ result: { value?: unknown }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      {
        expression,
        awaitPromise: true,
        returnByValue: true,
      },
    );
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
