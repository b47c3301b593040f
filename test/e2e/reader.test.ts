/**
 * Where the reader is and who they are, in real Chromium: a browser whose language is
 * English (Australia) hears of Australia's own action first; the options change the place,
 * the role and when to warn; with "only actions where I am" and a place with no action, a
 * store page keeps its badge and the popup's explanation but gets no banner.
 */
import { describe, expect, it } from 'vitest';
import { bannerText } from '../../harness/chromium/in-page.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import { badgeText, settle, tabIdOf } from '../../harness/chromium/tabs.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

describe('the reader in Australia', () => {
  const suite = useExtensionSuite({ locale: 'en-AU' });

  it("leads with Australia's action for a private reader, then follows the options' place, role and warnFor", async () => {
    const { browser, server } = suite;
    const sw = browser.serviceWorker;
    const store = await suite.open('kaspersky-store');
    await expect
      .poll(() => bannerText(store), { timeout: WARN_TIMEOUT })
      .toContain('Australian Government systems and devices may not use Kaspersky');
    const banner = (await bannerText(store)) ?? '';
    expect(banner).toContain('It does not restrict private buyers: it applies only to government bodies.');
    expect(banner).toContain('has prohibited sales to US persons since 20 July 2024');
    expect(banner.indexOf('Australian Government')).toBeLessThan(banner.indexOf('US persons'));

    const popup = await suite.open(extensionPage(browser, `src/ui/popup/index.html?tab=${await tabIdOf(store, sw)}`));
    await popup.getByRole('heading', { level: 2, name: 'Where you are: Australia' }).waitFor({ timeout: 10_000 });
    await popup.getByRole('heading', { level: 2, name: 'Elsewhere' }).waitFor();
    const here = popup.locator('[data-restriction-group="here"]');
    expect(
      await here.locator('[data-restriction]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-restriction'))),
    ).toEqual(['au_pspf_direction_002_2025']);
    expect(await here.innerText()).toContain('Applies to: government bodies · Australia');

    // The options: automatic place from the browser's languages; choose Brazil, and warnings only where I am.
    const options = await suite.openExtensionPage('src/ui/options/index.html');
    const region = options.locator('select#region');
    await region.waitFor({ timeout: 10_000 });
    expect(await region.locator('option[value=""]').innerText()).toBe("Automatic: Australia (from your browser's languages)");
    await region.selectOption('BR');
    await options.locator('label[for="warnFor-here"]').click();
    await expect.poll(() => options.locator('input[name="warnFor"][value="here"]').isChecked()).toBe(true);

    await store.close(); // one tab per address: tabIdOf finds tabs by URL
    const quiet = await suite.open('kaspersky-store');
    await settle(quiet);
    expect(await bannerText(quiet)).toBeNull();
    const quietTab = await tabIdOf(quiet, sw);
    await expect.poll(() => badgeText(sw, quietTab), { timeout: WARN_TIMEOUT }).not.toBe('');
    const quietPopup = await suite.open(extensionPage(browser, `src/ui/popup/index.html?tab=${quietTab}`));
    await quietPopup.getByRole('heading', { level: 2, name: 'Where you are: Brazil' }).waitFor({ timeout: 10_000 });
    const explained = await quietPopup.locator('body').innerText();
    expect(explained).toContain('No government action on Kaspersky is known for Brazil.');
    expect(explained).toContain('none of these actions meets your choice of when to warn');

    // A government reader in Australia, warned for any action again: no private-buyer sentence.
    await region.selectOption('AU');
    await options.locator('label[for="warnFor-any"]').click();
    await options.locator('label[for="audience-government"]').click();
    await expect.poll(() => options.locator('input[name="audience"][value="government"]').isChecked()).toBe(true);
    await quiet.close();
    const official = await suite.open(server.url('kaspersky-store'));
    await expect.poll(() => bannerText(official), { timeout: WARN_TIMEOUT }).toContain('Australian Government systems and devices');
    expect(await bannerText(official)).not.toContain('private buyers');
  });
});
