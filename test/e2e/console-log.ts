/**
 * Everything the browser logged: console errors and warnings and uncaught errors of pages and of
 * the extension's service worker, for the load test (robust-load.test.ts).
 */
import type { BrowserContext, ConsoleMessage, Page, Worker } from 'playwright-core';

const EXTENSION_SW = /^chrome-extension:\/\/[a-p]{32}\//;

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
