import { formatIsoDate } from '../core/i18n/format.ts';
import { quotedRecords, statementFor, warningHeadline } from '../core/i18n/restriction-text.ts';
import { intlLocale, MESSAGES_LOCALE_KEY } from '../core/i18n/locale.ts';
import type { WarningLevel } from '../core/vendors/standing.ts';
import type { VendorView, WarningView } from '../platform/messages.ts';
import { t, uiLanguage } from '../platform/runtime.ts';
import TOKENS from '../theme/tokens.css?inline';
import { createHost } from './host.ts';
import { Keeper } from './keeper.ts';

export type BannerAction = 'dismiss' | 'allow-site';

/** The colours are the pages' tokens (src/theme/tokens.css), defined on the section itself, light and dark. */
const STYLE = `${TOKENS}
:host { all: initial; }
.banner { box-sizing: border-box; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--text); background: var(--warn-bg); border-bottom: 3px solid var(--alert); box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  padding: 10px 16px; max-height: 70vh; overflow: auto; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
.icon { flex: none; width: 22px; height: 22px; }
.text { flex: 1 1 320px; min-width: 0; }
.headline { font-weight: 650; margin: 0; }
.line { margin: 2px 0 0; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; padding: 5px 10px;
  border: 1px solid var(--alert); background: var(--surface-raised); color: var(--alert-strong); }
button:hover { background: var(--alert-soft); }
button.primary { background: var(--alert); color: var(--alert-contrast); }
button.primary:hover { background: var(--alert-strong); }
button[aria-expanded="true"] { background: var(--alert-soft); border-width: 2px; padding: 4px 9px; }
button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.details { margin: 10px 0 2px 38px; }
.details p { margin: 4px 0; }
.details ul { margin: 4px 0; padding-left: 18px; }
a { color: var(--accent); }
.muted { color: var(--muted); font-size: 13px; }
/* The notice: a restriction that informs the reader and forbids them nothing, in calmer colours. */
.banner[data-level="notice"] { background: var(--info-bg); border-bottom-color: var(--info); }
.banner[data-level="notice"] button { border-color: var(--info); color: var(--info-strong); }
.banner[data-level="notice"] button:hover, .banner[data-level="notice"] button[aria-expanded="true"] { background: var(--info-soft); }
.banner[data-level="notice"] button.primary { background: var(--info); color: var(--info-contrast); }
.banner[data-level="notice"] button.primary:hover { background: var(--info-strong); color: var(--info-contrast); }
.banner[data-level="notice"] .icon { color: var(--info); }
@media (prefers-reduced-motion: no-preference) { .banner { animation: enter 160ms ease-out; } }
.banner[data-still] { animation: none; }
@keyframes enter { from { transform: translateY(-100%); } to { transform: none; } }
`;

/** The warning's shield with an exclamation mark, and the notice's circle with an "i". */
const ICON_PATHS: Record<WarningLevel, string> = {
  warning: 'M12 2 3 6v6c0 5 3.8 9.3 9 10 5.2-.7 9-5 9-10V6l-9-4zm-1 6h2v6h-2V8zm0 8h2v2h-2v-2z',
  notice: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1 8h2v8h-2v-8zm0-4h2v2h-2V6z',
};

/** The level's icon, decorative (the text next to it says what it means). */
export function levelIcon(level: WarningLevel = 'warning'): SVGSVGElement {
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICON_PATHS[level]);
  path.setAttribute('fill', 'currentColor');
  icon.append(path);
  return icon;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Dates in the language of the banner's text (see intlLocale). */
export const bannerLocale = () => intlLocale(uiLanguage(), t(MESSAGES_LOCALE_KEY));

/**
 * The vendor's restrictions for this reader, most relevant first, or at the notice level what
 * they are and are not (core/i18n/restriction-text.ts); an organisation's text as written.
 */
export function restrictionLine(vendor: VendorView | null, locale: string, level: WarningLevel = 'warning'): string {
  return vendor ? (statementFor(level, vendor, { t, locale }) ?? '') : '';
}

/** Ends the banner's entrance animation at once. */
const skipEntrance = (root: ShadowRoot) => root.getAnimations().forEach((animation) => animation.finish());

