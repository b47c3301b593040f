/**
 * Accessibility checks in real Chromium: axe-core on the extension's pages, and on the in-page
 * banner inside its closed shadow root.
 *
 * The banner's shadow root is closed, so neither the page nor Playwright can see into it. The
 * content script's isolated world can: Chrome gives content scripts
 * `chrome.dom.openOrClosedShadowRoot()`. These helpers evaluate code in that world through CDP
 * (the execution context whose origin is the extension's), inject axe there, and, in that world
 * only, make `Element.prototype.shadowRoot` return closed roots too, so axe walks into the
 * banner. The page's own world and the production code are untouched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession, Page } from 'playwright-core';
import { BANNER_HOST_IN_WORLD, bannerTagName, clickBannerButton, MARK_TAG } from '../../harness/chromium/in-page.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A and AA, plus axe's best practices. */
const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } };

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export interface AxeReport {
  violations: AxeViolation[];
  /** Rules axe ran and found satisfied (a sanity check that it looked at something). */
  passes: string[];
  /** Rules axe could not decide, with the nodes: checked by other means (see contrastProblems). */
  incomplete: AxeViolation[];
}

/** Runs in the browser: axe.run, reduced to what a failure message needs. */
const RUN_AXE = (context: string, options: unknown) => `(async () => {
  const result = await axe.run(${context}, ${JSON.stringify(options)});
  const brief = (rule) => ({ id: rule.id, impact: rule.impact, help: rule.help,
    nodes: rule.nodes.map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || n.any.map((a) => a.message).join('; ')).replace(/\\s+/g, ' ')) });
  return { violations: result.violations.map(brief), passes: result.passes.map((r) => r.id), incomplete: result.incomplete.map(brief) };
})()`;

/** axe on a whole extension page (popup, options, blocked page). */
export async function axeOnPage(page: Page): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(RUN_AXE('document', AXE_OPTIONS)) as Promise<AxeReport>;
}

/* ------------------------------------------------------------------------------------------ */
/* The content script's isolated world                                                         */
/* ------------------------------------------------------------------------------------------ */

