import browser from 'webextension-polyfill';

/** Amber, calm but visible; white text on it is above 4.5:1. */
const WARNING_COLOR = '#9A3412';

/** Marks the toolbar icon on one tab, or clears the mark. */
export async function setTabBadge(tabId: number, flagged: boolean, title: string): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: flagged ? '!' : '' }),
      flagged ? browser.action.setBadgeBackgroundColor({ tabId, color: WARNING_COLOR }) : Promise.resolve(),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch {
    // The tab closed between the event and the update: nothing to mark.
  }
}
