import type { PageSignals } from '../core/classify/page-signals.ts';
import type { Decision } from '../core/policy/decide.ts';
import type { Alternative, RestrictionRecord } from '../core/vendors/types.ts';

/** Everything the in-page warning needs, prepared by the background (the content script decides nothing). */
export interface WarningView {
  decision: Decision;
  vendor: { name: string; restriction: RestrictionRecord | null; alternatives: Alternative[] } | null;
}

/** The state of one tab as the background sees it. */
export interface TabState {
  url: string;
  /** The site the allowlist works on (registrable domain, or the host). */
  site: string;
  decision: Decision;
}

/** Messages to the background, from content scripts and extension pages. */
export type BackgroundRequest =
  | { type: 'page-signals'; signals: PageSignals }
  | { type: 'dismiss-page' }
  | { type: 'allow-site' }
  | { type: 'get-tab-state'; tabId: number };

/** What the background answers to each request type. */
export interface BackgroundResponse {
  'page-signals': WarningView;
  'dismiss-page': WarningView;
  'allow-site': WarningView;
  'get-tab-state': TabState | null;
}

/** Messages from the background to a tab's content script. */
export type ContentMessage = { type: 'warning-changed'; view: WarningView } | { type: 'url-changed' };
