import browser from 'webextension-polyfill';
import type { WarningLevel } from '../core/vendors/standing.ts';

/**
 * The toolbar mark of each level: the warning's "!" on amber-brown, the notice's "i" on blue.
 * White text on either is above 7:1.
 */
export const BADGES: Readonly<Record<WarningLevel, { text: string; color: string }>> = {
  warning: { text: '!', color: '#9A3412' },
  notice: { text: 'i', color: '#0B57A4' },
};

/** Marks the toolbar icon on one tab at a level, or (null) clears the mark. */
export async function setTabBadge(tabId: number, level: WarningLevel | null, title: string): Promise<void> {
  const badge = level ? BADGES[level] : null;
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge?.text ?? '' }),
      badge ? browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }) : Promise.resolve(),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch {
    // The tab closed between the event and the update: nothing to mark.
  }
}
