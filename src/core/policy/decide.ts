import { isFlagged, type Verdict } from '../classify/verdict.ts';
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
}

/** What the user did on this tab's page. */
export interface PageChoices {
  /** Dismissed the banner on this page. */
  dismissed: boolean;
  /** Chose "Proceed" on a blocking page for this host in this session. */
  proceeded: boolean;
}

/**
 * Turns a verdict into what the extension does, given the merged settings. `warns` says whether
 * the vendor's actions meet the reader's `warnFor` choice (core/vendors/standing.ts warnsFor):
 * when they do not, the page keeps its badge and the popup's explanation, without banner or block.
 */
export function decide(
  verdict: Verdict,
  settings: Pick<Settings, 'mode' | 'allowedSites'>,
  site: string,
  choices: PageChoices,
  warns = true,
): Decision {
  const none = { verdict, banner: false, block: false, badge: false };
  if (!isFlagged(verdict)) return { ...none, silencedBy: null };
  if (settings.mode === 'off') return { ...none, silencedBy: 'mode-off' };
  if (settings.allowedSites.includes(site)) return { ...none, silencedBy: 'site-allowed' };
  if (!warns) return { ...none, badge: true, silencedBy: 'warn-for' };
  if (settings.mode === 'block' && !choices.proceeded) return { ...none, block: true, badge: true, silencedBy: null };
  if (choices.dismissed) return { ...none, badge: true, silencedBy: 'dismissed' };
  return { ...none, banner: true, badge: true, silencedBy: null };
}
