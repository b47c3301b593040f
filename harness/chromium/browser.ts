/**
 * Real Chromium with the built extension (dist/chrome), for the e2e tests and `npm start`.
 *
 * The banner lives in a closed shadow root, which page scripts and Playwright locators cannot
 * see; the helpers here read and click it through the Chrome DevTools Protocol instead.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { FIXTURE_HOSTS } from '../fixture-server/server.ts';
import { DIST } from '../paths.ts';
import { formatLeaks, RequestRecorder } from './privacy-recorder.ts';

export { DIST };

export const BANNER_TAG = 'vendor-guard-banner';
export const MARK_TAG = 'vendor-guard-mark';

const DEFAULT_CHROME_PATH = '/usr/bin/chromium';

/** The Chromium to drive: `CHROME_PATH`, else /usr/bin/chromium. */
export function chromePath(): string {
  return process.env['CHROME_PATH'] ?? DEFAULT_CHROME_PATH;
}

/** `--host-resolver-rules` value sending every fixture host to the local fixture server. */
export function hostResolverRules(hosts: readonly string[] = FIXTURE_HOSTS): string {
  return hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
}

export interface LaunchOptions {
  /** Profile directory; by default a fresh temporary one, deleted by `close()`. */
  userDataDir?: string;
  /** Default true. `npm start` shows the window. */
  headless?: boolean;
  /** The browser's language (UI, Accept-Language, i18n.getUILanguage); default en-US. */
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

async function waitForServiceWorker(context: BrowserContext, timeout: number): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => extensionIdOf(w) !== null);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: (w) => extensionIdOf(w) !== null, timeout });
}

/** Launches Chromium with the extension from dist/chrome loaded and the fixture hosts mapped to 127.0.0.1. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(DIST, 'manifest.json'))) {
    throw new Error(`No built extension at ${DIST}: run \`npx vite build\` first.`);
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
        `--disable-extensions-except=${DIST}`,
        `--load-extension=${DIST}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--lang=${options.locale ?? 'en-US'}`,
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
      throw new Error(`Privacy: the extension made ${leaks.length} request(s) for something other than its own files:\n${formatLeaks(leaks)}`);
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
      'The extension did not start (no service worker). Is dist/chrome complete and loadable? ' +
        (error instanceof Error ? error.message : String(error)),
    );
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Service-worker side: tabs and badge                                                         */
/* ------------------------------------------------------------------------------------------ */

/** The slice of the `chrome` API these helpers call inside the service worker. */
interface ChromeInWorker {
  chrome: {
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
    webNavigation: {
      getFrame(details: { tabId: number; frameId: number }): Promise<{ url: string } | null>;
    };
  };
}

