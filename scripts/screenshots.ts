/**
 * `npm run screenshots`: builds the extension, drives real headless Chromium over the bundled
 * demo pages and writes the README's pictures to docs/screenshots/:
 *
 *   banner.png               the warning on a Kaspersky store page
 *   banner-why.png           the warning with "Why?" open, on another store page
 *   marks.png                marks beside the Kaspersky products of a shop's search results
 *   popup.png                the toolbar popup on that page (380 × 600, as Chrome shows it)
 *   popup-dark.png           the same in the dark colour scheme
 *   options.png              the options page of a person without an organisation
 *   options-organisation.png the options page with an organisation profile (docs/policies/block-locked.json)
 *   blocked.png              the blocking page that profile shows instead of the store page
 *
 * Uses CHROME_PATH if set, else /usr/bin/chromium. Options: `--out DIR`, `--no-build`.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../harness/fixture-server/server.ts';
import { launchWithExtension } from '../harness/chromium/launch.ts';
import { tabIdOf } from '../harness/chromium/tabs.ts';
import { bannerText, clickBannerButton, MARK_TAG } from '../harness/chromium/in-page.ts';
import { extensionPage } from '../harness/chromium/extension-page.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit code ${String(code)})`))));
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for web fonts, images and the banner's entrance animation, so nothing is caught half-drawn. */
async function still(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : path.join(ROOT, 'docs/screenshots'));
  if (!args.includes('--no-build')) {
    console.log('Building the extension...');
    await build();
  }
  await mkdir(out, { recursive: true });
  const shot = (name: string) => path.join(out, name);

  const server = await startFixtureServer();
  const browser = await launchWithExtension();
  try {
    const { context } = browser;

    // The banner on a store page.
    const store = await context.newPage();
    await store.goto(server.url('kaspersky-store'));
    await waitFor(async () => (await bannerText(store)) !== null, 'the banner');
    await still(store);
    await store.screenshot({ path: shot('banner.png') });
    console.log(`  ${shot('banner.png')}`);

    // Marks beside the Kaspersky tiles of a shop's search results.
    const search = await context.newPage();
    await search.setViewportSize({ width: 1200, height: 640 });
    await search.goto(server.url('bestbuy-search'));
    await waitFor(async () => (await search.locator(MARK_TAG).count()) >= 2, 'the tile marks');
    await still(search);
    await search.screenshot({ path: shot('marks.png') });
    console.log(`  ${shot('marks.png')}`);

    // "Why?" open.
    const why = await context.newPage();
    await why.goto(server.url('kaspersky-uk-product'));
    await waitFor(async () => (await bannerText(why)) !== null, 'the banner');
    await still(why);
    await clickBannerButton(why, 'why');
    await why.mouse.move(640, 700);
    await still(why);
    await why.screenshot({ path: shot('banner-why.png') });
    console.log(`  ${shot('banner-why.png')}`);

    // The popup for the store page, at the size Chrome gives it.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(extensionPage(browser, `src/ui/popup/index.html?tab=${await tabIdOf(store, browser.serviceWorker)}`));
    await popup.getByText('89 FR 52434').first().waitFor({ timeout: 10_000 });
    await still(popup);
    await popup.screenshot({ path: shot('popup.png') });
    console.log(`  ${shot('popup.png')}`);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await still(popup);
    await popup.screenshot({ path: shot('popup-dark.png') });
    console.log(`  ${shot('popup-dark.png')}`);

    // Options, then options with an organisation profile, then the blocking page it brings.
    const options = await context.newPage();
    await options.setViewportSize({ width: 1000, height: 800 });
    await options.goto(extensionPage(browser, 'src/ui/options/index.html'));
    await options.locator('input[name="mode"]').first().waitFor({ timeout: 10_000 });
    await still(options);
    await options.screenshot({ path: shot('options.png'), fullPage: true });
    console.log(`  ${shot('options.png')}`);

    await options.locator('[data-testid="profile-file"]').setInputFiles(path.join(ROOT, 'docs/policies/block-locked.json'));
    await options.locator('.org-panel').waitFor({ timeout: 10_000 });
    // Again without the "imported" notice over the page.
    await options.reload();
    await options.locator('.org-panel').waitFor({ timeout: 10_000 });
    await options.mouse.move(0, 0);
    await still(options);
    await options.screenshot({ path: shot('options-organisation.png'), fullPage: true });
    console.log(`  ${shot('options-organisation.png')}`);

    const blocked = await context.newPage();
    await blocked.goto(server.url('kaspersky-store')).catch(() => undefined);
    await blocked.waitForURL(/\/src\/ui\/blocked\/index\.html/, { timeout: 10_000 });
    await blocked.locator('.org-message').waitFor({ timeout: 10_000 });
    await still(blocked);
    await blocked.screenshot({ path: shot('blocked.png') });
    console.log(`  ${shot('blocked.png')}`);
    if ((await bannerText(blocked)) !== null) throw new Error('A banner on the blocking page');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`npm run screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
