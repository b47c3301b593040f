/**
 * Hostile pages (test/fixtures/pages/hostile-*.html): Kaspersky store pages that fight the
 * banner. The warning must come back or stay visible — painted on screen and clickable — and
 * the badge and the popup must stay right.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostilePath } from '../../harness/fixture-server/robust-pages.ts';
import { badgeText, tabIdOf } from '../../harness/chromium/tabs.ts';
import { bannerText, bannerVisibleText, clickBannerButton } from '../../harness/chromium/in-page.ts';
import { popupText } from '../../harness/chromium/extension-page.ts';
import { colorsInBanner } from './banner-paint.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const suite = useExtensionSuite();

const hostileUrl = (name: string) => `http://usa.kaspersky.com:${suite.server.httpPort}${hostilePath(name)}`;

/** A painted banner shows text and buttons: many colours. An overlay or a blank page shows one or two. */
const PAINTED = 8;

async function openHostile(name: string): Promise<Page> {
  return suite.open(hostileUrl(name));
}

/** The page evaluates a global of its own world (the hostile script's progress), within 2 s or never. */
function pageGlobal<T>(page: Page, name: string): Promise<T> {
  return Promise.race([
    page.evaluate((key) => (window as unknown as Record<string, T>)[key]!, name),
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('the page does not answer: hung?')), 2_000)),
  ]);
}

/** Banner painted, its "Why?" button takes a real click, and badge and popup say the page sells Kaspersky. */
async function expectVisibleWarning(page: Page): Promise<void> {
  await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
  await expect.poll(() => colorsInBanner(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(PAINTED);
  await clickBannerButton(page, 'why');
  await expect.poll(() => bannerVisibleText(page), { timeout: 2_000 }).toContain('89 FR 52434');
  await expectBadgeAndPopup(page);
}

async function expectBadgeAndPopup(page: Page): Promise<void> {
  const sw = suite.browser.serviceWorker;
  const tabId = await tabIdOf(page, sw);
  expect(await badgeText(sw, tabId)).not.toBe('');
  const popup = await popupText(suite.browser, tabId);
  expect(popup).toContain('Kaspersky');
  expect(popup).toContain('89 FR 52434');
}

describe('hostile pages', () => {
  it('a page that removes the banner every 100 ms gets it back each time', async () => {
    const page = await openHostile('remove');
    await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await expect.poll(() => pageGlobal<number>(page, 'removals'), { timeout: 5_000 }).toBeGreaterThanOrEqual(5);
    await expectVisibleWarning(page);
  });

  it('a page whose own observer undoes every repair at once does not hang, and badge and popup stay right', async () => {
    const page = await openHostile('remove-sync');
    await expect.poll(() => pageGlobal<number>(page, 'removals'), { timeout: WARN_TIMEOUT }).toBeGreaterThan(0);
    const before = await pageGlobal<number>(page, 'removals');
    await page.waitForTimeout(2_000);
    // The keeper spends a few repairs a task, then waits a second: the page answers, and the
    // fight is a handful of removals a second, not an endless loop.
    const after = await pageGlobal<number>(page, 'removals');
    expect(after - before).toBeLessThan(40);
    await expectBadgeAndPopup(page);
  });

  it('stays on top of full-screen overlays at the highest z-index and in the top layer', async () => {
    const page = await openHostile('overlay');
    await expect.poll(() => pageGlobal<boolean>(page, 'covered'), { timeout: WARN_TIMEOUT }).toBe(true);
    await expectVisibleWarning(page);
  });

  it('stays visible when the page injects `* { display: none !important }` and hides <html> after load', async () => {
    const page = await openHostile('hide-all');
    await expect.poll(() => pageGlobal<boolean>(page, 'hidden'), { timeout: WARN_TIMEOUT }).toBe(true);
    await expectVisibleWarning(page);
  });

  it('works when the page rewrote attachShadow, append, MutationObserver, pushState and squatted the element name', async () => {
    const page = await openHostile('main-world');
    await expectVisibleWarning(page);
    // The page's own custom element ran on the banner's host but could not take its shadow root.
    expect(await pageGlobal<boolean>(page, 'upgraded')).toBe(true);
    expect(await pageGlobal<string>(page, 'squatFailed')).toMatch(/shadow/i);

    // In-page navigation through the page's wrapped pushState: to a blog post and back.
    const sw = suite.browser.serviceWorker;
    const tabId = await tabIdOf(page, sw);
    await page.evaluate(() => (window as unknown as { go(path: string): void }).go('/blog/hostile-main-world'));
    await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toBeNull();
    await expect.poll(() => badgeText(sw, tabId), { timeout: WARN_TIMEOUT }).toBe('');
    await page.evaluate(() => (window as unknown as { go(path: string): void }).go('/premium/hostile-main-world'));
    await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await expect.poll(() => badgeText(sw, tabId), { timeout: WARN_TIMEOUT }).not.toBe('');
    expect(await pageGlobal<number>(page, 'pushes')).toBe(2);
    await expect.poll(() => colorsInBanner(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(PAINTED);
  });
});
