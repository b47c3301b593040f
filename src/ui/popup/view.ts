import { isFlagged, type ReasonCode } from '../../core/classify/verdict.ts';
import type { Silence } from '../../core/policy/decide.ts';
import type { WarningLevel } from '../../core/vendors/standing.ts';
import type { TabState } from '../../platform/messages.ts';

/** What the popup shows, derived only from what the background decided for the tab. */
export type PopupView =
  | {
      kind: 'flagged';
      pageKind: 'purchase' | 'download';
      vendorId: string | null;
      site: string;
      reasons: ReasonCode[];
      silencedBy: Silence | null;
      /** The full warning, or the calmer notice (a restriction that informs the reader and forbids them nothing). */
      level: WarningLevel;
      /** The address of the frame inside the page that sells or offers the download, when the page itself does not. */
      frameUrl: string | null;
    }
  | {
      kind: 'clear';
      /** Set when the page belongs to a restricted vendor but neither sells nor downloads. */
      vendorId: string | null;
      site: string | null;
    };

export function popupView(state: TabState | null): PopupView {
  if (!state) return { kind: 'clear', vendorId: null, site: null };
  const { verdict, silencedBy, level } = state.decision;
  if (isFlagged(verdict) && (verdict.kind === 'purchase' || verdict.kind === 'download')) {
    return {
      kind: 'flagged',
      pageKind: verdict.kind,
      vendorId: verdict.vendor,
      site: state.site,
      reasons: [...new Set(verdict.reasons)],
      silencedBy,
      level,
      frameUrl: state.frameUrl ?? null,
    };
  }
  return { kind: 'clear', vendorId: verdict.kind === 'vendor' ? verdict.vendor : null, site: state.site || null };
}

/** The tab id from `?tab=<id>` (how tests open the popup as a normal tab), or null. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw.trim())) return null;
  const id = Number(raw.trim());
  return Number.isSafeInteger(id) ? id : null;
}

/** The message key that says why a flagged page shows no warning. */
export function silenceMessageKey(silence: Silence): string {
  switch (silence) {
    case 'dismissed':
      return 'popup_silenced_dismissed';
    case 'site-allowed':
      return 'popup_silenced_site_allowed';
    case 'mode-off':
      return 'popup_silenced_mode_off';
    case 'warn-for':
      return 'popup_silenced_warn_for';
  }
}
