/** What the user chose survives a browser restart; what storage holds can be garbage without breaking anything. */
import { describe, expect, it } from 'vitest';
import { badgeText, tabIdOf } from '../../harness/chromium/tabs.ts';
import { bannerText, clickBannerButton } from '../../harness/chromium/in-page.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const OPTIONS = 'src/ui/options/index.html';

describe('persistence', () => {
  describe('across a browser restart', () => {
    const suite = useExtensionSuite({ profile: 'persistent' });

    it('keeps "Don\'t warn me on this site" across a browser restart', async () => {
      const before = await suite.open('kaspersky-store');
      await expect.poll(() => bannerText(before), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
      await clickBannerButton(before, 'allow-site');
      await expect.poll(() => bannerText(before), { timeout: 2_000 }).toBeNull();

      await suite.restart();
      const second = suite.browser;
      const options = await suite.openExtensionPage(OPTIONS);
      await options.getByRole('button', { name: 'Remove kaspersky.com', exact: true }).waitFor({ timeout: 10_000 });
      const store = await suite.open('kaspersky-store');
      await store.waitForTimeout(1_500);
      expect(await bannerText(store)).toBeNull();
      expect(await badgeText(second.serviceWorker, await tabIdOf(store, second.serviceWorker))).toBe('');
    });
  });

  describe('with corrupt stored settings', () => {
    const suite = useExtensionSuite();

    it('falls back to defaults on corrupt stored settings, says so in options, and keeps warning', async () => {
      await suite.browser.serviceWorker.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
          settings: { mode: 'loud', allowedSites: 'not a list' },
        }),
      );
      const options = await suite.openExtensionPage(OPTIONS);
      const notice = options.getByText('Some saved settings could not be read and were reset to their defaults');
      await notice.waitFor({ timeout: 10_000 });
      const text = await options.locator('body').innerText();
      expect(text).toContain('mode');
      expect(text).toContain('allowedSites');
      expect(await options.locator('input[name="mode"][value="warn"]').isChecked()).toBe(true);

      const store = await suite.open('kaspersky-store');
      await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    });
  });
});
