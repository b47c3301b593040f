/** The in-page banner: its buttons, and that a page cannot simply delete it. */
import { describe, expect, it } from 'vitest';
import { bannerTagName, bannerText, bannerVisibleText, clickBannerButton } from '../../harness/chromium/in-page.ts';
import { useExtensionSuite } from './suite.ts';

const suite = useExtensionSuite();

describe('banner', () => {
  it('"Dismiss" hides the banner on that page', async () => {
    const page = await suite.open('kaspersky-store');
    await suite.expectWarning(page);
    await clickBannerButton(page, 'dismiss');
    await expect.poll(() => bannerText(page), { timeout: 2_000 }).toBeNull();
  });

  it('comes back within 2 s when the page removes it', async () => {
    const page = await suite.open('kaspersky-store');
    await suite.expectWarning(page);
    const removed = await page.evaluate(
      (tag) => {
        const host = document.querySelector(tag);
        host?.remove();
        return host !== null;
      },
      (await bannerTagName(page))!,
    );
    expect(removed).toBe(true);
    await expect.poll(() => bannerText(page), { timeout: 2_000 }).toContain('Kaspersky');
  });

  it('"Why?" and "Alternatives" open their panels in place', async () => {
    const page = await suite.open('kaspersky-store');
    await suite.expectWarning(page);
    const url = page.url();
    const collapsed = await bannerVisibleText(page);
    expect(collapsed).toContain('Kaspersky');
    expect(collapsed).not.toContain('89 FR 52434');
    expect(collapsed).not.toContain('Microsoft Defender');

    await clickBannerButton(page, 'why');
    await expect.poll(() => bannerVisibleText(page), { timeout: 2_000 }).toContain('89 FR 52434');
    await clickBannerButton(page, 'alternatives');
    await expect.poll(() => bannerVisibleText(page), { timeout: 2_000 }).toContain('Microsoft Defender');
    expect(page.url()).toBe(url);
    // Every string is translated: no message key (snake_case) shows through.
    expect(await bannerVisibleText(page)).not.toMatch(/\b[a-z]+(?:_[a-z0-9]+)+\b/);
  });
});
