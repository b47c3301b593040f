/**
 * The extension in German, French and Spanish Chromium (de-DE, fr-FR, es-ES): the banner quotes
 * the region's own government action first, and the banner, popup, options page and
 * blocking page speak the browser's language, say so in `lang` (screen readers pick their voice
 * from it), write dates the way that language does, and (checked in German, the longest words)
 * stay free of axe violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../../harness/chromium/tabs.ts';
import { BANNER_HOST_IN_WORLD, bannerText, bannerVisibleText } from '../../harness/chromium/in-page.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import { axeOnBanner, axeOnPage, isolatedWorld } from './a11y-tools.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

interface Expected {
  /** axe on every page too (the structure is the same in every language: once is enough). */
  axe: boolean;
  banner: string;
  popupHeading: string;
  /** The sales date of the BIS Final Determination, 2024-07-20, as the language writes it. */
  salesDate: string;
  optionsTitle: string;
  blockedHeading: string;
  /** The action of the browser's region (de-DE → Germany) that the banner quotes first. */
  lead: string;
  /** The popup's heading over that region's actions. */
  hereHeading: string;
}

const LANGUAGES: Record<string, Expected> = {
  'de-DE': {
    axe: true,
    lead: 'Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnt seit dem 15. März 2022',
    hereHeading: 'Wo Sie sind: Deutschland',
    banner: 'Diese Seite verkauft Software von Kaspersky.',
    popupHeading: 'Diese Seite verkauft Software von Kaspersky',
    salesDate: '20. Juli 2024',
    optionsTitle: 'Einstellungen von Vendor Guard',
    blockedHeading: 'Vendor Guard hat diese Seite gesperrt',
  },
  'fr-FR': {
    axe: false,
    lead: 'Le CERT-FR (ANSSI) a estimé le 2 mars 2022',
    hereHeading: 'Là où vous êtes : France',
    banner: 'Cette page vend des logiciels Kaspersky.',
    popupHeading: 'Cette page vend des logiciels Kaspersky',
    salesDate: '20 juillet 2024',
    optionsTitle: 'Paramètres de Vendor Guard',
    blockedHeading: 'Vendor Guard a bloqué cette page',
  },
  'es-ES': {
    axe: false,
    // Spain has no action of its own: the European Union's comes first.
    lead: 'El Parlamento Europeo pidió el 13 de junio de 2018',
    hereHeading: 'Donde está: España',
    banner: 'Esta página vende software Kaspersky.',
    popupHeading: 'Esta página vende software Kaspersky',
    salesDate: '20 de julio de 2024',
    optionsTitle: 'Configuración de Vendor Guard',
    blockedHeading: 'Vendor Guard bloqueó esta página',
  },
};

function expectNoViolations(violations: { id: string; nodes: string[] }[], what: string): void {
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.join(' | ')}`),
    what,
  ).toEqual([]);
}

describe.each(Object.entries(LANGUAGES))('in %s', (locale, expected) => {
  const suite = useExtensionSuite({ locale });
  /** The language, with or without the region ("de" or "de-DE"). */
  const languageTag = new RegExp(`^${locale.split('-')[0]!}(?:-|$)`);
  const open = (url: string) => suite.open(url, { allowAbort: true });

  it(
    expected.axe
      ? 'the banner, popup, options page and blocking page are translated, carry the language and pass axe'
      : 'the banner and the popup are translated and carry the language',
    async () => {
      const { browser, server } = suite;
      const store = await open(server.url('kaspersky-store'));
      await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain(expected.banner);
      const bannerWords = (await bannerVisibleText(store)) ?? '';
      // The region's own action first, then the US sales ban with its date.
      expect(bannerWords).toContain(expected.lead);
      expect(bannerWords).toContain(expected.salesDate);
      expect(bannerWords.indexOf(expected.lead)).toBeLessThan(bannerWords.indexOf(expected.salesDate));
      const world = await isolatedWorld(store, browser.extensionId);
      try {
        expect(await world.evaluate(`${BANNER_HOST_IN_WORLD}.shadowRoot.querySelector('section').lang`)).toMatch(languageTag);
        if (expected.axe) expectNoViolations((await axeOnBanner(world, store)).violations, `${locale} banner`);
      } finally {
        await world.close();
      }

      const popup = await open(extensionPage(browser, `src/ui/popup/index.html?tab=${await tabIdOf(store, browser.serviceWorker)}`));
      await popup.getByRole('heading', { level: 1, name: expected.popupHeading }).waitFor({ timeout: 10_000 });
      expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(languageTag);
      await popup.getByRole('heading', { level: 2, name: expected.hereHeading }).waitFor();
      expect(await popup.locator('body').innerText()).toContain(expected.salesDate);
      if (expected.axe) expectNoViolations((await axeOnPage(popup)).violations, `${locale} popup`);
      const noEnglish = async (page: Page) =>
        // No English left (the vendor's and products' names and the citations are names).
        expect(await page.locator('body').innerText(), `${locale} ${page.url()}`).not.toMatch(
          /\b(This page|Settings|Warnings|Back to safety|Why|Read the primary text|Listed alphabetically)\b/,
        );
      await noEnglish(popup);

      // The other pages come from the same files and code: checked once, in German.
      if (!expected.axe) return;
      const options = await open(extensionPage(browser, 'src/ui/options/index.html'));
      await options.getByRole('heading', { level: 1, name: expected.optionsTitle }).waitFor({ timeout: 10_000 });
      expect(await options.title()).toBe(expected.optionsTitle);
      expectNoViolations((await axeOnPage(options)).violations, `${locale} options`);

      const blocked = await open(extensionPage(browser, `src/ui/blocked/index.html#${server.url('kaspersky-store')}`));
      await blocked.getByRole('heading', { level: 1, name: expected.blockedHeading }).waitFor({ timeout: 10_000 });
      expectNoViolations((await axeOnPage(blocked)).violations, `${locale} blocking page`);
      await noEnglish(options);
      await noEnglish(blocked);
    },
  );
});
