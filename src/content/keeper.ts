/**
 * Keeps the banner readable on pages that fight it: what a person sees, not only whether the
 * element is there. The tests named here run in real Chromium (test/e2e/robust-hostile.test.ts,
 * banner.test.ts) and, for the synthetic Escape, removal every 10 ms and popovers every 50 ms,
 * in real Firefox (firefox.test.ts); `npm run bench` runs each fight for 10 s and measures the
 * frames painted and what the fight costs the page.
 *
 * - Place: the host sits first under <html>, in the top layer (a manual popover), with
 *   `all: initial` and its own layout inline and `!important` (host.ts): it stays on top of the
 *   page's full-screen overlays at the highest z-index and of a popover it opens later ("stays on
 *   top of full-screen overlays…"). While the page has a modal dialog open, everything outside the
 *   dialog is inert: the host then moves to the end of the dialog, where it is painted on top and
 *   its buttons work, and so do the dialog's ("with the page's own modal dialog open…"). It moves
 *   into an element the page sends fullscreen too, where Chromium would not show it otherwise
 *   ("…sends <body> fullscreen"); a fullscreen video is left alone, as the person chose it ("leaves
 *   a fullscreen video alone"). When the dialog closes or fullscreen ends, it goes back under <html>.
 * - At once: a MutationObserver sees the host removed or its attributes changed, <html> (or the
 *   dialog or fullscreen element the host is in) restyled or made inert, and dialogs opening and
 *   closing; capture listeners see the page's popovers and dialogs opening (`beforetoggle`), the
 *   host's popover closed, and fullscreen starting or ending. Each is put right in a microtask,
 *   after the page's task and before the browser renders: the host put back, its style restored,
 *   `inert` taken off its ancestors ("with <html> made inert…"), an ancestor's hiding declaration
 *   overridden inline, the page's zoom cancelled by the host's own ("a page zoomed to 1%…"), the
 *   host raised to the top of the top layer. Against each fight of hostile-fight.html (removal
 *   every 10 ms; popover, modal dialog, inline content-visibility or zoom every 50 ms) the banner
 *   is painted in at least 95% of frames ("outlasting a fight").
 * - Looking: once a second, and 50 ms after the page adds style sheets, the keeper checks the
 *   computed visibility of its ancestors (style sheets and adopted style sheets no observer sees:
 *   "stays visible when the page injects…"), the host's rendered size (which includes every zoom)
 *   and a hit test at three points across it: a modal dialog hit there takes the host in, anything
 *   else hit raises it again. A problem found again at the next look is a repair that did not hold.
 * - Bounds: repair-budget.ts limits repairs within one task, so a page undoing each repair in its
 *   own MutationObserver cannot hang the tab, and decides when the page has overpowered the keeper;
 *   then `overpowered` is called once and the keeper stops ("a page whose own observer undoes every
 *   repair at once gets the warning as a page it cannot touch").
 *
 * Content scripts run in an isolated world: a page that replaces Element.prototype.attachShadow
 * or other DOM methods in its own world changes nothing here ("works when the page rewrote…").
 */
import { hostStyle } from './host.ts';
import { RepairBudget } from './repair-budget.ts';

/** How often the keeper looks at a banner that nothing said anything about. */
const LOOK_MS = 1_000;
/** The look after style sheets were added. */
const SOON_MS = 50;
/** The look after a repair that must be seen to hold: a problem still there then is a loss (repair-budget.ts). */
const RECHECK_MS = 400;
/** The next try after the budget refused a repair. */
const RETRY_MS = 100;
/** Outside this effective zoom the banner is too small to read or too large to use: the host cancels it. */
const ZOOM_MIN = 0.8;
const ZOOM_MAX = 2.5;
/** Attributes of <html> (or the dialog the host is in) that can hide or disable it. */
const ANCESTOR_ATTRIBUTES = ['style', 'class', 'inert', 'hidden'];

/** Properties of an ancestor that hide the host, and the value that undoes each ('' is no value). */
const UNHIDE: readonly [property: string, hiding: (value: string) => boolean, visible: string][] = [
  ['display', (value) => value === 'none', 'block'],
  ['content-visibility', (value) => value === 'hidden', 'visible'],
  ['opacity', (value) => value !== '' && Number(value) < 0.5, '1'],
];

type Zoomed = Element & { currentCSSZoom?: number };
type ToggleLike = Event & { newState?: string };

export interface KeeperEvents {
  /** The host was put back into the page (not its first placement): the banner skips its entrance. */
  restored(): void;
  /** The page has fought past the budget's bound; the keeper has stopped. */
  overpowered(): void;
}

