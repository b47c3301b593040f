/** Settings that silence the warning: "Don't warn me on this site" and mode off, both undone in options. */
import { describe, expect, it } from 'vitest';
import { bannerText, clickBannerButton } from '../../harness/chromium/in-page.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import { useExtensionSuite } from './suite.ts';

const suite = useExtensionSuite();
const OPTIONS = 'src/ui/options/index.html';

describe('settings', () => {
  it('"Don\'t warn me on this site" silences kaspersky.com until it is removed in options', async () => {
    const store = await suite.open('kaspersky-store');
    await suite.expectWarning(store);

    await clickBannerButton(store, 'allow-site');
    await expect.poll(() => bannerText(store), { timeout: 2_000 }).toBeNull();
    await store.reload();
    await suite.expectNoWarning(store);

    const options = await suite.open(extensionPage(suite.browser, OPTIONS));
    const remove = options.getByRole('button', { name: 'Remove kaspersky.com', exact: true });
    await remove.waitFor({ timeout: 10_000 });
    expect(await options.locator('body').innerText()).toContain('kaspersky.com');
    await remove.click();
    await remove.waitFor({ state: 'detached', timeout: 5_000 });

    await store.reload();
    await suite.expectWarning(store);
  });

  it('mode "off" shows no banner and no badge; "warn" brings them back', async () => {
    const options = await suite.open(extensionPage(suite.browser, OPTIONS));
    const off = options.locator('input[name="mode"][value="off"]');
    const warn = options.locator('input[name="mode"][value="warn"]');
    await off.check();
    try {
      expect(await off.isChecked()).toBe(true);
      const store = await suite.open('kaspersky-store');
      await suite.expectNoWarning(store);
    } finally {
      await warn.check();
    }
    expect(await warn.isChecked()).toBe(true);
    const store = await suite.open(suite.server.url('kaspersky-store', { https: true }));
    await suite.expectWarning(store);
  });
});
