/** The toolbar popup, opened as a tab for the store page's tab. */
import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../../harness/chromium/tabs.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import { useExtensionSuite } from './suite.ts';

const suite = useExtensionSuite();

describe('popup', () => {
  it('explains the warning on the store page: reasons, restriction dates and citation, alternatives', async () => {
    const store = await suite.open('kaspersky-store');
    await suite.expectWarning(store);
    const tabId = await tabIdOf(store, suite.browser.serviceWorker);

    const popup = await suite.open(extensionPage(suite.browser, `src/ui/popup/index.html?tab=${tabId}`));
    const body = popup.locator('body');
    await expect.poll(() => body.innerText(), { timeout: 10_000 }).toContain('89 FR 52434');
    const text = await body.innerText();

    expect(text).toContain('Kaspersky');
    // en-US long dates of the two effective dates of the BIS Final Determination.
    expect(text).toContain('July 20, 2024');
    expect(text).toContain('September 29, 2024');

    // The reasons for this verdict, as sentences (not message keys).
    const reasons = await popup.locator('ul.reason-list > li').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^[A-Z][^_]{10,}\.$/);

    // Alternatives, as links.
    await expect.poll(() => popup.locator('a', { hasText: 'Microsoft Defender' }).count()).toBeGreaterThan(0);
    expect(await popup.locator('a[href^="https://www.bitdefender.com"]').count()).toBeGreaterThan(0);
    // No untranslated message keys anywhere.
    expect(text).not.toMatch(/\b(popup|reason|restriction|banner)_[a-z_]+\b/);
  });
});
