/**
 * Keeps the banner's host element in the page, on top and visible, on pages that fight it:
 * pages that remove it (or replace <html>), cover it with their own max-z-index overlays,
 * inject `* { display: none !important }` after load, or restyle, hide or close the host.
 *
 * - The host sits under <html> (not <body>) with `all: initial` and its own layout inline and
 *   `!important`: an inline important declaration beats every page style sheet, layered or not.
 * - It is shown in the top layer (a manual popover), above any z-index the page can use. Where
 *   popovers are missing it falls back to a fixed element at the maximum z-index.
 * - A MutationObserver puts it back at once when the page removes or restyles it; a check once
 *   a second catches what no mutation reports (CSSOM edits, adopted style sheets, overlays in the
 *   top layer) and undoes only what hides the banner.
 * - Repairs are budgeted: at most a few within one task (a page whose own MutationObserver undoes
 *   each repair would otherwise ping-pong with ours forever and hang the tab), and at most ten a
 *   second on average. A page that removes the banner from a timer, however often, gets it back
 *   before the next frame is painted.
 *
 * Content scripts run in an isolated world: a page that replaces Element.prototype.attachShadow
 * or other DOM methods in its own world changes nothing here.
 */
import { HOST_STYLE, supportsPopover, type PopoverHost } from './host.ts';
import { RepairBudget } from './repair-budget.ts';

/** How often the keeper looks at a banner that no mutation said anything about. */
const CHECK_MS = 1_000;

/** Properties of <html> that hide everything under it, and the value that undoes each. */
const ROOT_UNHIDE: readonly [property: string, hiding: (value: string) => boolean, visible: string][] = [
  ['display', (value) => value === 'none', 'block'],
  ['content-visibility', (value) => value === 'hidden', 'visible'],
  ['opacity', (value) => Number(value) < 0.5, '1'],
  ['zoom', (value) => Number(value) < 0.5, '1'],
];

export class Keeper {
  private readonly observer = new MutationObserver((records) => this.onMutations(records));
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly budget = new RepairBudget();
  /** Inline declarations this keeper put on <html>, taken off again by stop(). */
  private readonly rootOverrides = new Set<string>();
  private running = false;
  private placed = false;
  private checkScheduled = false;
  private expectedStyleText: string | null = null;

  /**
   * @param onRestored called after the host was put back into the page (not on the first
   *   placement): the banner uses it to skip its entrance animation.
   */
  constructor(
    private readonly host: PopoverHost,
    private readonly onRestored: () => void = () => undefined,
  ) {
    // A page that closes the popover (hidePopover() from its own world) gets it back at once.
    host.addEventListener('toggle', (event) => {
      if (this.running && (event as Event & { newState?: string }).newState === 'closed') this.scheduleCheck();
    });
  }

  start(): void {
    this.running = true;
    this.budget.reset();
    this.place();
    this.placed = true;
    this.timer = setInterval(() => this.check(), CHECK_MS);
  }

  stop(): void {
    this.running = false;
    this.observer.disconnect();
    clearInterval(this.timer);
    this.host.remove();
    const root = document.documentElement;
    for (const property of this.rootOverrides) root?.style.removeProperty(property);
    this.rootOverrides.clear();
  }

  /**
   * Puts the host first under <html> (so the warning comes first in the Tab order and for screen
   * readers, before the page), in the top layer, and watches what the page does to it.
   */
  private place(): void {
    const root = document.documentElement;
    if (!root) return;
    const restoring = this.placed && this.host.parentNode !== root;
    if (this.host.parentNode !== root) root.prepend(this.host);
    this.raise();
    if (restoring) this.onRestored();
    this.observer.disconnect();
    this.observer.observe(document, { childList: true });
    this.observer.observe(root, { childList: true });
    this.observer.observe(this.host, { attributes: true });
    if (document.head) this.observer.observe(document.head, { childList: true });
  }

  /** Enters the top layer, or moves to the top of it. */
  private raise(): void {
    if (!supportsPopover(this.host) || !this.host.isConnected) return;
    try {
      if (this.host.matches(':popover-open')) this.host.hidePopover!();
      this.host.showPopover!();
    } catch {
      // A page that removed the popover attribute: restoreHost() puts it back, the next check retries.
    }
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    if (this.host.parentNode !== document.documentElement) {
      if (this.budget.spend()) this.place();
      return;
    }
    if (records.some((record) => record.target === this.host) && this.hostTampered()) {
      if (this.budget.spend()) this.restoreHost();
      return;
    }
    // Style sheets added to <head>: look once they apply.
    if (records.some((record) => record.target === document.head)) this.scheduleCheck();
  }

  /** One check soon, however many scripts and styles a busy page adds to <head> meanwhile. */
  private scheduleCheck(): void {
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    setTimeout(() => {
      this.checkScheduled = false;
      this.check();
    }, 50);
  }

  /** The once-a-second look, and the one after new style sheets: repairs only what is wrong. */
  private check(): void {
    if (!this.running) return;
    if (this.host.parentNode !== document.documentElement) {
      if (this.budget.spend()) this.place();
      return;
    }
    if (this.hostTampered()) {
      if (this.budget.spend()) this.restoreHost();
      return;
    }
    if (!this.visible()) {
      if (this.budget.spend()) this.unhideRoot();
      return;
    }
    if (this.covered() && this.budget.spend()) {
      if (supportsPopover(this.host)) this.raise();
      else document.documentElement.append(this.host);
    }
  }

  private hostTampered(): boolean {
    const host = this.host;
    return (
      host.style.cssText !== this.expectedStyle() ||
      host.hidden ||
      host.inert ||
      (supportsPopover(host) && (host.getAttribute('popover') !== 'manual' || !host.matches(':popover-open')))
    );
  }

  /** The style text as the browser serialises HOST_STYLE (computed once). */
  private expectedStyle(): string {
    if (this.expectedStyleText === null) {
      const probe = document.createElement('span');
      probe.style.cssText = HOST_STYLE;
      this.expectedStyleText = probe.style.cssText;
    }
    return this.expectedStyleText;
  }

  private restoreHost(): void {
    const host = this.host;
    host.style.cssText = HOST_STYLE;
    host.hidden = false;
    host.inert = false;
    if (supportsPopover(host)) host.setAttribute('popover', 'manual');
    this.raise();
  }

  private visible(): boolean {
    const host = this.host as HTMLElement & { checkVisibility?: (options: object) => boolean };
    if (typeof host.checkVisibility === 'function') {
      return host.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true });
    }
    return host.getClientRects().length > 0;
  }

  /** <html> hides everything under it: override the hiding property inline, and only that one. */
  private unhideRoot(): void {
    const root = document.documentElement;
    const style = getComputedStyle(root);
    for (const [property, hiding, visible] of ROOT_UNHIDE) {
      if (hiding(style.getPropertyValue(property))) {
        root.style.setProperty(property, visible, 'important');
        this.rootOverrides.add(property);
      }
    }
  }

  /**
   * Something else is hit where the banner is: with popovers, only another element in the top
   * layer (a page's modal dialog or popover opened later) can be above it; without them, any
   * element. A fullscreen video is left alone: the person chose it.
   */
  private covered(): boolean {
    const rect = this.host.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    const x = rect.left + Math.min(rect.width / 2, 40);
    const y = rect.top + Math.min(rect.height / 2, 10);
    const hit = document.elementFromPoint(x, y);
    if (hit === null || hit === this.host) return false;
    if (!supportsPopover(this.host)) return true;
    try {
      return hit.closest('dialog:modal, :popover-open') !== null;
    } catch {
      return false;
    }
  }
}
