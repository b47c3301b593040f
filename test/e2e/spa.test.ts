/** A retailer's single-page app: the listing changes with history.pushState, without a page load. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, settle, tabIdOf } from '../../harness/chromium/tabs.ts';
import { bannerText } from '../../harness/chromium/in-page.ts';
import { useExtensionSuite } from './suite.ts';

const suite = useExtensionSuite();

/** "~1 s" for the warning to follow a pushState, with a little slack for a busy runner. */
const SPA_TIMEOUT = 1_500;
const KASPERSKY_PATH = /\/site\/kaspersky-premium-3-devices-1-year\/6560001\.p$/;
const BITDEFENDER_PATH = /\/site\/bitdefender-total-security-5-devices\/6560002\.p$/;

async function goTo(page: Page, linkText: string, path: RegExp): Promise<void> {
  await page.getByRole('link', { name: linkText }).first().click();
  await page.waitForURL(path);
}

describe('single-page app', () => {
  it('warns on the Kaspersky listing after pushState and clears on the Bitdefender listing', async () => {
    const page = await suite.open('bestbuy-spa');
    await settle(page);
    const sw = suite.browser.serviceWorker;
    const tabId = await tabIdOf(page, sw);
    // Survives only if no real navigation happens.
    await page.evaluate(() => Object.assign(window, { spaMarker: 'same document' }));
    const sameDocument = () => page.evaluate(() => (window as unknown as { spaMarker?: string }).spaMarker);

    // The listing itself sells nothing from Kaspersky: the warning must come from the pushState.
    expect(await bannerText(page)).toBeNull();
    expect(await badgeText(sw, tabId)).toBe('');

    await goTo(page, 'Kaspersky Premium', KASPERSKY_PATH);
    expect(await page.title()).toMatch(/^Kaspersky Premium/);
    expect(await page.locator('h1').innerText()).toMatch(/^Kaspersky Premium/);
    await expect.poll(() => bannerText(page), { timeout: SPA_TIMEOUT }).toContain('Kaspersky');
    await expect.poll(() => badgeText(sw, tabId), { timeout: SPA_TIMEOUT }).not.toBe('');

    // Straight from the Kaspersky listing to the Bitdefender one ("Compare similar products").
    await goTo(page, 'Bitdefender Total Security', BITDEFENDER_PATH);
    expect(await page.title()).toMatch(/^Bitdefender Total Security/);
    expect(await page.locator('h1').innerText()).toMatch(/^Bitdefender Total Security/);
    await expect.poll(() => bannerText(page), { timeout: SPA_TIMEOUT }).toBeNull();
    await expect.poll(() => badgeText(sw, tabId), { timeout: SPA_TIMEOUT }).toBe('');

    // And back again.
    await goTo(page, 'Kaspersky Premium', KASPERSKY_PATH);
    await expect.poll(() => bannerText(page), { timeout: SPA_TIMEOUT }).toContain('Kaspersky');
    await expect.poll(() => badgeText(sw, tabId), { timeout: SPA_TIMEOUT }).not.toBe('');

    expect(await sameDocument()).toBe('same document');
  });

  it('follows a product shown in place, without a URL change, and the way back to the list', async () => {
    const page = await suite.open('bestbuy-spa');
    await settle(page);
    const sw = suite.browser.serviceWorker;
    const tabId = await tabIdOf(page, sw);
    const listing = page.url();
    expect(await bannerText(page)).toBeNull();

    await page.getByRole('button', { name: /^Quick view: Kaspersky Premium/ }).click();
    expect(await page.title()).toMatch(/^Kaspersky Premium/);
    await expect.poll(() => bannerText(page), { timeout: SPA_TIMEOUT }).toContain('Kaspersky');
    await expect.poll(() => badgeText(sw, tabId), { timeout: SPA_TIMEOUT }).not.toBe('');

    await page.getByRole('link', { name: '‹ Back to results' }).click();
    expect(await page.title()).toMatch(/^Antivirus/);
    await expect.poll(() => bannerText(page), { timeout: SPA_TIMEOUT }).toBeNull();
    await expect.poll(() => badgeText(sw, tabId), { timeout: SPA_TIMEOUT }).toBe('');
    expect(page.url()).toBe(listing);
  });
});
