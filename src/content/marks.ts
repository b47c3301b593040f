import type { TileLink } from '../core/classify/tiles.ts';
import { markText } from '../core/i18n/restriction-text.ts';
import type { WarningLevel } from '../core/vendors/standing.ts';
import type { TileMarksView, VendorView } from '../platform/messages.ts';
import { t } from '../platform/runtime.ts';
import TOKENS from '../theme/tokens.css?inline';
import { bannerLocale, levelIcon, restrictionLine } from './banner.ts';
import { recordTileLook } from './timings.ts';

const HOST_TAG = 'vendor-guard-mark';
/** Links read in one look; the background refuses longer lists. */
const LINKS_PER_LOOK = 600;
/** Links read on one page in all: a page that keeps adding links (endless feeds) is not followed for ever. */
const LINKS_PER_PAGE = 5_000;
/** Added nodes are looked at together, this long after the last addition… */
const SETTLE_MS = 300;
/** …and at most this often, however busy the page is. */
const MIN_INTERVAL_MS = 1_000;
/** Beyond this many added subtrees waiting, the page is read again from <body> instead. */
const QUEUED_SUBTREES = 200;

/** The banner's colours (src/theme/tokens.css), defined on the mark itself, light and dark. */
const STYLE = `${TOKENS}
:host { all: initial; }
.mark { display: inline-flex; align-items: center; gap: 3px; margin: 2px 4px; padding: 1px 6px 1px 4px;
  font: 600 11px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--alert-strong); background: var(--warn-bg);
  border: 1px solid var(--alert); border-radius: 999px; white-space: nowrap; vertical-align: middle; cursor: help; }
.mark[data-level="notice"] { color: var(--info-strong); background: var(--info-bg); border-color: var(--info); }
svg { width: 12px; height: 12px; flex: none; }
`;

/** What a person (or a screen reader) takes the link to say: its label, its text, else its image's description. */
function linkText(link: HTMLAnchorElement): string {
  const text = link.getAttribute('aria-label') || link.textContent || link.querySelector('img[alt]')?.getAttribute('alt') || link.title;
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * Small marks next to a restricted vendor's product tiles on list pages (search results,
 * categories) of shops, download portals and app stores, where a banner over the whole page
 * would be wrong: the page lists many products and most are not the vendor's. The background
 * decides which links are such tiles; this only reads links and places marks.
 *
 * Observation is scoped and cheap: the page's links are read once, then only the links inside
 * nodes the page adds later (more results, an in-page search), gathered and read at most once a
 * second and at most LINKS_PER_LOOK at a time. Text changes, attribute changes and removals cost
 * nothing.
 */