/** The badge text the extension set for a tab ("" when none). */
export async function badgeText(sw: Worker, tabId: number): Promise<string> {
  return sw.evaluate(
    (id) => (globalThis as unknown as ChromeInWorker).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/**
 * The browser tab id of a page, found by its current URL. The extension has no "tabs"
 * permission, so tabs on hosts outside its content-script matches carry no URL; for those the
 * main-frame URL comes from webNavigation.
 */
export async function tabIdOf(page: Page, sw?: Worker): Promise<number> {
  const worker = sw ?? workerOf(page.context());
  const url = page.url();
  const deadline = Date.now() + 5_000;
  for (;;) {
    const ids = await worker.evaluate(async (wanted) => {
      const api = (globalThis as unknown as ChromeInWorker).chrome;
      const matches: number[] = [];
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        let tabUrl = tab.url;
        if (!tabUrl) {
          const frame = await api.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => null);
          tabUrl = frame?.url;
        }
        if (tabUrl === wanted) matches.push(tab.id);
      }
      return matches;
    }, url);
    if (ids.length === 1 && ids[0] !== undefined) return ids[0];
    if (ids.length > 1) throw new Error(`Several tabs show ${url}; tabIdOf needs a unique URL.`);
    if (Date.now() > deadline) throw new Error(`No tab found for ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function workerOf(context: BrowserContext): Worker {
  const worker = context.serviceWorkers().find((w) => extensionIdOf(w) !== null);
  if (!worker) throw new Error('The extension service worker is not running.');
  return worker;
}

/* ------------------------------------------------------------------------------------------ */
/* Page side: the banner in its closed shadow root, through CDP                                */
/* ------------------------------------------------------------------------------------------ */

/** The parts of a CDP DOM.Node these helpers use (Protocol.DOM.Node is assignable to it). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const NON_TEXT_ELEMENTS = new Set(['style', 'script', 'template', 'noscript']);

async function withSession<T>(page: Page, use: (session: CDPSession) => Promise<T>): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    return await use(session);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

async function piercedDocument(session: CDPSession): Promise<DomNode> {
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  return root;
}

function childrenOf(node: DomNode): DomNode[] {
  return [...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : []), ...(node.children ?? [])];
}

function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of childrenOf(node)) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

function attribute(node: DomNode, name: string): string | null {
  const attrs = node.attributes ?? [];
  for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1] ?? null;
  return null;
}

function collectText(node: DomNode, out: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    out.push(node.nodeValue);
    return;
  }
  if (node.nodeType === ELEMENT_NODE && NON_TEXT_ELEMENTS.has(node.localName)) return;
  for (const child of childrenOf(node)) collectText(child, out);
}

const isBannerHost = (n: DomNode) => n.nodeType === ELEMENT_NODE && n.localName === BANNER_TAG;

function findNodes(node: DomNode, test: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (test(node)) out.push(node);
  for (const child of childrenOf(node)) findNodes(child, test, out);
  return out;
}

/** The tile marks on the page (src/content/marks.ts): each one's accessible name and visible text, in document order. */
export async function tileMarks(page: Page): Promise<{ label: string; text: string }[]> {
  return withSession(page, async (session) => {
    const hosts = findNodes(await piercedDocument(session), (n) => n.nodeType === ELEMENT_NODE && n.localName === MARK_TAG);
    return hosts.map((host) => {
      const mark = findNode(host, (n) => n.nodeType === ELEMENT_NODE && attribute(n, 'role') === 'img');
      const parts: string[] = [];
      if (mark) collectText(mark, parts);
      return { label: (mark && attribute(mark, 'aria-label')) ?? '', text: parts.join(' ').replace(/\s+/g, ' ').trim() };
    });
  });
}

/**
 * All text inside the banner (its closed shadow root included, collapsed panels too), with
 * whitespace collapsed; null when the page has no `<vendor-guard-banner>` element.
 */
export async function bannerText(page: Page): Promise<string | null> {
  return withSession(page, async (session) => {
    const host = findNode(await piercedDocument(session), isBannerHost);
    if (!host) return null;
    const parts: string[] = [];
    collectText(host, parts);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/**
 * The banner's rendered text (`innerText` of its shadow root's elements, so collapsed panels
 * and hidden parts are left out); null when the page has no `<vendor-guard-banner>` element.
 */
export async function bannerVisibleText(page: Page): Promise<string | null> {
  return withSession(page, async (session) => {
    const host = findNode(await piercedDocument(session), isBannerHost);
    if (!host) return null;
    const root = host.shadowRoots?.[0];
    if (!root) return '';
    const { object } = await session.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
    if (!object.objectId) return '';
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        return Array.from(this.children)
          .filter((e) => !['style', 'script', 'template'].includes(e.localName))
          .map((e) => e.innerText || '')
          .join(' ');
      }`,
      returnByValue: true,
    });
    await session.send('Runtime.releaseObject', { objectId: object.objectId });
    const value: unknown = result.value;
    return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  });
}

type Point = { x: number; y: number };

