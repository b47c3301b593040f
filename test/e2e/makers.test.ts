/**
 * The equipment makers' honest levels in real Chromium (the decision: src/core/vendors/standing.ts
 * levelFor; the words: src/core/i18n/restriction-text.ts), one browser per language:
 *
 * - a private reader gets the calmer notice on a maker's pages (banner and badge), and block mode
 *   does not block it (in Spanish, before the reader says who they are);
 * - a US federal contractor gets the full warning, so block mode blocks a Hikvision listing, set
 *   by an organisation's managed policy (German) or by the reader's own "Who you are", stored as
 *   the options page stores it (French, and Spanish after the private reader's turn);
 * - the maker's blocking page and popup speak each language.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import { BANNER_HOST_IN_WORLD, bannerLevel, bannerText } from '../../harness/chromium/in-page.ts';
import { badgeText, tabIdOf, waitForAddress } from '../../harness/chromium/tabs.ts';
import { CHROME_EXTENSION_ID } from '../../src/core/identity.ts';
import { axeOnBanner, axeOnPage, contrastInBanner, contrastOnPage, isolatedWorld, type AxeReport } from './a11y-tools.ts';
import { useExtensionSuite, waitForBlockRules, WARN_TIMEOUT } from './suite.ts';

const BLOCKED_PAGE = `chrome-extension://${CHROME_EXTENSION_ID}/src/ui/blocked/index.html`;

/** The user's own settings, written where the options page saves them (the worker follows the change). */
async function saveUserSettings(sw: Worker, settings: object): Promise<void> {
  await sw.evaluate(
    (value) =>
      (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
        settings: value,
      }),
    settings,
  );
}

/** The page's banner at the given level, its text containing `words`, and the badge of that level. */
async function expectLevel(page: Page, sw: Worker, level: 'notice' | 'warning', words: string): Promise<void> {
  await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain(words);
  expect(await bannerLevel(page)).toBe(level);
  await expect.poll(async () => badgeText(sw, await tabIdOf(page, sw)), { timeout: WARN_TIMEOUT }).toBe(level === 'notice' ? 'i' : '!');
}