/** Opens or closes the panel a toggle button controls. */
function togglePanel(button: HTMLButtonElement, panel: HTMLElement): void {
  panel.hidden = !panel.hidden;
  button.setAttribute('aria-expanded', String(!panel.hidden));
}

const link = (href: string, text: string) => element('a', { href, target: '_blank', rel: 'noreferrer', textContent: text });

/**
 * The in-page warning: a closed shadow root on its own element under <html>, so page scripts
 * and styles cannot read or restyle it, and it comes back if the page removes it. Its listeners
 * are inside the shadow root, where a page cannot dispatch events, and act only on the person's
 * own input (`isTrusted`).
 */
export class Banner {
  /** Keeps the host attached, on top and visible while the banner is shown (see keeper.ts). */
  private keeper: Keeper | null = null;
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  /** The warning on screen (as JSON), to tell a repeat of it from a change. */
  private shown: string | null = null;
  /** The page element that had focus before the person moved into the banner: focus goes back there when it closes. */
  private returnFocus: Element | null = null;

  /**
   * @param onAction the person chose an action.
   * @param onOverpowered the page fought the banner past the keeper's bound (see keeper.ts): it
   *   can no longer be shown here.
   */
  constructor(
    private readonly onAction: (action: BannerAction) => void,
    private readonly onOverpowered: () => void,
  ) {}

  /**
   * Shows the warning. The background sends it again whenever settings or policy are (re)read,
   * for example a few seconds after start-up: the same warning leaves the banner as it is, and a
   * changed one is redrawn in place (the same element, still kept by the same keeper) with the
   * same panels open and focus on the same button, so a person in the middle of reading or tabbing
   * through it is not thrown out.
   */
  show(view: WarningView): void {
    const key = JSON.stringify(view);
    if (this.keeper && this.shown === key) return;
    const previous = this.interaction();
    this.shown = key;
    if (this.root) {
      const section = this.render(view);
      // A view that changed in nothing shown (the verdict's reasons, say) leaves the banner alone.
      if (this.root.lastElementChild?.isEqualNode(section)) return;
      this.root.replaceChildren(element('style', { textContent: STYLE }), section);
      skipEntrance(this.root);
      if (previous) this.restoreInteraction(this.root, previous);
      return;
    }
    const host = createHost();
    const root = host.attachShadow({ mode: 'closed' });
    root.append(element('style', { textContent: STYLE }), this.render(view));
    root.addEventListener('keydown', (event) => {
      if (event.isTrusted && (event as KeyboardEvent).key === 'Escape') this.onAction('dismiss');
    });
    root.addEventListener('focusin', (event) => {
      const from = (event as FocusEvent).relatedTarget;
      if (event.isTrusted && from instanceof Element && from.getRootNode() !== root) this.returnFocus = from;
    });
    this.host = host;
    this.root = root;
    // Put back after the page removed it, the banner is simply there again, without sliding in
    // (an attribute, not finishing the animation: that would make the browser style the page at once).
    const still = () => root.querySelector('.banner')?.setAttribute('data-still', '');
    this.keeper = new Keeper(host, { restored: still, overpowered: this.onOverpowered });
    this.keeper.start();
    // Shown while the page is still loading, it is part of the page from its first frames: no slide.
    if (document.readyState !== 'complete') skipEntrance(root);
  }

  hide(): void {
    // With focus inside the closed shadow root, the page's active element is the host.
    const hadFocus = this.host !== null && document.activeElement === this.host;
    this.remove();
    const target = this.returnFocus;
    this.returnFocus = null;
    if (hadFocus && target instanceof HTMLElement && target.isConnected) target.focus({ preventScroll: true });
  }

  private remove(): void {
    this.keeper?.stop();
    this.keeper = null;
    this.host = null;
    this.root = null;
    this.shown = null;
  }

  /** Which panels are open and which button has focus, while a banner is shown. */
  private interaction(): { open: string[]; focused: string | null } | null {
    const { host, root } = this;
    if (!host || !root) return null;
    const open = [...root.querySelectorAll<HTMLElement>('button[aria-expanded="true"]')].map((button) => button.dataset['action'] ?? '');
    const active = document.activeElement === host ? root.activeElement : null;
    // Focus on a link inside a panel goes back to the panel's button.
    const owner = active?.closest('.details')?.id;
    const focused =
      active instanceof HTMLElement
        ? (active.dataset['action'] ?? root.querySelector<HTMLElement>(`[aria-controls="${owner}"]`)?.dataset['action'] ?? null)
        : null;
    return { open, focused };
  }

