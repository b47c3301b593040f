/**
 * Organisation policy in real Chromium: a real managed-policy file in
 * /etc/chromium/policies/managed/ (written for the test, removed afterwards even on failure),
 * read by the browser and handed to the extension through storage.managed.
 */
import type { Page } from 'playwright-core';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import { badgeText, settle, tabIdOf, waitForAddress } from '../../harness/chromium/tabs.ts';
import { bannerText } from '../../harness/chromium/in-page.ts';
import { CHROME_EXTENSION_ID as EXTENSION_ID } from '../../src/core/identity.ts';
import { useExtensionSuite, waitForBlockRules } from './suite.ts';

const MESSAGE =
  'Kaspersky products are not approved at Example Corp & its <subsidiaries>. Ask the service desk (café ✓) for an alternative.';

/** The text of one deployment snippet the options page shows (its details opened first). */
async function snippetText(options: Page, id: string): Promise<string> {
  return (await options.locator(`#snippet-${id}`).textContent()) ?? '';
}

const blockedPagePrefix = `chrome-extension://${EXTENSION_ID}/src/ui/blocked/index.html`;

describe('organisation policy', () => {
  describe('block, proceeding allowed', () => {
    // Written to /etc/chromium/policies/managed/ before the browser starts, removed after the suite.
    const suite = useExtensionSuite({
      policy: {
        mode: 'block',
        allowProceed: true,
        organizationName: 'Example Corp',
        message: MESSAGE,
        supportEmail: 'servicedesk@example.com',
        exemptDomains: ['kaspersky.co.uk'],
        supportUrl: 'javascript:alert(1)',
        jurisdictions: ['DE'],
        audience: 'government',
      },
    });
    const open = (url: string) => suite.open(url, { allowAbort: true }); // a redirect to the blocking page may abort the first load

    it('blocks store pages, lets the user proceed when allowed, exempts listed domains, reports bad keys and locks fields', async () => {
      const { browser, server } = suite;
      await waitForBlockRules(browser.serviceWorker);

      const storeUrl = server.url('kaspersky-store');
      const store = await open(storeUrl);
      await waitForAddress(store, (url) => url.startsWith(blockedPagePrefix));
      expect(decodeURIComponent(new URL(store.url()).hash.slice(1))).toBe(storeUrl);
      await expect.poll(() => store.locator('body').innerText(), { timeout: 5_000 }).toContain(MESSAGE);
      const body = await store.locator('body').innerText();
      expect(body).toContain('Example Corp');
      expect(body).toContain('servicedesk@example.com');
      expect(body).toContain(storeUrl);
      // The organisation's people are in Germany: Germany's action first, under "Where you are" (in the details).
      await store.getByRole('button', { name: 'Details' }).click();
      expect(await store.locator('[data-restriction-group="here"]').innerText()).toContain('Where you are: Germany');

      await store.getByRole('button', { name: /proceed/i }).click();
      await waitForAddress(store, (url) => url === storeUrl);
      await expect.poll(() => bannerText(store), { timeout: 10_000 }).toContain('Federal Office for Information Security (BSI)');
      expect(await bannerText(store)).not.toContain('private buyers');

      const exempt = await open(server.url('kaspersky-uk-product'));
      await settle(exempt);
      expect(exempt.url()).toBe(server.url('kaspersky-uk-product'));
      expect(await bannerText(exempt)).toBeNull();
      expect(await badgeText(browser.serviceWorker, await tabIdOf(exempt, browser.serviceWorker))).toBe('');

      const options = await suite.openExtensionPage('src/ui/options/index.html');
      await options.getByText('Policy problems').first().waitFor({ timeout: 10_000 });
      const optionsText = await options.locator('body').innerText();
      expect(optionsText).toContain('supportUrl');
      expect(optionsText).toContain('Set by your organisation');
      expect(await options.locator('input[name="mode"][value="block"]').isChecked()).toBe(true);
      expect(await options.locator('input[name="mode"][value="warn"]').isDisabled()).toBe(true);
      // "Where you are" and "Who you are" are the organisation's: shown, locked.
      expect(await options.locator('.region-locked').innerText()).toBe('Germany');
      expect(await options.locator('select#region').count()).toBe(0);
      expect(await options.locator('input[name="audience"][value="government"]').isChecked()).toBe(true);
      expect(await options.locator('input[name="audience"][value="personal"]').isDisabled()).toBe(true);

      // The snippets the real options page writes (plist's browser build, in Chromium): the
      // configuration profile holds the same preferences as the Linux JSON file, & and <…> included.
      await options.locator('details.snippets > summary').click();
      const linux = JSON.parse(await snippetText(options, 'chromium-linux')) as { '3rdparty': { extensions: Record<string, unknown> } };
      const preferences = linux['3rdparty'].extensions[EXTENSION_ID] as Record<string, unknown>;
      expect(preferences['message']).toBe(MESSAGE);
      const profile = parsePlist(await snippetText(options, 'chrome-macos')) as { PayloadContent: Record<string, unknown>[] };
      const payload = profile.PayloadContent[0]!;
      expect(payload['PayloadType']).toBe(`com.google.Chrome.extensions.${EXTENSION_ID}`);
      expect(Object.fromEntries(Object.entries(payload).filter(([key]) => !key.startsWith('Payload')))).toEqual(preferences);
      expect(parsePlist(await snippetText(options, 'chrome-macos-plist'))).toEqual(preferences);
    });
  });

  describe('block, no way through', () => {
    const suite = useExtensionSuite({ policy: { mode: 'block', allowProceed: false, downloadGuard: 'block', message: MESSAGE } });
    const open = (url: string) => suite.open(url, { allowAbort: true }); // a redirect to the blocking page may abort the first load

    it('offers no way through when allowProceed is false, and cancels installer downloads', async () => {
      const { browser, server } = suite;
      await waitForBlockRules(browser.serviceWorker);

      const download = await open(server.url('kaspersky-download'));
      await waitForAddress(download, (url) => url.startsWith(blockedPagePrefix));
      await expect.poll(() => download.locator('body').innerText(), { timeout: 5_000 }).toContain(MESSAGE);
      expect(await download.getByRole('button', { name: /proceed/i }).count()).toBe(0);
      await expect(download.getByRole('button', { name: /back to safety/i })).toBeDefined();

      // A direct installer link on a third-party mirror is a download, not a page: the download guard cancels it.
      const mirror = await open(server.url('mirror-downloads'));
      await mirror.locator('#kaspersky').click();
      const sw = browser.serviceWorker;
      await expect
        .poll(
          () =>
            sw.evaluate(async () => {
              const api = (
                globalThis as unknown as {
                  chrome: { downloads: { search(query: object): Promise<{ url: string; state: string; error?: string }[]> } };
                }
              ).chrome;
              return (await api.downloads.search({})).map((item) => `${item.url.split('/').pop()}:${item.state}:${item.error ?? ''}`);
            }),
          { timeout: 10_000 },
        )
        .toContainEqual('kis21.3.10.391en_26096.exe:interrupted:USER_CANCELED');
      // Other installers on the same mirror download as usual.
      await mirror.locator('#vlc').click();
      await expect
        .poll(
          () =>
            sw.evaluate(async () => {
              const api = (
                globalThis as unknown as { chrome: { downloads: { search(query: object): Promise<{ url: string; state: string }[]> } } }
              ).chrome;
              return (await api.downloads.search({})).map((item) => `${item.url.split('/').pop()}:${item.state}`);
            }),
          { timeout: 10_000 },
        )
        .toContainEqual('vlc-3.0.21-win64.exe:complete');
    });
  });
});