export class Keeper {
  private readonly observer = new MutationObserver((records) => this.onMutations(records));
  /** Dialogs opening and closing, anywhere in the document (only the `open` attribute is watched). */
  private readonly dialogs = new MutationObserver((records) => this.onDialogs(records));
  private readonly budget = new RepairBudget();
  /** Inline declarations this keeper put on the host's ancestors, taken off again by stop(). */
  private readonly overrides = new Map<HTMLElement, Set<string>>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  private placed = false;
  private queued = false;
  private lookScheduled = false;
  private retryScheduled = false;
  /** The host's own hide/show in raise(): its toggle events are the keeper's, not the page's. */
  private raising = false;
  /** Something entered the top layer after the host: raise it again. */
  private mustRaise = false;
  /** The page's modal dialog the host lives in while it is open. */
  private modal: HTMLDialogElement | null = null;
  /** The host's zoom, cancelling the page's (1 when the page's zoom is readable). */
  private zoom = 1;
  private expected: { zoom: number; text: string } | null = null;
  /** The element the observer watches as the host's parent, to notice a replaced <html> or another dialog. */
  private watched: Element | null = null;
  /** The parent the host was last placed in and checked under (computed style included). */
  private checkedIn: Element | null = null;
  /** The ancestors' inline zoom when the host's zoom was last worked out. */
  private inlineZoom = '';
  /** The page may have changed the host's attributes since they were last checked (they are compared only then). */
  private hostTouched = true;
  private watchedHead: HTMLHeadElement | null = null;
  /** What the last look found wrong: found again at the next look, the repair did not hold. */
  private lastProblem: ReturnType<Keeper['unreadable']> = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly on: KeeperEvents,
  ) {}

  start(): void {
    this.running = true;
    this.modal = lastModalDialog();
    addEventListener('beforetoggle', this.onToggle, true);
    addEventListener('fullscreenchange', this.onFullscreen, true);
    this.dialogs.observe(document, { subtree: true, attributeFilter: ['open'] });
    this.repair();
    this.placed = true;
    this.timer = setInterval(() => this.look(), LOOK_MS);
  }

  stop(): void {
    this.running = false;
    removeEventListener('beforetoggle', this.onToggle, true);
    removeEventListener('fullscreenchange', this.onFullscreen, true);
    this.observer.disconnect();
    this.dialogs.disconnect();
    clearInterval(this.timer);
    this.host.remove();
    for (const [element, properties] of this.overrides) for (const property of properties) element.style.removeProperty(property);
    this.overrides.clear();
  }

  /** The page opened a popover or dialog (it now covers the host), or closed the host's popover. */
  private readonly onToggle = (event: ToggleLike): void => {
    if (event.target === this.host) {
      if (event.newState === 'closed' && !this.raising) this.queue();
    } else if (event.newState === 'open') {
      this.mustRaise = true;
      // After the page's task: the element is in the top layer by then.
      this.queue();
    }
  };

  /** An element went fullscreen (the host moves into it, unless it is a video) or left it (the host moves back). */
  private readonly onFullscreen = (): void => {
    if (fullscreenParent()) this.mustRaise = true;
    this.repair();
  };

  private onMutations(records: MutationRecord[]): void {
    // Style sheets added to <head> after the page has loaded: look once they apply.
    if (document.readyState !== 'loading' && records.some((record) => record.target === document.head)) this.look(SOON_MS);
    const head = document.head;
    if (head && head !== this.watchedHead) {
      this.watchedHead = head;
      this.observer.observe(head, { childList: true });
    }
    if (records.some((record) => record.target === this.host)) this.hostTouched = true;
    // An ancestor's class or `hidden` can hide the host through the page's style sheets: those need computed style.
    this.repair(
      records.some((record) => record.target !== this.host && (record.attributeName === 'class' || record.attributeName === 'hidden')),
    );
  }

  private onDialogs(records: MutationRecord[]): void {
    for (const { target } of records) {
      if (!(target instanceof HTMLDialogElement)) continue;
      if (target.matches(':modal')) {
        this.modal = target;
        this.mustRaise = true;
      }
    }
    this.repair();
  }

  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.repair();
    });
  }

  /**
   * Puts right, at once, what the page changed: where the host is, its attributes and style, its
   * ancestors' `inert` and inline hiding declarations, and its place in the top layer. None of
   * this reads computed style, which would make the browser style the page's change before the
   * repair undoes it (for a root made `content-visibility: hidden`, tearing down and rebuilding
   * the whole page's layout on every round of a fight). Computed visibility and zoom are checked
   * only when they may have changed: under a new parent, after an ancestor's class or `hidden`
   * or inline zoom changed, and at every look (`deep`).
   */
  private repair(deep = false): void {
    if (!this.running || this.budget.overpowered) return;
    if (this.modal && !this.modal.matches(':modal')) this.modal = lastModalDialog();
    const parent = this.modal ?? fullscreenParent() ?? document.documentElement;
    if (!parent) return;
    const host = this.host;
    const moved = host.parentNode !== parent;
    const computed = deep || parent !== this.checkedIn || this.ancestorZoom(parent) !== this.inlineZoom;
    if (deep) this.hostTouched = true;
    let broken =
      moved ||
      (this.hostTouched && this.tampered()) ||
      this.inertAncestor(parent) !== null ||
      this.hidingInline(parent).length > 0 ||
      this.mustRaise ||
      !host.matches(':popover-open');
    // A host back in the parent it was checked under needs no computed style: nothing above it changed.
    if (!broken && computed) broken = !this.visible() || this.zoomNeeded() !== this.zoom;
    if (!broken) {
      this.hostTouched = false;
      return;
    }
    if (!this.budget.spend()) {
      if (!this.retryScheduled) {
        this.retryScheduled = true;
        setTimeout(() => {
          this.retryScheduled = false;
          this.repair(true);
        }, RETRY_MS);
      }
      this.giveUpIfBeaten();
      return;
    }
    if (moved) {
      // First under <html>: the warning comes first in the Tab order and for screen readers. Last
      // in a dialog: the dialog's own first control keeps the focus the dialog gives it.
      if (parent === document.documentElement) parent.prepend(host);
      else parent.append(host);
      this.watch(parent);
      if (this.placed) this.on.restored();
    }
    for (let inert = this.inertAncestor(); inert; inert = this.inertAncestor()) inert.removeAttribute('inert');
    for (const [element, property, visible] of this.hidingInline()) this.override(element, property, visible);
    if (computed) {
      if (!this.visible()) this.unhideAncestors();
      this.inlineZoom = this.ancestorZoom();
      this.zoom = this.zoomNeeded();
      this.checkedIn = parent;
    }
    if (this.hostTouched && this.tampered()) this.restoreHost();
    this.hostTouched = false;
    if (moved || this.mustRaise || !host.matches(':popover-open')) this.raise();
    // The keeper's own changes are not the page's: no second round for them.
    this.observer.takeRecords();
  }

  /** The host's ancestors from `parent` (where it is, or goes) up to <html>, or to the modal dialog it is in. */
  private *ancestors(parent: Element | null = this.host.parentElement): Generator<HTMLElement> {
    for (let element = parent; element instanceof HTMLElement; element = element === this.modal ? null : element.parentElement)
      yield element;
  }

  /** Inline declarations of the host's ancestors (from `parent`) that hide it, with the value that undoes each. */
  private hidingInline(parent?: Element): [HTMLElement, string, string][] {
    const found: [HTMLElement, string, string][] = [];
    for (const element of this.ancestors(parent)) {
      for (const [property, hiding, visible] of UNHIDE)
        if (hiding(element.style.getPropertyValue(property))) found.push([element, property, visible]);
    }
    return found;
  }

  /** The ancestors' inline zoom (from `parent`), as one string: when it changes, the host's zoom is worked out again. */
  private ancestorZoom(parent?: Element): string {
    let zoom = '';
    for (const element of this.ancestors(parent)) zoom += `${element.style.getPropertyValue('zoom')};`;
    return zoom;
  }

  /** Overrides an ancestor's `property` inline and `!important`, remembered so stop() can take it off. */
  private override(element: HTMLElement, property: string, value: string): void {
    element.style.setProperty(property, value, 'important');
    const overridden = this.overrides.get(element) ?? new Set<string>();
    this.overrides.set(element, overridden.add(property));
  }

  /** An ancestor up to <html> (or the modal dialog the host is in, which escapes the inertness of its own ancestors) made inert. */
  private inertAncestor(parent?: Element): HTMLElement | null {
    for (const element of this.ancestors(parent)) if (element.inert) return element;
    return null;
  }

  /** Watches the host, its parent (and a dialog's ancestors, whose removal takes the dialog away), <html> and <head>. */
  private watch(parent: Element): void {
    if (this.watched === parent) return;
    this.watched = parent;
    const observer = this.observer;
    const root = document.documentElement;
    observer.disconnect();
    observer.observe(document, { childList: true });
    if (root) observer.observe(root, { childList: true, attributes: true, attributeFilter: ANCESTOR_ATTRIBUTES });
    for (let node: Node | null = parent; node && node !== root && node !== document; node = node.parentNode) {
      observer.observe(node, node === parent ? { childList: true, attributeFilter: ANCESTOR_ATTRIBUTES } : { childList: true });
    }
    observer.observe(this.host, { attributes: true });
    this.watchedHead = document.head;
    if (this.watchedHead) observer.observe(this.watchedHead, { childList: true });
  }

  /** Enters the top layer, or moves to the top of it. */
  private raise(): void {
    const host = this.host;
    this.mustRaise = false;
    if (!host.isConnected) return;
    this.raising = true;
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // The host is in a document that cannot show popovers now; the next look retries.
    } finally {
      this.raising = false;
    }
  }

  private tampered(): boolean {
    const host = this.host;
    return host.style.cssText !== this.expectedStyle() || host.hidden || host.inert || host.getAttribute('popover') !== 'manual';
  }

  /** The style text as the browser serialises hostStyle(zoom) (computed once per zoom). */
  private expectedStyle(): string {
    if (this.expected?.zoom !== this.zoom) {
      const probe = document.createElement('span');
      probe.style.cssText = hostStyle(this.zoom);
      this.expected = { zoom: this.zoom, text: probe.style.cssText };
    }
    return this.expected.text;
  }

  private restoreHost(): void {
    const host = this.host;
    host.style.cssText = hostStyle(this.zoom);
    host.hidden = false;
    host.inert = false;
    host.setAttribute('popover', 'manual');
  }

  /** The host's own zoom that brings the banner back to a readable size (1 when the page's zoom is readable). */
  private zoomNeeded(): number {
    const parentZoom = (this.host.parentElement as Zoomed | null)?.currentCSSZoom ?? 1;
    return parentZoom >= ZOOM_MIN && parentZoom <= ZOOM_MAX ? 1 : 1 / parentZoom;
  }

  private visible(): boolean {
    // Both spellings of the options: Chrome 120 knows only the older one.
    return this.host.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true });
  }

  /** An ancestor hides everything under it (through the page's style sheets): override the hiding property inline, and only that one. */
  private unhideAncestors(): void {
    for (const element of this.ancestors()) {
      const style = getComputedStyle(element);
      for (const [property, hiding, visible] of UNHIDE)
        if (hiding(style.getPropertyValue(property))) this.override(element, property, visible);
    }
  }

  /** The once-a-second look (and the one soon after style sheets or a repair): size and hit test; `delay` schedules one. */
  private look(delay?: number): void {
    if (delay !== undefined) {
      if (this.lookScheduled) return;
      this.lookScheduled = true;
      setTimeout(() => {
        this.lookScheduled = false;
        this.look();
      }, delay);
      return;
    }
    if (!this.running || this.budget.overpowered) return;
    this.repair(true);
    const problem = this.unreadable();
    if (problem === null) {
      this.lastProblem = null;
      return;
    }
    if (problem === this.lastProblem) this.budget.lost();
    this.lastProblem = problem;
    if (problem instanceof HTMLDialogElement) this.modal = problem;
    this.mustRaise = true;
    this.repair(true);
    this.giveUpIfBeaten();
    this.look(RECHECK_MS);
  }

  /**
   * What keeps a person from reading and using the banner: a rendered box too small, or another
   * element hit where the banner is. A modal dialog (or its backdrop) hit is returned itself: the
   * host must move into it.
   */
  private unreadable(): 'size' | 'covered' | HTMLDialogElement | null {
    const rect = this.host.getBoundingClientRect();
    if (rect.height < 16 || rect.width < Math.min(innerWidth, 320) / 2) return 'size';
    if (document.fullscreenElement instanceof HTMLVideoElement) return null;
    const y = rect.top + Math.min(rect.height / 2, 16);
    for (const x of [rect.left + 8, (rect.left + rect.right) / 2, rect.right - 8]) {
      const hit = document.elementFromPoint(x, y);
      if (hit === this.host || hit === null) continue;
      const dialog = hit.closest('dialog');
      return dialog?.matches(':modal') ? dialog : 'covered';
    }
    return null;
  }

  private giveUpIfBeaten(): void {
    if (!this.budget.overpowered || !this.running) return;
    this.running = false;
    clearInterval(this.timer);
    this.observer.disconnect();
    this.dialogs.disconnect();
    this.on.overpowered();
  }
}

/**
 * The page's fullscreen element, where the host must be to be seen (Chromium shows no top-layer
 * element outside it); null when nothing is fullscreen, or a video is (the person chose it).
 */
function fullscreenParent(): Element | null {
  const element = document.fullscreenElement;
  return element && !(element instanceof HTMLVideoElement) ? element : null;
}

/** The last modal dialog in document order (the page's most recent, in practice), or null. */
function lastModalDialog(): HTMLDialogElement | null {
  const dialogs = document.getElementsByTagName('dialog');
  for (let i = dialogs.length - 1; i >= 0; i--) if (dialogs[i]!.matches(':modal')) return dialogs[i]!;
  return null;
}
