/**
 * Accessibility in real Chromium: axe-core finds no violation (WCAG 2.2 A/AA and best practices)
 * on the popup, the options page (with and without an organisation profile), the blocking page
 * and the in-page banner inside its closed shadow root, in light and dark colour schemes; text
 * contrast is measured directly where axe cannot stack the elements; the pages follow
 * prefers-color-scheme and prefers-reduced-motion.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isBlockingPage, tabIdOf, waitForAddress } from '../../harness/chromium/tabs.ts';
import { BANNER_HOST_IN_WORLD, bannerText, MARK_TAG } from '../../harness/chromium/in-page.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import {
  axeOnBanner,
  axeOnMarks,
  axeOnPage,
  contrastInBanner,
  contrastInMark,
  contrastOnPage,
  CONTRAST_AUDIT,
  isolatedWorld,
  type AxeReport,
  type IsolatedWorld,
} from './a11y-tools.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suite = useExtensionSuite();
const SCHEMES = ['light', 'dark'] as const;

/** Violations as readable lines; the rule ids axe checked, so an empty result is not an empty check. */
function expectClean(report: AxeReport, what: string, minPasses = 16): void {
  expect(
    report.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`),
    what,
  ).toEqual([]);
  expect(report.passes.length, `${what}: rules that passed`).toBeGreaterThanOrEqual(minPasses);
  // Anything axe could not decide must be colour contrast, which contrastOnPage/contrastInBanner measure.
  expect(
    report.incomplete.filter((rule) => rule.id !== 'color-contrast').map((rule) => `${rule.id}: ${rule.nodes.join(' | ')}`),
    what,
  ).toEqual([]);
}

async function checkPage(page: Page, what: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expectClean(await axeOnPage(page), `${what}, ${colorScheme}`);
    const contrast = await contrastOnPage(page);
    expect(contrast.problems, `${what}, ${colorScheme}: text contrast`).toEqual([]);
    expect(contrast.checked).toBeGreaterThan(5);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function storeWithBanner(): Promise<{ page: Page; world: IsolatedWorld }> {
  const page = await suite.open('kaspersky-store');
  await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
  const world = await isolatedWorld(page, suite.browser.extensionId);
  // Let the entrance animation finish (it is 160 ms).
  await world.evaluate(`Promise.all(${BANNER_HOST_IN_WORLD}.shadowRoot.getAnimations().map((a) => a.finished))`);
  return { page, world };
}

describe('axe-core, light and dark', () => {
  it('the banner on a store page, inside its closed shadow root, panels open', async () => {
    const { page, world } = await storeWithBanner();
    try {
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        expectClean(await axeOnBanner(world, page), `banner, ${colorScheme}`);
        const contrast = await contrastInBanner(world, page);
        expect(contrast.problems, `banner, ${colorScheme}: text contrast`).toEqual([]);
        // Headline, line, four buttons, the two opened panels.
        expect(contrast.checked).toBeGreaterThan(10);
      }
    } finally {
      await world.close();
    }
  });

  it("the tile marks on a shop's search results, inside their closed shadow roots", async () => {
    const page = await suite.open('bestbuy-search');
    await expect.poll(() => page.locator(MARK_TAG).count(), { timeout: WARN_TIMEOUT }).toBe(2);
    const world = await isolatedWorld(page, suite.browser.extensionId);
    try {
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        // A mark is one labelled image: fewer rules apply than to a page, and the image's name is one of them.
        const report = await axeOnMarks(world);
        expectClean(report, `marks, ${colorScheme}`, 10);
        expect(report.passes).toContain('role-img-alt');
        const contrast = await contrastInMark(world);
        expect(contrast.problems, `marks, ${colorScheme}: text contrast`).toEqual([]);
        expect(contrast.checked).toBeGreaterThan(0);
      }
    } finally {
      await world.close();
    }
  });

  it('the popup on a flagged store page and on a page with nothing to flag', async () => {
    const store = await suite.open('kaspersky-store');
    await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    const flagged = await suite.open(extensionPage(suite.browser, `src/ui/popup/index.html?tab=${await tabIdOf(store)}`));
    await flagged.getByText('89 FR 52434').first().waitFor({ timeout: 10_000 });
    await checkPage(flagged, 'popup, flagged page');

    const news = await suite.open('reuters-news');
    const clear = await suite.open(extensionPage(suite.browser, `src/ui/popup/index.html?tab=${await tabIdOf(news)}`));
    await clear.locator('#status-heading').waitFor({ timeout: 10_000 });
    await checkPage(clear, 'popup, nothing to flag');
  });

  it('the options page, then with an organisation profile imported (locked settings, message, contact)', async () => {
    const options = await suite.open(extensionPage(suite.browser, 'src/ui/options/index.html'));
    await options.locator('input[name="mode"]').first().waitFor({ timeout: 10_000 });
    await checkPage(options, 'options');

    await options.locator('[data-testid="profile-file"]').setInputFiles(path.join(ROOT, 'docs/policies/block-locked.json'));
    await options.locator('.org-panel').waitFor({ timeout: 10_000 });
    await options.locator('details.snippets > summary').click();
    try {
      await checkPage(options, 'options with a profile');
      // A rejected import shows its problems as an alert: checked too.
      await options.locator('[data-testid="profile-file"]').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ Mode: 'block', supportUrl: 'javascript:alert(1)' })),
      });
      await options.locator('.import-errors').waitFor({ timeout: 10_000 });
      await checkPage(options, 'options, import rejected');
    } finally {
      await options.getByRole('button', { name: /remove imported profile/i }).click();
      await options.locator('.org-panel').waitFor({ state: 'detached', timeout: 10_000 });
    }
  });

  it('the blocking page', async () => {
    const options = await suite.open(extensionPage(suite.browser, 'src/ui/options/index.html'));
    await options.locator('input[name="mode"][value="block"]').check();
    try {
      const blocked = await suite.open('about:blank');
      await blocked.goto(suite.server.url('kaspersky-store')).catch(() => undefined);
      await waitForAddress(blocked, isBlockingPage);
      await blocked.getByRole('button', { name: /details/i }).waitFor({ timeout: 10_000 });
      await checkPage(blocked, 'blocking page');
      await blocked.getByRole('button', { name: /details/i }).click();
      await checkPage(blocked, 'blocking page, details open');
    } finally {
      await options.locator('input[name="mode"][value="warn"]').check();
    }
  });

  it('the contrast measurement finds low contrast where there is some', async () => {
    const page = await suite.open('about:blank');
    await page.setContent(
      '<p style="color:#999;background:#fff">Faint</p><p style="color:#333;background:#fff">Dark enough</p><div style="background:#222"><span style="color:#444">Dim on dark</span></div>',
    );
    const result = (await page.evaluate(CONTRAST_AUDIT(null))) as { checked: number; problems: string[] };
    expect(result.checked).toBe(3);
    expect(result.problems).toHaveLength(2);
    expect(result.problems.join(' ')).toMatch(/p text 2\.8\d:1.*span text 1\.\d+:1/);
  });
});

/** Background and text colour of an element, and the animations and transitions still running in a page. */
const LOOK = (selector: string) => `(() => {
  const el = ${selector};
  const s = getComputedStyle(el);
  return { background: s.backgroundColor, color: s.color };
})()`;
const MOTION = (rootExpression: string) => `(() => {
  const root = ${rootExpression};
  const moving = [];
  for (const el of root.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    const animated = s.animationName !== 'none' && s.animationDuration.split(',').some((d) => parseFloat(d) > 0);
    const transition = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) && s.transitionProperty !== 'none';
    if (animated || transition) moving.push(el.localName + '.' + el.className + ' ' + s.animationName + ' ' + s.transitionProperty + ' ' + s.transitionDuration);
  }
  return moving;
})()`;

describe('prefers-color-scheme and prefers-reduced-motion', () => {
  it('the banner turns dark with the system and does not slide in when motion is reduced', async () => {
    const { page, world } = await storeWithBanner();
    const banner = `${BANNER_HOST_IN_WORLD}.shadowRoot.querySelector('.banner')`;
    const button = `${BANNER_HOST_IN_WORLD}.shadowRoot.querySelector('button.primary')`;
    try {
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
      const light = await world.evaluate<{ background: string; color: string }>(LOOK(banner));
      const lightButton = await world.evaluate<{ background: string; color: string }>(LOOK(button));
      expect(await world.evaluate<string[]>(MOTION(`${BANNER_HOST_IN_WORLD}.shadowRoot`))).toEqual([
        expect.stringMatching(/^section\.banner enter /),
      ]);

      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      const dark = await world.evaluate<{ background: string; color: string }>(LOOK(banner));
      const darkButton = await world.evaluate<{ background: string; color: string }>(LOOK(button));
      expect(dark.background).not.toBe(light.background);
      expect(dark.color).not.toBe(light.color);
      expect(darkButton.background).not.toBe(lightButton.background);
      expect(await world.evaluate<string[]>(MOTION(`${BANNER_HOST_IN_WORLD}.shadowRoot`))).toEqual([]);
    } finally {
      await world.close();
    }
  });

  it('the popup, options and blocking page turn dark with the system and have no motion when it is reduced', async () => {
    const store = await suite.open('kaspersky-store');
    await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    const pages = {
      popup: extensionPage(suite.browser, `src/ui/popup/index.html?tab=${await tabIdOf(store)}`),
      options: extensionPage(suite.browser, 'src/ui/options/index.html'),
      blocked: extensionPage(suite.browser, `src/ui/blocked/index.html#${suite.server.url('kaspersky-store')}`),
    };
    for (const [name, url] of Object.entries(pages)) {
      const page = await suite.open(url);
      await page.locator('h1').first().waitFor({ timeout: 10_000 });
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
      const light = (await page.evaluate(LOOK('document.body'))) as { background: string; color: string };
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      const dark = (await page.evaluate(LOOK('document.body'))) as { background: string; color: string };
      expect(dark.background, `${name} background`).not.toBe(light.background);
      expect(dark.color, `${name} text`).not.toBe(light.color);
      // The browser draws its own controls (scrollbars, form fields) dark too.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), name).toContain('dark');
      expect(await page.evaluate(MOTION('document')), `${name}: motion with reduced motion`).toEqual([]);
    }
  });
});