/** No axe violations, and measured text contrast without problems (the notice's own colours), in light and dark. */
async function expectAccessible(page: Page, audit: () => Promise<[AxeReport, { problems: string[]; checked: number }]>, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const [report, contrast] = await audit();
    expect(
      report.violations.map((v) => `${v.id}: ${v.nodes.join(' | ')}`),
      `${what}, ${colorScheme}`,
    ).toEqual([]);
    expect(contrast.problems, `${what}, ${colorScheme}: text contrast`).toEqual([]);
    expect(contrast.checked, what).toBeGreaterThan(3);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

interface Language {
  /** Who says the reader is a federal contractor: the organisation's managed policy, or the reader's own settings. */
  by: 'policy' | 'options';
  /** The private reader's turn first (block mode, no role). */
  privateFirst?: boolean;
  blockedHeading: string;
  /** The blocked Hikvision listing: a page that sells the maker's products. */
  blockedLede: string;
  /** NDAA §889's line, which binds the contractor, at the start of the blocking page's statement. */
  section889: string;
  /** The notice's headline on the Hikvision listing, for a private reader. */
  hikvisionNotice: string;
  /** DJI has no §889 record: a notice for the contractor too, its headline. */
  djiHeading: string;
  /** What the DJI notice says the restriction is not. */
  notABan: string;
}

const LANGUAGES: Record<string, Language> = {
  'de-DE': {
    by: 'policy',
    blockedHeading: 'Vendor Guard hat diese Seite gesperrt',
    blockedLede: 'Diese Seite verkauft Produkte von Hikvision.',
    section889: 'US-Bundesbehörden dürfen betroffene Videoüberwachungs- und Telekommunikationsgeräte dieses Herstellers nicht kaufen',
    hikvisionNotice: 'Hikvision: für Einkäufe der US-Regierung eingeschränkt',
    djiHeading: 'DJI: keine FCC-Zulassung für neue Modelle',
    notABan: 'Es ist kein Verbot für private Käufer',
  },
  'fr-FR': {
    by: 'options',
    blockedHeading: 'Vendor Guard a bloqué cette page',
    blockedLede: 'Cette page vend des produits Hikvision.',
    section889: 'Les agences fédérales américaines ne peuvent pas acheter les équipements de vidéosurveillance',
    hikvisionNotice: "Hikvision : restreint pour les achats de l'administration américaine",
    djiHeading: "DJI : pas d'autorisation de la FCC pour les nouveaux modèles",
    notABan: "Ce n'est pas une interdiction pour les acheteurs privés",
  },
  'es-ES': {
    by: 'options',
    privateFirst: true,
    blockedHeading: 'Vendor Guard bloqueó esta página',
    blockedLede: 'Esta página vende productos Hikvision.',
    section889: 'Las agencias federales de EE. UU. no pueden comprar los equipos de videovigilancia',
    hikvisionNotice: 'Hikvision: restringido para las compras del Gobierno de EE. UU.',
    djiHeading: 'DJI: sin autorización de la FCC para modelos nuevos',
    notABan: 'No es una prohibición para los compradores particulares',
  },
};

/** English words any of these pages would show if a string were not translated. */
const ENGLISH =
  /\b(This page|Settings|Back to safety|Why|Read the primary text|Listed alphabetically|restricted|not a ban|federal agencies)\b/;

const CONTRACTOR_IN_BLOCK_MODE = { mode: 'block', audience: 'federal_contractor' };

describe.each(Object.entries(LANGUAGES))('%s', (locale, expected) => {
  const suite = useExtensionSuite({ locale, ...(expected.by === 'policy' ? { policy: CONTRACTOR_IN_BLOCK_MODE } : {}) });
  const language = new RegExp(`^${locale.split('-')[0]!}(?:-|$)`);

  if (expected.privateFirst) {
    it('a private reader in block mode: the DJI Store and a Hikvision camera on Newegg get the notice and stay; Kaspersky is blocked', async () => {
      const { browser, server } = suite;
      const sw = browser.serviceWorker;
      await saveUserSettings(sw, { mode: 'block' });
      await waitForBlockRules(sw);
      // Opened together; Kaspersky's store is the control that block mode is on.
      const [dji, camera, kaspersky] = await Promise.all([
        suite.open('dji-store-product'),
        suite.open('newegg-hikvision-camera'),
        suite.open('kaspersky-store', { allowAbort: true }),
      ]);
      await expectLevel(dji, sw, 'notice', expected.djiHeading);
      expect(await bannerText(dji)).toContain(expected.notABan);
      await expectLevel(camera, sw, 'notice', expected.hikvisionNotice);
      await waitForAddress(kaspersky, (url) => url.startsWith(BLOCKED_PAGE));
      expect(dji.url()).toBe(server.url('dji-store-product'));
      expect(camera.url()).toBe(server.url('newegg-hikvision-camera'));

      // The notice's calmer colours stay accessible: axe inside its closed shadow root, panels open, and its text contrast.
      const world = await isolatedWorld(dji, browser.extensionId);
      try {
        await world.evaluate(`Promise.all(${BANNER_HOST_IN_WORLD}.shadowRoot.getAnimations().map((a) => a.finished))`);
        await expectAccessible(dji, async () => [await axeOnBanner(world, dji), await contrastInBanner(world, dji)], 'notice banner');
      } finally {
        await world.close();
      }
    });
  }

  it(`a US federal contractor (by ${expected.by}) in block mode: a Hikvision listing is blocked, DJI keeps its notice; both speak the language`, async () => {
    const { browser } = suite;
    const sw = browser.serviceWorker;
    if (expected.by === 'options') await saveUserSettings(sw, CONTRACTOR_IN_BLOCK_MODE);
    await waitForBlockRules(sw);

    // The camera is known only from its content: the page loads, then the worker sends the tab to the blocking page.
    const [camera, dji] = await Promise.all([suite.open('newegg-hikvision-camera', { allowAbort: true }), suite.open('dji-store-product')]);
    await waitForAddress(camera, (url) => url.startsWith(BLOCKED_PAGE), WARN_TIMEOUT);
    await camera.getByRole('heading', { level: 1, name: expected.blockedHeading }).waitFor({ timeout: 10_000 });
    await expect.poll(() => camera.locator('.blocked-lede').innerText(), { timeout: 5_000 }).toBe(expected.blockedLede);
    const blocked = await camera.locator('body').innerText();
    expect(blocked).toContain(expected.section889);
    expect(blocked).not.toMatch(ENGLISH);
    expect(await camera.evaluate(() => document.documentElement.lang)).toMatch(language);

    // DJI is on the FCC's list but not under §889: a notice for the contractor too, and not blocked.
    await expectLevel(dji, sw, 'notice', expected.djiHeading);
    const popup = await suite.open(extensionPage(browser, `src/ui/popup/index.html?tab=${await tabIdOf(dji, sw)}`));
    await popup.getByRole('heading', { level: 1, name: expected.djiHeading }).waitFor({ timeout: 10_000 });
    expect(await popup.locator('.status-notice .status-lead').innerText()).toContain(expected.notABan);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(language);
    expect(await popup.locator('body').innerText()).not.toMatch(ENGLISH);
    // The notice's popup in its calmer colours (checked once: the structure is the same in every language).
    if (expected.by === 'policy')
      await expectAccessible(popup, async () => [await axeOnPage(popup), await contrastOnPage(popup)], 'notice popup');
  });
});