export class TileMarker {
  private seen = new WeakSet<HTMLAnchorElement>();
  /** Each marked link and its mark. */
  private readonly marks = new Map<HTMLAnchorElement, HTMLElement>();
  private observer: MutationObserver | null = null;
  /** Subtrees whose links are still to be read, oldest first. */
  private queue: Element[] = [];
  /** The links of the subtree being read, when a look stopped in the middle of it. */
  private partial: { links: NodeListOf<HTMLAnchorElement>; next: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastLook = 0;
  private linksRead = 0;
  /** Bumped by stop(): answers to looks made before it are dropped. */
  private generation = 0;

  constructor(private readonly ask: (links: TileLink[]) => Promise<TileMarksView | undefined>) {}

  start(): void {
    if (this.observer || !document.body) return;
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element && node.localName !== HOST_TAG) this.queue.push(node);
      }
      // Thousands of separate additions are read as one subtree (links already read are skipped).
      if (this.queue.length > QUEUED_SUBTREES) this.queue = [document.body];
      if (this.queue.length > 0) this.schedule();
    });
    this.observer.observe(document.body, { childList: true, subtree: true });
    this.queue = [document.body];
    void this.look();
  }

  /** Removes every mark and stops watching (the page became a product page, or warnings were turned off). */
  stop(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
    this.partial = null;
    this.marks.forEach((mark) => mark.remove());
    this.marks.clear();
    this.seen = new WeakSet();
    this.linksRead = 0;
  }

  /**
   * Reads every link again (the settings changed, or a single-page app changed its URL and the
   * same links may now show other products). The marks stay until their link's new answer
   * keeps or removes them: no blink on every settings change.
   */
  refresh(): void {
    if (!this.observer) return;
    this.generation++;
    this.seen = new WeakSet();
    this.partial = null;
    this.linksRead = 0;
    this.queue = [document.body];
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(SETTLE_MS, this.lastLook + MIN_INTERVAL_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.look();
    }, wait);
  }

  /** Up to LINKS_PER_LOOK links not read before, from the queued subtrees in order. */
  private nextLinks(): HTMLAnchorElement[] {
    const links: HTMLAnchorElement[] = [];
    while (links.length < LINKS_PER_LOOK && this.linksRead + links.length < LINKS_PER_PAGE) {
      if (!this.partial) {
        const root = this.queue.shift();
        if (!root) break;
        if (!root.isConnected) continue;
        if (root instanceof HTMLAnchorElement && root.href && !this.seen.has(root)) {
          this.seen.add(root);
          links.push(root);
        }
        this.partial = { links: root.querySelectorAll<HTMLAnchorElement>('a[href]'), next: 0 };
      }
      const partial = this.partial;
      while (partial.next < partial.links.length && links.length < LINKS_PER_LOOK) {
        const link = partial.links[partial.next++]!;
        if (this.seen.has(link)) continue;
        this.seen.add(link);
        links.push(link);
      }
      if (partial.next >= partial.links.length) this.partial = null;
    }
    return links;
  }

  private async look(): Promise<void> {
    const start = (this.lastLook = performance.now());
    const links = this.nextLinks();
    // A long page is read a piece at a time, at most once a second.
    if ((this.partial || this.queue.length > 0) && this.linksRead + links.length < LINKS_PER_PAGE) this.schedule();
    if (links.length === 0) return;
    this.linksRead += links.length;
    const generation = this.generation;
    const read = links.map((link) => ({ href: link.href, text: linkText(link) }));
    recordTileLook(links.length, performance.now() - start);
    const view = await this.ask(read).catch(() => undefined);
    if (!view || generation !== this.generation) return;
    const vendorOf = new Map(view.marks.map(({ index, vendor }) => [index, vendor]));
    links.forEach((link, index) => {
      const which = link.isConnected ? vendorOf.get(index) : undefined;
      const vendor = which === undefined ? undefined : view.vendors[which];
      this.marks.get(link)?.remove();
      this.marks.delete(link);
      if (vendor && which !== undefined) this.place(link, vendor, view.levels[which] ?? 'warning');
    });
    // Links the page took away take their marks with them.
    for (const [link, mark] of this.marks) {
      if (!link.isConnected) {
        mark.remove();
        this.marks.delete(link);
      }
    }
  }

  /** A mark at the vendor's level: the warning's, or the calmer notice's (info colours, its own short text and icon). */
  private place(link: HTMLAnchorElement, vendor: VendorView, level: WarningLevel): void {
    const host = document.createElement(HOST_TAG);
    host.style.cssText = 'all: initial !important; display: inline-block !important;';
    const root = host.attachShadow({ mode: 'closed' });
    const label = t('mark_label', [vendor.name || t('organization_fallback_name'), restrictionLine(vendor, bannerLocale(), level)]);
    const mark = document.createElement('span');
    mark.className = 'mark';
    // The colour tokens are defined here, inside the closed shadow root, where a page cannot set them.
    mark.setAttribute('data-vg-tokens', '');
    mark.setAttribute('data-level', level);
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', label);
    mark.title = label;
    mark.lang = bannerLocale();
    const icon = levelIcon(level);
    const text = document.createElement('span');
    text.setAttribute('aria-hidden', 'true');
    text.textContent = markText(level, vendor, { t });
    mark.append(icon, text);
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style, mark);
    link.after(host);
    this.marks.set(link, host);
  }
}
