import { isFlagged, type Verdict } from '../classify/verdict.ts';
import type { Settings } from './settings.ts';

/** Why a flagged page shows no warning. */
export type Silence = 'mode-off' | 'site-allowed' | 'dismissed';

export interface Decision {
  verdict: Verdict;
  /** Show the in-page banner. */
  banner: boolean;
  /** Mark the toolbar icon. Dismissing the banner keeps the mark; turning warnings off removes it. */
  badge: boolean;
  /** Set when the verdict is flagged but the user's choices silence the banner. */
  silencedBy: Silence | null;
}

/** Turns a verdict into what the extension does, given the user's settings. */
export function decide(verdict: Verdict, settings: Settings, site: string, dismissed: boolean): Decision {
  if (!isFlagged(verdict)) return { verdict, banner: false, badge: false, silencedBy: null };
  if (settings.mode === 'off') return { verdict, banner: false, badge: false, silencedBy: 'mode-off' };
  if (settings.allowedSites.includes(site)) return { verdict, banner: false, badge: false, silencedBy: 'site-allowed' };
  if (dismissed) return { verdict, banner: false, badge: true, silencedBy: 'dismissed' };
  return { verdict, banner: true, badge: true, silencedBy: null };
}
