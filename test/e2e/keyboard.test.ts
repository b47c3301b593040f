/**
 * Keyboard only, in real Chromium: every control of the banner, the popup, the options page and
 * the blocking page is reached with Tab, shows a visible focus ring when it has focus, and does
 * its job with Enter or Space; Escape closes the banner and focus goes back where it was.
 * The pages under test get keyboard input only (the options page is clicked only to set up a
 * mode for another page).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isBlockingPage, tabIdOf, waitForAddress } from '../../harness/chromium/tabs.ts';
import { BANNER_HOST_IN_WORLD, bannerText } from '../../harness/chromium/in-page.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import { focusInWorld, focusOnPage, isolatedWorld, type FocusState, type IsolatedWorld } from './a11y-tools.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const suite = useExtensionSuite();

type Probe = () => Promise<FocusState>;

/** Presses Tab until `until` holds (at most `max` times); every stop on the way must show focus. */
async function tabUntil(
  page: Page,
  probe: Probe,
  until: (state: FocusState) => boolean,
  { max = 80, shift = false } = {},
): Promise<FocusState[]> {
  const stops: FocusState[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const state = await probe();
    stops.push(state);
    if (until(state)) return stops;
  }
  throw new Error(`Focus never got there in ${max} presses of Tab; stops: ${stops.map((s) => s.element).join(', ')}`);
}

/** Each stop is a control with a visible focus ring. */
function expectVisibleFocus(stops: readonly FocusState[], what: string): void {
  const hidden = stops.filter((s) => s.element && !(s.focusVisible && s.ringVisible));
  expect(
    hidden.map((s) => `${s.element} "${s.text}"`),
    `${what}: focus not visible`,
  ).toEqual([]);
}

const BANNER_STATE = `(() => {
  const root = ${BANNER_HOST_IN_WORLD}?.shadowRoot;
  if (!root) return null;
  const expanded = (action) => root.querySelector('button[data-action="' + action + '"]').getAttribute('aria-expanded');
  return { why: expanded('why'), alternatives: expanded('alternatives'), whyHidden: root.querySelector('#vg-why').hidden, alternativesHidden: root.querySelector('#vg-alternatives').hidden };
})()`;

async function bannerPage(): Promise<{ page: Page; world: IsolatedWorld; focus: Probe }> {
  const page = await suite.open('kaspersky-store');
  await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
  await page.bringToFront();
  const world = await isolatedWorld(page, suite.browser.extensionId);
  return { page, world, focus: () => focusInWorld(world) };
}

