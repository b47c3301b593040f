/**
 * The in-page banner: its buttons, that a page cannot simply delete it, and when and where it
 * shows: on a slow page before it has finished arriving (its address decides, or its head and
 * Buy button do), without moving the page's content, and for a store page inside a frame of
 * another page, whether or not the extension can run in that page or in the frame. How soon
 * after first contentful paint the warning is painted is measured by `npm run bench`, not here.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bannerTagName, bannerText, bannerVisibleText, clickBannerButton } from '../../harness/chromium/in-page.ts';
import { ExtensionPage, popupText } from '../../harness/chromium/extension-page.ts';
import { badgeText, tabIdOf } from '../../harness/chromium/tabs.ts';
import { BLOCKED_VENDOR_HOST } from '../../harness/fixture-server/fixture-pages.ts';
import { framedPath, STALLED_SHOP_HOST, stalledPath } from '../../harness/fixture-server/robust-pages.ts';
import { colorsInBanner } from './banner-paint.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

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

/** Long enough that the page is still loading while the test looks (it never waits for the end). */
const STALL_MS = 5_000;
/** A painted banner shows text and buttons: many colours. */
const PAINTED = 8;

const at = (host: string, path: string) => `http://${host}:${suite.server.httpPort}${path}`;
const storeUrl = () => suite.server.url('kaspersky-store');

/** Opens `url` without waiting for it to load. */
async function openLoading(url: string): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

async function expectPaintedWhileLoading(page: Page): Promise<void> {
  try {
    await expect.poll(() => colorsInBanner(page), { timeout: STALL_MS - 1_500 }).toBeGreaterThanOrEqual(PAINTED);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    const sw = suite.browser.serviceWorker;
    expect(await badgeText(sw, await tabIdOf(page, sw))).not.toBe('');
  } finally {
    await page.close();
  }
}

describe('from the first frame', () => {
  it('a store page that stalls after its Buy button has the warning painted while it is still loading', async () => {
    await expectPaintedWhileLoading(await openLoading(at('usa.kaspersky.com', stalledPath('premium', STALL_MS))));
  });

  it('a shop page whose address names no product gets the warning as soon as its head and Buy button are in', async () => {
    await expectPaintedWhileLoading(await openLoading(at(STALLED_SHOP_HOST, stalledPath('ip', STALL_MS))));
  });

  it('the banner moves nothing on the page: no layout shift', async () => {
    const page = await suite.browser.context.newPage();
    try {
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(storeUrl());
      await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('in every frame', () => {
  /** The badge is set, and the popup of the page's tab names the vendor (`vendor`) and the frame's address. */
  async function expectFramedWarning(page: Page, frameUrl: string, vendor: string): Promise<void> {
    const sw = suite.browser.serviceWorker;
    const tabId = await tabIdOf(page, sw);
    await expect.poll(() => badgeText(sw, tabId), { timeout: WARN_TIMEOUT }).not.toBe('');
    const popup = await popupText(suite.browser, tabId);
    expect(popup).toContain(vendor);
    expect(popup).toContain(`Found in a frame on this page: ${frameUrl}`);
  }

  const frameOf = (page: Page, url: string) => {
    const frame = page.frames().find((candidate) => candidate.url() === url);
    if (!frame) throw new Error(`No frame showing ${url}`);
    return frame;
  };

  it('a store in a frame of a page the extension can run in: the page itself warns, the frame does not', async () => {
    const page = await suite.open(at('www.bestbuy.com', framedPath(storeUrl())));
    await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await expectFramedWarning(page, storeUrl(), 'Kaspersky');
    expect(await bannerText(frameOf(page, storeUrl()))).toBeNull();
  });

  it('a store in a frame of a site the extension has no access to: the frame warns inside itself', async () => {
    const page = await suite.open(at('www.example.org', framedPath(storeUrl())));
    await expect.poll(() => bannerText(frameOf(page, storeUrl())), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    expect(await bannerText(page)).toBeNull();
    await expectFramedWarning(page, storeUrl(), 'Kaspersky');
  });

  it('a blocked store in a frame where the extension cannot run: the page warns, from the frame’s address alone', async () => {
    const options = await ExtensionPage.open(suite.browser);
    const framed = at(BLOCKED_VENDOR_HOST, '/plans');
    try {
      const contents = JSON.stringify({ blockedDomains: [BLOCKED_VENDOR_HOST] });
      expect(await options.send<{ ok: boolean }>({ type: 'import-policy', contents })).toMatchObject({ ok: true });
      const page = await suite.open(at('www.bestbuy.com', framedPath(framed)));
      await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).not.toBeNull();
      // A blocked domain's vendor is the organisation's rule, which the popup words as such.
      await expectFramedWarning(page, framed, 'organisation');
    } finally {
      await options.send({ type: 'clear-imported-policy' });
      await options.page.close();
    }
  });
});