  private restoreInteraction(root: ShadowRoot, { open, focused }: { open: string[]; focused: string | null }): void {
    const button = (action: string) => root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
    for (const action of open) {
      const toggle = button(action);
      const panel = root.getElementById(toggle?.getAttribute('aria-controls') ?? '');
      if (toggle && panel) togglePanel(toggle, panel);
    }
    if (focused) button(focused)?.focus({ preventScroll: true });
  }

  private render(view: WarningView): HTMLElement {
    const vendor = view.vendor;
    const { level } = view.decision;
    const kind = view.decision.verdict.kind;
    const locale = bannerLocale();
    const primary = vendor?.primary;
    const lastStep = primary?.effective.at(-1)?.date;
    const headline = warningHeadline(level, kind, vendor, { t });
    const line = restrictionLine(vendor, locale, level);
    // The sources of what the line quotes (an organisation's record without text: its own source).
    const quoted = vendor ? quotedRecords(level, vendor, { t, locale }) : [];
    const sources = (quoted.length > 0 ? quoted : vendor?.restriction ? [vendor.restriction] : []).filter((record) => record.sourceUrl);
    // Only a ban on sales stops updates to what people already have (Kaspersky's, since its last step).
    const existingUsers = primary?.effect === 'sales_ban' && lastStep ? t('banner_existing_users', formatIsoDate(lastStep, locale)) : null;

    const why = element('div', { className: 'details', id: 'vg-why', hidden: true }, [
      ...(existingUsers ? [element('p', { textContent: existingUsers })] : []),
      ...(sources.length > 0
        ? [
            element('p', {}, [
              `${t('banner_source_label')} `,
              ...sources.flatMap((record, index) => [...(index > 0 ? ['; '] : []), link(record.sourceUrl, record.citation)]),
            ]),
          ]
        : []),
      element('p', { className: 'muted', textContent: t('banner_more_in_popup') }),
    ]);
    const alternatives = element('div', { className: 'details', id: 'vg-alternatives', hidden: true }, [
      element(
        'ul',
        {},
        (vendor?.alternatives ?? []).map((alternative) =>
          element('li', {}, [link(alternative.url, alternative.name), ...(alternative.noteKey ? [` (${t(alternative.noteKey)})`] : [])]),
        ),
      ),
      element('p', { className: 'muted', textContent: t('banner_not_endorsement') }),
    ]);

    const toggle = (label: string, action: string, panel: HTMLElement) => {
      const button = element('button', { type: 'button', textContent: label });
      button.dataset['action'] = action;
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-controls', panel.id);
      button.addEventListener('click', (event) => {
        if (event.isTrusted) togglePanel(button, panel);
      });
      return button;
    };
    const command = (label: string, action: BannerAction, primary = false) => {
      const button = element('button', { type: 'button', textContent: label, className: primary ? 'primary' : '' });
      button.dataset['action'] = action;
      button.addEventListener('click', (event) => {
        if (event.isTrusted) this.onAction(action);
      });
      return button;
    };

    const icon = levelIcon(level);
    icon.setAttribute('class', 'icon');

    const section = element('section', { className: 'banner' }, [
      element('div', { className: 'row' }, [
        icon,
        element('div', { className: 'text' }, [
          element('p', { className: 'headline', textContent: headline }),
          element('p', { className: 'line', textContent: line }),
        ]),
        element('div', { className: 'actions' }, [
          toggle(t('banner_why'), 'why', why),
          toggle(t('banner_alternatives'), 'alternatives', alternatives),
          command(t('banner_allow_site'), 'allow-site'),
          command(t('banner_dismiss'), 'dismiss', true),
        ]),
      ]),
      why,
      alternatives,
    ]);
    // The colour tokens are defined here, inside the closed shadow root, where a page cannot set them.
    section.setAttribute('data-vg-tokens', '');
    // Inside the closed shadow root: the page cannot read the level (tests reach it through the DevTools protocol).
    section.setAttribute('data-level', level);
    section.setAttribute('role', 'region');
    section.setAttribute('aria-label', t(level === 'notice' ? 'banner_label_notice' : 'banner_label'));
    section.lang = locale;
    return section;
  }
}
