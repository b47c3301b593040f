/**
 * `npm run screenshots`: builds the extension, drives real headless Chromium over the bundled
 * demo pages and writes the README's pictures to docs/screenshots/:
 *
 *   banner.png               the warning on a Kaspersky store page
 *   banner-why.png           the warning with "Why?" open, on another store page
 *   marks.png                marks beside the Kaspersky products of a shop's search results
 *   notice.png               the calmer notice a private reader gets on a maker's store page (DJI)
 *   popup.png                the toolbar popup on that page (380 × 600, as Chrome shows it)
 *   popup-dark.png           the same in the dark colour scheme
 *   options.png              the options page of a person without an organisation
 *   options-organisation.png the options page with an organisation profile (docs/policies/block-locked.json)
 *   blocked.png              the blocking page that profile shows instead of the store page
 *
 * and the store listing's pictures to store/screenshots/<lang>/ for en, de, fr and es, each taken
 * in a browser running in that language:
 *
 *   1-banner.png, 2-why.png, 3-options.png, 4-blocked.png   1280 × 800
 *   promo-tile.png                                           440 × 280, the small promotional tile:
 *                                                            the build's icon, name and description
 *
 * Uses CHROME_PATH if set, else /usr/bin/chromium. Options: `--out DIR` (the README's pictures),
 * `--store-out DIR`, `--only readme|store`, `--no-build`.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../harness/fixture-server/server.ts';
import { launchWithExtension } from '../harness/chromium/launch.ts';
import { tabIdOf } from '../harness/chromium/tabs.ts';
import { bannerText, clickBannerButton, MARK_TAG } from '../harness/chromium/in-page.ts';
import { extensionPage } from '../harness/chromium/extension-page.ts';
import { DIST } from '../harness/paths.ts';

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

/** The store's screenshot size, and its small promotional tile's. */
const STORE_SHOT = { width: 1280, height: 800 };
const PROMO_TILE = { width: 440, height: 280 };
/** The listing's languages and the browser locale each is taken in. */
const STORE_LOCALES = { en: 'en-US', de: 'de', fr: 'fr', es: 'es' } as const;

/** The promotional tile: the built extension's icon, name and description in `lang`, in the extension's colours. */
async function promoTileHtml(lang: string): Promise<string> {
  const messages = JSON.parse(await readFile(path.join(DIST, '_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  const icon = (await readFile(path.join(DIST, 'icons/icon-128.png'))).toString('base64');
  const text = (key: string) => (messages[key]?.message ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${PROMO_TILE.width}px; height: ${PROMO_TILE.height}px; }
    body { box-sizing: border-box; display: flex; flex-direction: column; justify-content: center; gap: 14px; padding: 28px;
      font-family: system-ui, sans-serif; color: #fff; background: linear-gradient(135deg, #12324f, #1d5c8c); }
    header { display: flex; align-items: center; gap: 16px; }
    img { width: 72px; height: 72px; }
    h1 { margin: 0; font-size: 34px; }
    p { margin: 0; font-size: 17px; line-height: 1.35; }
  </style><body><header><img alt="" src="data:image/png;base64,${icon}"><h1>${text('extension_name')}</h1></header>
  <p>${text('extension_description')}</p></body></html>`;
}

/** The store pictures in one language, in a browser running in that language. */
async function storeScreenshots(server: FixtureServer, lang: keyof typeof STORE_LOCALES, out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  const shot = (name: string) => path.join(out, name);
  const browser = await launchWithExtension({ locale: STORE_LOCALES[lang] });
  try {
    const { context } = browser;
    const page = await context.newPage();
    await page.setViewportSize(STORE_SHOT);
    await page.goto(server.url('kaspersky-store'));
    await waitFor(async () => (await bannerText(page)) !== null, 'the banner');
    await still(page);
    await page.screenshot({ path: shot('1-banner.png') });

    await page.goto(server.url('kaspersky-uk-product'));
    await waitFor(async () => (await bannerText(page)) !== null, 'the banner');
    await still(page);
    await clickBannerButton(page, 'why');
    await page.mouse.move(640, 780);
    await still(page);
    await page.screenshot({ path: shot('2-why.png') });

    await page.goto(extensionPage(browser, 'src/ui/options/index.html'));
    await page.locator('input[name="mode"]').first().waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="profile-file"]').setInputFiles(path.join(ROOT, 'docs/policies/block-locked.json'));
    await page.locator('.org-panel').waitFor({ timeout: 10_000 });
    await page.reload();
    await page.locator('.org-panel').waitFor({ timeout: 10_000 });
    await page.mouse.move(0, 0);
    await still(page);
    await page.screenshot({ path: shot('3-options.png') });

    await page.goto(server.url('kaspersky-store')).catch(() => undefined);
    await page.waitForURL(/\/src\/ui\/blocked\/index\.html/, { timeout: 10_000 });
    await page.locator('.org-message').waitFor({ timeout: 10_000 });
    await still(page);
    await page.screenshot({ path: shot('4-blocked.png') });

    const tile = await context.newPage();
    await tile.setViewportSize(PROMO_TILE);
    await tile.setContent(await promoTileHtml(lang));
    await still(tile);
    await tile.screenshot({ path: shot('promo-tile.png') });
    console.log(`  ${out}/ (5 pictures)`);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const out = path.resolve(option('--out') ?? path.join(ROOT, 'docs/screenshots'));
  const storeOut = path.resolve(option('--store-out') ?? path.join(ROOT, 'store/screenshots'));
  const only = option('--only');
  if (only !== undefined && only !== 'readme' && only !== 'store') throw new Error(`--only takes readme or store, not ${only}`);
  if (!args.includes('--no-build')) {
    console.log('Building the extension...');
    await build();
  }
  const server = await startFixtureServer();
  try {
    if (only !== 'store') await readmeScreenshots(server, out);
    if (only !== 'readme') {
      for (const lang of Object.keys(STORE_LOCALES) as (keyof typeof STORE_LOCALES)[]) {
        await storeScreenshots(server, lang, path.join(storeOut, lang));
      }
    }
  } finally {
    await server.close();
  }
}

/** The README's pictures. */
async function readmeScreenshots(server: FixtureServer, out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  const shot = (name: string) => path.join(out, name);

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

    // The notice on an equipment maker's store page, for a private reader.
    const maker = await context.newPage();
    await maker.goto(server.url('dji-store-product'));
    await waitFor(async () => (await bannerText(maker)) !== null, 'the notice');
    await still(maker);
    await maker.screenshot({ path: shot('notice.png') });
    console.log(`  ${shot('notice.png')}`);

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
  }
}

main().catch((error: unknown) => {
  console.error(`npm run screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