export interface IsolatedWorld {
  /** Evaluates an expression in the content script's world; awaits promises, returns by value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/** The extension's content-script world in the page's main frame, through CDP. */
export async function isolatedWorld(page: Page, extensionId: string): Promise<IsolatedWorld> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const origin = `chrome-extension://${extensionId}`;
  const { frameTree } = await session.send('Page.getFrameTree');
  const contexts: { id: number; origin: string; frameId: string | null }[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux: unknown = context.auxData;
    const frameId = typeof aux === 'object' && aux !== null && 'frameId' in aux && typeof aux.frameId === 'string' ? aux.frameId : null;
    contexts.push({ id: context.id, origin: context.origin, frameId });
  });
  // Reports every context that already exists.
  await session.send('Runtime.enable');
  const world = contexts.find((c) => c.frameId === frameTree.frame.id && (c.origin === origin || c.origin.startsWith(`${origin}/`)));
  if (!world) {
    await session.detach().catch(() => undefined);
    throw new Error(`No content-script world of ${extensionId} in ${page.url()}`);
  }
  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails)
      throw new Error(`In the content script's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  };
  // In this world only: closed shadow roots become visible to `element.shadowRoot`, so axe and the
  // helpers below can walk into the banner. chrome.dom.openOrClosedShadowRoot takes HTML elements.
  await evaluate(`(() => {
    if (globalThis.__vgShadowPierced) return;
    globalThis.__vgShadowPierced = true;
    const native = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
    Object.defineProperty(Element.prototype, 'shadowRoot', {
      configurable: true,
      get() { return this instanceof HTMLElement ? (chrome.dom.openOrClosedShadowRoot(this) ?? null) : native.get.call(this); },
    });
  })()`);
  return { evaluate, close: () => session.detach().catch(() => undefined) };
}

/**
 * axe on the banner of `page`, inside its closed shadow root, its collapsed panels opened first
 * (with real clicks: the banner acts on trusted input only), so they are checked too.
 */
export async function axeOnBanner(world: IsolatedWorld, page: Page): Promise<AxeReport> {
  const collapsed = await world.evaluate<string[]>(
    `[...${BANNER_HOST_IN_WORLD}.shadowRoot.querySelectorAll('button[aria-expanded="false"]')].map((button) => button.dataset.action)`,
  );
  for (const action of collapsed) await clickBannerButton(page, action);
  return axeInHosts(world, await bannerTag(page));
}

/** The banner host's element name (fresh on every page). */
async function bannerTag(page: Page): Promise<string> {
  const tag = await bannerTagName(page);
  if (!tag) throw new Error(`No banner on ${page.url()}`);
  return tag;
}

/** axe on every tile mark, inside their closed shadow roots. */
export function axeOnMarks(world: IsolatedWorld): Promise<AxeReport> {
  return axeInHosts(world, MARK_TAG);
}

async function axeInHosts(world: IsolatedWorld, tag: string): Promise<AxeReport> {
  if (!(await world.evaluate<boolean>(`typeof axe !== 'undefined'`))) await world.evaluate(AXE_SOURCE);
  return world.evaluate<AxeReport>(RUN_AXE(JSON.stringify({ include: [[tag]] }), AXE_OPTIONS));
}

/* ------------------------------------------------------------------------------------------ */
/* Colour contrast, computed directly                                                          */
/* ------------------------------------------------------------------------------------------ */

/**
 * Runs in the browser (page or isolated world): for every element with its own visible text,
 * the contrast of its colour against the colour behind it (its own or an ancestor's solid
 * background, shadow hosts included), and the same for focus outlines. axe leaves colour
 * contrast "incomplete" where it cannot stack the elements (shadow DOM, sticky footers), so this
 * measures what it could not. Returns the elements below WCAG AA: 4.5:1 for text (3:1 for large
 * text), 3:1 for a focus outline.
 */
export const CONTRAST_AUDIT = (rootSelector: string | null) => `(() => {
  const parse = (value) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(value);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const parentOf = (el) => el.parentElement ?? (el.parentNode && el.parentNode.host) ?? null;
  const canvas = () => parse(getComputedStyle(document.documentElement).backgroundColor)?.a ? parse(getComputedStyle(document.documentElement).backgroundColor)
    : (matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.documentElement).colorScheme.includes('dark') ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 });
  const behind = (el) => {
    const layers = [];
    for (let node = el; node; node = parentOf(node)) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none' && !style.backgroundImage.startsWith('url(')) return null;
      const bg = parse(style.backgroundColor);
      if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
    }
    let color = layers.length && layers[layers.length - 1].a >= 1 ? layers.pop() : canvas();
    while (layers.length) color = over(layers.pop(), color);
    return color;
  };
  const root = ${rootSelector === null ? 'document' : `document.querySelector(${JSON.stringify(rootSelector)}).shadowRoot`};
  const problems = [];
  const visible = (el) => { const s = getComputedStyle(el); const r = el.getBoundingClientRect(); return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0 && !el.closest('[hidden]'); };
  const describe = (el) => el.localName + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  let checked = 0;
  for (const el of root.querySelectorAll('*')) {
    if (['style', 'script', 'svg', 'path', 'title', 'head', 'meta', 'link'].includes(el.localName)) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || !visible(el)) continue;
    if (el.closest('.visually-hidden')) continue;
    const style = getComputedStyle(el);
    const bg = behind(el);
    const fg = parse(style.color);
    if (!bg || !fg) continue;
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const r = ratio(over(fg, bg), bg);
    checked++;
    if (r < (large ? 3 : 4.5)) problems.push(describe(el) + ' text ' + r.toFixed(2) + ':1 (' + style.color + ' on rgb(' + [bg.r, bg.g, bg.b].map(Math.round) + '))');
  }
  return { checked, problems };
})()`;

export interface ContrastResult {
  checked: number;
  problems: string[];
}

/** Text contrast on an extension page. */
export function contrastOnPage(page: Page): Promise<ContrastResult> {
  return page.evaluate(CONTRAST_AUDIT(null)) as Promise<ContrastResult>;
}

/** Text contrast inside the banner of `page`. */
export async function contrastInBanner(world: IsolatedWorld, page: Page): Promise<ContrastResult> {
  return world.evaluate<ContrastResult>(CONTRAST_AUDIT(await bannerTag(page)));
}

/** Text contrast inside the first tile mark (they are all alike). */
export function contrastInMark(world: IsolatedWorld): Promise<ContrastResult> {
  return world.evaluate<ContrastResult>(CONTRAST_AUDIT(MARK_TAG));
}

/* ------------------------------------------------------------------------------------------ */
/* Focus                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export interface FocusState {
  /** e.g. `button[data-action=why]` or `a.ext-link`, empty when nothing has focus. */
  element: string;
  text: string;
  /** Matches :focus-visible. */
  focusVisible: boolean;
  /** An opaque outline (or a box-shadow ring) at least 2px wide. */
  ringVisible: boolean;
  insideBanner: boolean;
}

/** Runs in the browser: what has focus, following focus into the banner's shadow root when the world can see it. */
export const FOCUS_STATE = `(() => {
  let el = document.activeElement;
  let insideBanner = false;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) {
    if ([...el.shadowRoot.children].some((child) => child.matches('section.banner'))) insideBanner = true;
    el = el.shadowRoot.activeElement;
  }
  if (!el || el === document.body || el === document.documentElement) return { element: '', text: '', focusVisible: false, ringVisible: false, insideBanner };
  const drawsRing = (node) => {
    const style = getComputedStyle(node);
    const width = parseFloat(style.outlineWidth) || 0;
    const outline = style.outlineStyle !== 'none' && width >= 2 && !/rgba\\([^)]*,\\s*0\\)|transparent/.test(style.outlineColor);
    return outline || /0px 0px 0px [2-9]/.test(style.boxShadow);
  };
  // The ring is on the element, or on the card that holds it (radio cards outline the whole choice).
  let ringOwner = el;
  for (let i = 0; i < 3 && ringOwner && !drawsRing(ringOwner); i++) ringOwner = ringOwner.parentElement;
  const ring = Boolean(ringOwner && drawsRing(ringOwner));
  const action = el.getAttribute('data-action');
  const name = el.localName + (action ? '[data-action=' + action + ']' : '') + (el.id ? '#' + el.id : '') + (!action && !el.id && typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  return { element: name, text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 80), focusVisible: el.matches(':focus-visible'), ringVisible: ring, insideBanner };
})()`;

export function focusOnPage(page: Page): Promise<FocusState> {
  return page.evaluate(FOCUS_STATE) as Promise<FocusState>;
}

export function focusInWorld(world: IsolatedWorld): Promise<FocusState> {
  return world.evaluate<FocusState>(FOCUS_STATE);
}
