/**
 * Inline marks on a retailer's search page: each Kaspersky product tile gets a small mark with an
 * accessible label, competitor tiles and filters do not, the page gets no banner, results added
 * later are marked too, and a page that never stops changing does not make the content script
 * read its links again and again.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, settle, tabIdOf } from '../../harness/chromium/tabs.ts';
import { bannerText, MARK_TAG, tileMarks } from '../../harness/chromium/in-page.ts';
import { ContentScriptProbe } from '../../harness/chromium/content-probe.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const suite = useExtensionSuite();

/** The text of the link each mark follows, as the page's own world sees it. */
const markedLinks = (page: Page) =>
  page.evaluate(
    (tag) => [...document.querySelectorAll(tag)].map((mark) => mark.previousElementSibling?.textContent?.trim() ?? ''),
    MARK_TAG,
  );

/** How many times the busy page has replaced its counter element. */
const tickerCount = (page: Page) => page.evaluate(() => Number(document.getElementById('ticker')?.dataset['count'] ?? 0));

describe('inline marks on list pages', () => {
  it('marks each Kaspersky tile once, next to its title, and leaves competitors, filters and the page alone', async () => {
    const page = await suite.open('bestbuy-search');
    await expect.poll(() => markedLinks(page), { timeout: WARN_TIMEOUT }).toHaveLength(2);
    expect(await markedLinks(page)).toEqual([
      expect.stringMatching(/^Kaspersky Premium \(3 Devices\)/),
      expect.stringMatching(/^Kaspersky Standard \(3 Devices\)/),
    ]);
    const marks = await tileMarks(page);
    for (const mark of marks) {
      expect(mark.text).toBe('Restricted vendor');
      expect(mark.label).toMatch(
        /^Vendor Guard: a Kaspersky product\. The US Commerce Department \(BIS\) has prohibited sales to US persons since July 20, 2024/,
      );
    }
    // A list page is not a Kaspersky page: no banner, no badge.
    await settle(page);
    expect(await bannerText(page)).toBeNull();
    expect(await badgeText(suite.browser.serviceWorker, await tabIdOf(page))).toBe('');

    // More results arrive without a navigation: the new Kaspersky tile is marked, McAfee's is not.
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => markedLinks(page), { timeout: WARN_TIMEOUT }).toHaveLength(3);
    expect((await markedLinks(page))[2]).toMatch(/^Kaspersky Plus \(5 Devices\)/);
  });

  it('reads the links again when the settings change, without the marks blinking; a vendor switched off loses its marks', async () => {
    const page = await suite.browser.context.newPage();
    const probe = await ContentScriptProbe.attach(page, suite.browser.extensionId);
    try {
      await page.goto(`${suite.server.url('bestbuy-search')}?st=antivirus`);
      await expect.poll(() => markedLinks(page), { timeout: WARN_TIMEOUT }).toHaveLength(2);
      // Every 4 ms, between the page's tasks, the fewest marks seen: a blink would show as fewer than 2.
      await page.evaluate((tag) => {
        const sampled = globalThis as unknown as { fewestMarks: number };
        sampled.fewestMarks = Infinity;
        setInterval(() => (sampled.fewestMarks = Math.min(sampled.fewestMarks, document.querySelectorAll(tag).length)), 4);
      }, MARK_TAG);
      const fewestMarks = () => page.evaluate(() => (globalThis as unknown as { fewestMarks: number }).fewestMarks);
      const looksBefore = (await probe.tileLooks()).length;

      const options = await suite.openExtensionPage('src/ui/options/index.html');
      const region = options.locator('select#region');
      await region.waitFor({ timeout: 10_000 });
      await region.selectOption('GB');
      await expect.poll(async () => (await probe.tileLooks()).length, { timeout: WARN_TIMEOUT }).toBeGreaterThan(looksBefore);
      await page.waitForTimeout(1_000);
      expect(await markedLinks(page)).toHaveLength(2);
      expect(await fewestMarks()).toBe(2);

      const kaspersky = options.locator('input#vendor-kaspersky');
      await kaspersky.uncheck();
      await expect.poll(() => markedLinks(page), { timeout: WARN_TIMEOUT }).toHaveLength(0);
      await kaspersky.check();
      await expect.poll(() => markedLinks(page), { timeout: WARN_TIMEOUT }).toHaveLength(2);
    } finally {
      await probe.detach();
      await page.close();
    }
  });

  it('reads the links of a page that changes every 20 ms once, not on every change', async () => {
    const page = await suite.browser.context.newPage();
    const probe = await ContentScriptProbe.attach(page, suite.browser.extensionId);
    try {
      await page.goto(`${suite.server.url('bestbuy-search')}?st=antivirus&busy=1`);
      await expect.poll(() => markedLinks(page), { timeout: WARN_TIMEOUT }).toHaveLength(2);
      await page.waitForTimeout(1_000);
      const before = await probe.tileLooks();
      const links = await page.evaluate(() => document.querySelectorAll('a[href]').length);
      expect(before.length).toBeGreaterThan(0);
      for (const look of before) expect(look.links).toBeLessThanOrEqual(links);

      // Three more seconds of a new element every 20 ms (150 changes) read no link. At most one
      // look may happen meanwhile: when the extension (re)reads its settings after start-up it
      // judges open pages again, and then reads the page's links once more.
      const changesBefore = await tickerCount(page);
      await page.waitForTimeout(3_000);
      expect(await tickerCount(page)).toBeGreaterThan(changesBefore + 50);
      const during = (await probe.tileLooks()).slice(before.length);
      expect(during.length).toBeLessThanOrEqual(1);
      for (const look of during) expect(look.links).toBe(links);
      await expect.poll(() => markedLinks(page), { timeout: WARN_TIMEOUT }).toHaveLength(2);
    } finally {
      await probe.detach();
      await page.close();
    }
  });
});
