/**
 * What the extension puts in a web page: whether its content script runs there, and the banner
 * and tile marks it draws. Both live in closed shadow roots, which page scripts and Playwright
 * locators cannot see; the helpers here read and click them through the Chrome DevTools
 * Protocol instead. The banner's host has a fresh element name on every page (no page can find
 * it by name): it is found as the element whose closed shadow root holds the banner's section.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { launchedExtensionId } from './launch.ts';

export const MARK_TAG = 'vendor-guard-mark';

/**
 * An expression that evaluates, in the content script's isolated world (see
 * test/e2e/a11y-tools.ts isolatedWorld), to the banner's host element or null.
 */
export const BANNER_HOST_IN_WORLD = `([...document.querySelectorAll('*')].find((element) =>
  element instanceof HTMLElement && [...(chrome.dom.openOrClosedShadowRoot(element)?.children ?? [])].some((child) => child.matches('section.banner[data-vg-tokens]'))) ?? null)`;

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

/** A page, or one of its frames running in a process of its own (a cross-site frame). */
type Target = Page | Frame;

async function withSession<T>(target: Target, use: (session: CDPSession) => Promise<T>): Promise<T> {
  const page = 'page' in target ? target.page() : target;
  const session = await page.context().newCDPSession(target);
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

/** The banner's host: its (closed) shadow root holds `<section class="banner" data-vg-tokens>`. */
const isBannerHost = (n: DomNode) =>
  n.nodeType === ELEMENT_NODE &&
  (n.shadowRoots?.[0]?.children ?? []).some(
    (child) => child.localName === 'section' && attribute(child, 'class') === 'banner' && attribute(child, 'data-vg-tokens') !== null,
  );

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
 * whitespace collapsed; null when the page has no banner. A cross-site frame (its own process)
 * is read on its own: `bannerText(frame)`.
 */
export async function bannerText(page: Target): Promise<string | null> {
  return withSession(page, async (session) => {
    const host = findNode(await piercedDocument(session), isBannerHost);
    if (!host) return null;
    const parts: string[] = [];
    collectText(host, parts);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/**
 * The banner's level, 'warning' or the calmer 'notice' (the `data-level` of its section, inside
 * the closed shadow root where the page cannot read it); null when the page has no banner.
 */
export async function bannerLevel(page: Target): Promise<string | null> {
  return withSession(page, async (session) => {
    const host = findNode(await piercedDocument(session), isBannerHost);
    const section = host?.shadowRoots?.[0]?.children?.find((child) => child.localName === 'section');
    return section ? attribute(section, 'data-level') : null;
  });
}

/**
 * The banner's rendered text (`innerText` of its shadow root's elements, so collapsed panels
 * and hidden parts are left out); null when the page has no banner.
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

/** How many banners the page holds (its frames' documents included where they share its process). */
export async function bannerCount(page: Page): Promise<number> {
  return withSession(page, async (session) => findNodes(await piercedDocument(session), isBannerHost).length);
}

/** The banner host's element name on the page (fresh on every page), or null when there is no banner. */
export async function bannerTagName(page: Page): Promise<string | null> {
  return withSession(page, async (session) => findNode(await piercedDocument(session), isBannerHost)?.localName ?? null);
}

/**
 * The banner host's box in the viewport (CSS pixels), or null when there is no banner or it has
 * no box. Read with getBoundingClientRect, which brings layout up to date first (the protocol's
 * content quads can be stale right after the page or the keeper toggled a popover).
 */
export async function bannerBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return withSession(page, async (session) => {
    const host = findNode(await piercedDocument(session), isBannerHost);
    if (!host) return null;
    const { object } = await session.send('DOM.resolveNode', { backendNodeId: host.backendNodeId });
    if (!object.objectId) return null;
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { const r = this.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }',
      returnByValue: true,
    });
    await session.send('Runtime.releaseObject', { objectId: object.objectId });
    const [x = 0, y = 0, width = 0, height = 0] = result.value as number[];
    return width >= 1 && height >= 1 ? { x, y, width, height } : null;
  });
}

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
 * its centre lands on the button itself; a banner redrawn meanwhile (new nodes) is looked up again.
 */
export async function clickBannerButton(page: Page, action: string): Promise<void> {
  const point = await withSession(page, async (session) => {
    const deadline = Date.now() + 3_000;
    let previous: Point | null = null;
    let button: DomNode | null = null;
    for (; ; await new Promise((resolve) => setTimeout(resolve, 80))) {
      if (!button) {
        const host = findNode(await piercedDocument(session), isBannerHost);
        if (!host) throw new Error(`No banner on ${page.url()}`);
        button = findNode(host, (n) => n.nodeType === ELEMENT_NODE && attribute(n, 'data-action') === action);
        if (!button) throw new Error(`The banner has no button with data-action="${action}"`);
        await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId }).catch(() => undefined);
      }
      const center = await centerOf(session, button.backendNodeId).catch(() => undefined);
      if (center === undefined) button = null; // the node is gone: the banner was redrawn
      const still = center && previous !== null && center.x === previous.x && center.y === previous.y;
      if (button && center && still) {
        const hit = await session.send('DOM.getNodeForLocation', { x: Math.round(center.x), y: Math.round(center.y) }).catch(() => null);
        if (hit && descendants(button).has(hit.backendNodeId)) return center;
      }
      if (Date.now() > deadline) throw new Error(`The banner button "${action}" cannot be clicked (hidden, covered or moving)`);
      previous = center ?? null;
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
  const id = extensionId ?? launchedExtensionId(page.context());
  if (!id) throw new Error('Unknown extension id: launch with launchWithExtension or pass it.');
  const origin = `chrome-extension://${id}`;
  return withSession(page, async (session) => {
    const { frameTree } = await session.send('Page.getFrameTree');
    const mainFrameId = frameTree.frame.id;
    const origins: string[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => {
      const aux: unknown = context.auxData;
      const frameId = typeof aux === 'object' && aux !== null && 'frameId' in aux && typeof aux.frameId === 'string' ? aux.frameId : null;
      if (frameId === mainFrameId) origins.push(context.origin);
    });
    await session.send('Runtime.enable');
    await session.send('Runtime.disable');
    return origins.some((o) => o === origin || o.startsWith(`${origin}/`));
  });
}
