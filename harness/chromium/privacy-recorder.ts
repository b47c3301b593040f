/**
 * Records every request made in a browser context that runs the extension, and says which of
 * them the extension made that were not for its own files.
 *
 * `launchWithExtension` attaches one to every browser it starts and checks it when the browser
 * closes, so every e2e test, whatever it is about, also proves that the extension's service
 * worker and pages (popup, options, blocking page) fetched nothing but chrome-extension:// files.
 * Playwright reports the service worker's requests as well as the pages'.
 *
 * Not counted as the extension's: top-level navigations (the person chose "Proceed" or opened a
 * link), and requests of web pages (a content script's fetch would show there: test/e2e/
 * privacy.test.ts attributes those through CDP initiator stacks).
 */
import type { BrowserContext, Request } from 'playwright-core';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The service worker's script URL when a worker made the request. */
  worker: string | null;
  /** The URL of the frame that made the request ('' when unknown). */
  frame: string;
  navigation: boolean;
}

export type RequestSource = 'service-worker' | 'extension-page' | 'other';

const EXTENSION_URL = /^chrome-extension:\/\/([a-p]{32})\//;

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  private extensionId: string | null = null;
  private readonly allowed: ((request: RecordedRequest) => boolean)[] = [];

  constructor(context: BrowserContext) {
    context.on('request', (request) => this.requests.push(describe(request)));
  }

  /** Set once the extension's id is known (from its service worker). */
  setExtensionId(id: string): void {
    this.extensionId = id;
  }

  /** Marks requests a test made on purpose from the extension's context (a positive control), so they are not leaks. */
  allow(predicate: (request: RecordedRequest) => boolean): void {
    this.allowed.push(predicate);
  }

  /** Who made a request, as far as the extension is concerned. */
  sourceOf(request: RecordedRequest): RequestSource {
    const id = this.extensionId;
    if (!id) return 'other';
    if (request.worker !== null && EXTENSION_URL.exec(request.worker)?.[1] === id) return 'service-worker';
    if (EXTENSION_URL.exec(request.frame)?.[1] === id && !request.navigation) return 'extension-page';
    return 'other';
  }

  /** Requests by the service worker and extension pages. */
  fromExtension(): RecordedRequest[] {
    return this.requests.filter((request) => this.sourceOf(request) !== 'other');
  }

  /** The extension's requests for anything but its own files (data: and its own blob: URLs count as its own). */
  leaks(): RecordedRequest[] {
    const id = this.extensionId;
    if (!id) return [];
    const own = (url: string) =>
      url.startsWith(`chrome-extension://${id}/`) || url.startsWith(`blob:chrome-extension://${id}/`) || url.startsWith('data:');
    return this.fromExtension().filter((request) => !own(request.url) && !this.allowed.some((allow) => allow(request)));
  }
}

function describe(request: Request): RecordedRequest {
  const worker = request.serviceWorker();
  let frame = '';
  if (!worker) {
    try {
      frame = request.frame().url();
    } catch {
      // A request without a frame (Playwright throws for some worker requests).
    }
  }
  return {
    url: request.url(),
    method: request.method(),
    resourceType: request.resourceType(),
    worker: worker ? worker.url() : null,
    frame,
    navigation: request.isNavigationRequest(),
  };
}

/** One line per leak, for an error message. */
export function formatLeaks(leaks: readonly RecordedRequest[]): string {
  return leaks
    .map((r) => `  ${r.method} ${r.url} (${r.worker ? `service worker ${r.worker}` : `page ${r.frame}`}, ${r.resourceType})`)
    .join('\n');
}
