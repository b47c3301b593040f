import { isFlagged, type Verdict } from '../classify/verdict.ts';
import type { Reach, WarningLevel } from '../vendors/standing.ts';
import type { Settings } from './settings.ts';

/** Why a flagged page shows no warning. */
export type Silence = 'mode-off' | 'site-allowed' | 'dismissed' | 'warn-for';

export interface Decision {
  verdict: Verdict;
  /** Show the in-page banner. */
  banner: boolean;
  /** Keep the user from the page: the blocking page (or, for pages found from their content, a full-page interstitial). */
  block: boolean;
  /** Mark the toolbar icon. Dismissing the banner keeps the mark; turning warnings off removes it. */
  badge: boolean;
  /** Set when the verdict is flagged but the user's choices silence the warning. */
  silencedBy: Silence | null;
  /** The full warning, or a calmer notice (core/vendors/standing.ts levelFor); a notice never blocks. */
  level: WarningLevel;
}

/** What the user did on this tab's page. */
export interface PageChoices {
  /** Dismissed the banner on this page. */
  dismissed: boolean;
  /** Chose "Proceed" on a blocking page for this host in this session. */
  proceeded: boolean;
}

/** A vendor of whom nothing but the verdict is known: the full warning, whatever the choice of when to warn. */
const FULL_REACH: Reach = { warns: true, level: 'warning' };

/**
 * Turns a verdict into what the extension does, given the merged settings. `reach` says what the
 * vendor's actions mean for the reader (core/vendors/standing.ts reachOf): when they do not meet
 * the reader's `warnFor` choice, the page keeps its badge and the popup's explanation, without
 * banner or block; a notice shows its banner but never blocks.
 */
export function decide(
  verdict: Verdict,
  settings: Pick<Settings, 'mode' | 'allowedSites'>,
  site: string,
  choices: PageChoices,
  reach: Reach = FULL_REACH,
): Decision {
  const { warns, level } = reach;
  const none = { verdict, banner: false, block: false, badge: false, level };
  if (!isFlagged(verdict)) return { ...none, silencedBy: null };
  if (settings.mode === 'off') return { ...none, silencedBy: 'mode-off' };
  if (settings.allowedSites.includes(site)) return { ...none, silencedBy: 'site-allowed' };
  if (!warns) return { ...none, badge: true, silencedBy: 'warn-for' };
  if (settings.mode === 'block' && level === 'warning' && !choices.proceeded)
    return { ...none, block: true, badge: true, silencedBy: null };
  if (choices.dismissed) return { ...none, badge: true, silencedBy: 'dismissed' };
  return { ...none, banner: true, badge: true, silencedBy: null };
}