async function centerOf(session: CDPSession, backendNodeId: number): Promise<Point | null> {
  const { quads } = await session.send('DOM.getContentQuads', { backendNodeId });
  const quad = quads[0];
  if (!quad || quad.length < 8) return null;
  const xs = [quad[0], quad[2], quad[4], quad[6]].map(Number);
  const ys = [quad[1], quad[3], quad[5], quad[7]].map(Number);
  return { x: xs.reduce((a, b) => a + b) / 4, y: ys.reduce((a, b) => a + b) / 4 };
}

function descendants(node: DomNode, out = new Set<number>()): Set<number> {
  out.add(node.backendNodeId);
  for (const child of childrenOf(node)) descendants(child, out);
  return out;
}

/**
 * Clicks, with a real (trusted) mouse click, the banner button whose `data-action` is
 * `action`. The banner slides in, so this waits until the button stands still and a hit test at
 * its centre lands on the button itself.
 */
export async function clickBannerButton(page: Page, action: string): Promise<void> {
  const point = await withSession(page, async (session) => {
    const host = findNode(await piercedDocument(session), isBannerHost);
    if (!host) throw new Error(`No <${BANNER_TAG}> on ${page.url()}`);
    const button = findNode(host, (n) => n.nodeType === ELEMENT_NODE && attribute(n, 'data-action') === action);
    if (!button) throw new Error(`The banner has no button with data-action="${action}"`);
    const { backendNodeId } = button;
    const inside = descendants(button);
    await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const deadline = Date.now() + 3_000;
    let previous: Point | null = null;
    for (;;) {
      const center = await centerOf(session, backendNodeId);
      const still = center !== null && previous !== null && center.x === previous.x && center.y === previous.y;
      if (center && still) {
        const hit = await session
          .send('DOM.getNodeForLocation', { x: Math.round(center.x), y: Math.round(center.y) })
          .catch(() => null);
        if (hit && inside.has(hit.backendNodeId)) return center;
      }
      if (Date.now() > deadline) throw new Error(`The banner button "${action}" cannot be clicked (hidden, covered or moving)`);
      previous = center;
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
  });
  await page.mouse.click(point.x, point.y);
}

/**
 * True iff one of the extension's content scripts runs in the page's main frame, i.e. an
 * isolated world whose origin is `chrome-extension://<extensionId>` exists there.
 * `Runtime.enable` reports every context that already exists, so no setup before navigation.
 */
export async function contentScriptInjected(page: Page, extensionId?: string): Promise<boolean> {
  const id = extensionId ?? extensionIds.get(page.context());
  if (!id) throw new Error('Unknown extension id: launch with launchWithExtension or pass it.');
  const origin = `chrome-extension://${id}`;
  return withSession(page, async (session) => {
    const { frameTree } = await session.send('Page.getFrameTree');
    const mainFrameId = frameTree.frame.id;
    const origins: string[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => {
      const aux: unknown = context.auxData;
      const frameId =
        typeof aux === 'object' && aux !== null && 'frameId' in aux && typeof aux.frameId === 'string'
          ? aux.frameId
          : null;
      if (frameId === mainFrameId) origins.push(context.origin);
    });
    await session.send('Runtime.enable');
    await session.send('Runtime.disable');
    return origins.some((o) => o === origin || o.startsWith(`${origin}/`));
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Timing                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * How long a test waits before concluding that the extension shows nothing on a page. On this
 * machine a warning appears about 200–600 ms after `load`; the margin covers a busy CI runner.
 */
export const SETTLE_MS = 2_000;

/** Waits until the page has loaded and the extension has had time to decide. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(SETTLE_MS);
}

/** The extension's own page URL, e.g. `extensionPage(b, 'src/ui/options/index.html')`. */
export function extensionPage(browser: Pick<ExtensionBrowser, 'extensionId'>, pagePath: string): string {
  return `chrome-extension://${browser.extensionId}/${pagePath.replace(/^\//, '')}`;
}