describe('keyboard only', () => {
  it('banner: Tab reaches every control with a visible ring, Enter and Space open the panels, Tab walks their links', async () => {
    const { page, world, focus } = await bannerPage();
    try {
      const toBanner = await tabUntil(page, focus, (s) => s.insideBanner);
      // The warning comes before the page: the first Tab from the top of a fresh page reaches it.
      expect(toBanner).toHaveLength(1);
      const first = toBanner[0]!;
      expect(first.element).toBe('button[data-action=why]');
      expectVisibleFocus([first], 'banner');

      await page.keyboard.press('Enter');
      await expect.poll(() => world.evaluate(BANNER_STATE)).toMatchObject({ why: 'true', whyHidden: false });
      expect((await focus()).element).toBe('button[data-action=why]');

      const buttons = [first];
      for (const action of ['alternatives', 'allow-site', 'dismiss']) {
        await page.keyboard.press('Tab');
        const state = await focus();
        expect(state.element).toBe(`button[data-action=${action}]`);
        buttons.push(state);
        if (action === 'alternatives') {
          await page.keyboard.press('Space');
          await expect.poll(() => world.evaluate(BANNER_STATE)).toMatchObject({ alternatives: 'true', alternativesHidden: false });
        }
      }
      expectVisibleFocus(buttons, 'banner buttons');

      // Then the links in the open panels: the source of the restriction and every alternative.
      const links = await tabUntil(page, focus, (s) => !s.insideBanner, { max: 30 });
      const inBanner = links.slice(0, -1);
      expect(inBanner.length).toBeGreaterThan(5);
      expect(inBanner.every((s) => s.element.startsWith('a'))).toBe(true);
      expect(inBanner.map((s) => s.text)).toContain('Microsoft Defender Antivirus');
      expectVisibleFocus(inBanner, 'banner links');

      // Enter on "Why?" again closes its panel.
      await tabUntil(page, focus, (s) => s.element === 'button[data-action=why]', { shift: true, max: 40 });
      await page.keyboard.press('Enter');
      await expect.poll(() => world.evaluate(BANNER_STATE)).toMatchObject({ why: 'false', whyHidden: true });
    } finally {
      await world.close();
    }
  });

  it('banner: when the extension re-sends the warning (a setting changed elsewhere), open panels and focus stay', async () => {
    const { page, world, focus } = await bannerPage();
    try {
      await tabUntil(page, focus, (s) => s.element === 'button[data-action=alternatives]');
      await page.keyboard.press('Enter');
      await expect.poll(() => world.evaluate(BANNER_STATE)).toMatchObject({ alternatives: 'true' });
      // Any change of settings makes the background send every tab its warning again.
      const options = await suite.open(extensionPage(suite.browser, 'src/ui/options/index.html'));
      await options.locator('input[name="downloadGuard"][value="off"]').check();
      await options.locator('input[name="downloadGuard"][value="warn"]').check();
      await options.close();
      await page.bringToFront();
      await page.waitForTimeout(500);
      expect(await world.evaluate(BANNER_STATE)).toMatchObject({ alternatives: 'true', alternativesHidden: false });
      expect((await focus()).element).toBe('button[data-action=alternatives]');
    } finally {
      await world.close();
    }
  });

  it('banner: Escape closes it; focus goes on to the page, or back to the page control it came from', async () => {
    const { page, world, focus } = await bannerPage();
    try {
      // From the top of the page: after Escape the next Tab is the page's first control.
      await tabUntil(page, focus, (s) => s.insideBanner);
      await page.keyboard.press('Escape');
      await expect.poll(() => bannerText(page), { timeout: 3_000 }).toBeNull();
      await page.keyboard.press('Tab');
      const firstOnPage = await focusOnPage(page);
      expect(firstOnPage.element).not.toBe('');
      expect(firstOnPage.focusVisible).toBe(true);
    } finally {
      await world.close();
    }

    // From a control on the page, back up into the banner with Shift+Tab: Escape returns there.
    const again = await bannerPage();
    try {
      await tabUntil(again.page, again.focus, (s) => s.insideBanner);
      const pageControl = (await tabUntil(again.page, again.focus, (s) => !s.insideBanner)).at(-1)!;
      expect(pageControl.element).not.toBe('');
      await tabUntil(again.page, again.focus, (s) => s.insideBanner, { shift: true });
      await again.page.keyboard.press('Escape');
      await expect.poll(() => bannerText(again.page), { timeout: 3_000 }).toBeNull();
      const after = await focusOnPage(again.page);
      expect({ element: after.element, text: after.text }).toEqual({ element: pageControl.element, text: pageControl.text });
    } finally {
      await again.world.close();
    }
  });

  it('banner: Enter on "Dismiss" closes it', async () => {
    const { page, world, focus } = await bannerPage();
    try {
      await tabUntil(page, focus, (s) => s.element === 'button[data-action=dismiss]');
      await page.keyboard.press('Enter');
      await expect.poll(() => bannerText(page), { timeout: 3_000 }).toBeNull();
    } finally {
      await world.close();
    }
  });

  it('popup: every link and button in order with a visible ring; Enter on "Settings" opens the options page', async () => {
    const store = await suite.open('kaspersky-store');
    await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    const popup = await suite.open(extensionPage(suite.browser, `src/ui/popup/index.html?tab=${await tabIdOf(store)}`));
    await popup.getByText('89 FR 52434').first().waitFor({ timeout: 10_000 });
    const focusables = await popup.locator('a[href], button').count();
    const stops = await tabUntil(
      popup,
      () => focusOnPage(popup),
      (s) => s.element.startsWith('button') && /settings/i.test(s.text),
    );
    expect(stops).toHaveLength(focusables);
    expectVisibleFocus(stops, 'popup');

    const opened = suite.browser.context.waitForEvent('page', { timeout: 10_000 });
    await popup.keyboard.press('Enter');
    const options = await opened;
    try {
      await options.waitForURL(/\/src\/ui\/options\/index\.html/, { timeout: 10_000 });
    } finally {
      await options.close();
    }
  });

  it('options: radios with the arrow keys, import, export, snippets, copy and reset with Enter and Space', async () => {
    const options = await suite.open(extensionPage(suite.browser, 'src/ui/options/index.html'));
    await options.locator('input[name="mode"]').first().waitFor({ timeout: 10_000 });
    const focus = () => focusOnPage(options);
    const status = () => options.locator('[role="status"]').first().innerText();
    const visited: FocusState[] = [];

    // The warnings group is one Tab stop, on the chosen radio; the arrow keys choose another.
    visited.push(...(await tabUntil(options, focus, (s) => s.element === 'input#mode-warn')));
    await options.keyboard.press('ArrowDown');
    await expect.poll(() => options.locator('#mode-block').isChecked()).toBe(true);
    await expect.poll(status).toMatch(/saved/i);
    await options.keyboard.press('ArrowUp');
    await expect.poll(() => options.locator('#mode-warn').isChecked()).toBe(true);

    // Enter on "Import profile…" asks the file input for the browser's file chooser. The test
    // stops the chooser from opening (a native dialog could hang a headless browser) and records
    // that it was asked for.
    visited.push(...(await tabUntil(options, focus, (s) => /import profile/i.test(s.text))));
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="profile-file"]')!;
      input.addEventListener(
        'click',
        (event) => {
          event.preventDefault();
          input.dataset['chooserRequested'] = String(navigator.userActivation.isActive);
        },
        { once: true },
      );
    });
    await options.keyboard.press('Enter');
    // Asked for with the key press's user activation, which browsers require to show a file chooser.
    await expect.poll(() => options.locator('[data-testid="profile-file"]').getAttribute('data-chooser-requested')).toBe('true');

    visited.push(...(await tabUntil(options, focus, (s) => /export profile/i.test(s.text))));
    const download = options.waitForEvent('download', { timeout: 15_000 });
    await options.keyboard.press('Enter');
    await (await download).cancel();

    visited.push(...(await tabUntil(options, focus, (s) => s.element === 'summary')));
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('details.snippets').getAttribute('open')).not.toBeNull();
    visited.push(...(await tabUntil(options, focus, (s) => s.element.startsWith('button') && /^copy$/i.test(s.text))));
    await options.keyboard.press('Space');
    // Headless Chromium may refuse the clipboard; either way the page says what happened.
    await expect.poll(status).toMatch(/copied|could not copy/i);
    // The snippet's text box takes focus, so long lines can be scrolled with the keyboard.
    visited.push(...(await tabUntil(options, focus, (s) => s.element.startsWith('pre'))));

    visited.push(...(await tabUntil(options, focus, (s) => /reset to defaults/i.test(s.text))));
    await options.keyboard.press('Enter');
    await expect.poll(async () => (await focus()).text).toMatch(/confirm reset/i);
    await options.keyboard.press('Tab');
    expect((await focus()).text).toMatch(/cancel/i);
    await options.keyboard.press('Space');
    await expect.poll(async () => (await focus()).text).toMatch(/reset to defaults/i);

    expectVisibleFocus(visited, 'options');
    expect(visited.length).toBeGreaterThan(10);
  });

  it('banner "Don\'t warn me on this site" with Space; the site is removed again in options with Enter', async () => {
    const { page, world, focus } = await bannerPage();
    try {
      await tabUntil(page, focus, (s) => s.element === 'button[data-action=allow-site]');
      await page.keyboard.press('Space');
      await expect.poll(() => bannerText(page), { timeout: 3_000 }).toBeNull();
    } finally {
      await world.close();
    }
    const options = await suite.open(extensionPage(suite.browser, 'src/ui/options/index.html'));
    await options.getByRole('button', { name: 'Remove kaspersky.com', exact: true }).waitFor({ timeout: 10_000 });
    const stops = await tabUntil(
      options,
      () => focusOnPage(options),
      (s) => s.text === 'Remove',
    );
    expectVisibleFocus(stops, 'options');
    await options.keyboard.press('Enter');
    await options.getByRole('button', { name: 'Remove kaspersky.com', exact: true }).waitFor({ state: 'detached', timeout: 5_000 });
    // Focus moves to the list's heading, not lost to the page.
    await expect.poll(async () => (await focusOnPage(options)).element).toBe('h2#sites-heading');
  });

  it('blocking page: "Back to safety" has focus; Details with Enter and Space; "Proceed anyway" with Enter', async () => {
    const options = await suite.open(extensionPage(suite.browser, 'src/ui/options/index.html'));
    await options.locator('input[name="mode"][value="block"]').check();
    try {
      const page = await suite.open('about:blank');
      const target = suite.server.url('kaspersky-store');
      await page.goto(target).catch(() => undefined);
      await waitForAddress(page, isBlockingPage);
      await page.getByRole('button', { name: /details/i }).waitFor({ timeout: 10_000 });
      const focus = () => focusOnPage(page);
      await expect.poll(async () => (await focus()).text).toMatch(/back to safety/i);
      const visited = [await focus()];

      visited.push(...(await tabUntil(page, focus, (s) => /details/i.test(s.text))));
      const details = page.getByRole('button', { name: /details/i });
      await page.keyboard.press('Enter');
      await expect.poll(() => details.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('#blocked-details').isVisible()).toBe(true);
      await page.keyboard.press('Space');
      await expect.poll(() => details.getAttribute('aria-expanded')).toBe('false');

      visited.push(...(await tabUntil(page, focus, (s) => s.element.startsWith('input'))));
      await page.keyboard.press('Space');
      expect(await page.locator('input[type="checkbox"]').isChecked()).toBe(true);
      await page.keyboard.press('Space');
      expect(await page.locator('input[type="checkbox"]').isChecked()).toBe(false);

      visited.push(...(await tabUntil(page, focus, (s) => /proceed anyway/i.test(s.text))));
      expectVisibleFocus(visited, 'blocking page');
      await page.keyboard.press('Enter');
      await waitForAddress(page, (url) => url === target);
    } finally {
      await options.locator('input[name="mode"][value="warn"]').check();
    }
  });
});
