/** What the user chose survives a browser restart; what storage holds can be garbage without breaking anything. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server/server.ts';
import { launchWithExtension } from '../../harness/chromium/launch.ts';
import { badgeText, tabIdOf } from '../../harness/chromium/tabs.ts';
import { bannerText, clickBannerButton } from '../../harness/chromium/in-page.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import { WARN_TIMEOUT } from './suite.ts';

const OPTIONS = 'src/ui/options/index.html';

describe('persistence', () => {
  let server: FixtureServer;
  let profile: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    profile = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-persist-'));
  });
  afterAll(async () => {
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('keeps "Don\'t warn me on this site" across a browser restart', async () => {
    const first = await launchWithExtension({ userDataDir: profile });
    try {
      const store = await first.context.newPage();
      await store.goto(server.url('kaspersky-store'));
      await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
      await clickBannerButton(store, 'allow-site');
      await expect.poll(() => bannerText(store), { timeout: 2_000 }).toBeNull();
    } finally {
      await first.close();
    }

    const second = await launchWithExtension({ userDataDir: profile });
    try {
      const options = await second.context.newPage();
      await options.goto(extensionPage(second, OPTIONS));
      await options.getByRole('button', { name: 'Remove kaspersky.com', exact: true }).waitFor({ timeout: 10_000 });
      const store = await second.context.newPage();
      await store.goto(server.url('kaspersky-store'));
      await store.waitForTimeout(1_500);
      expect(await bannerText(store)).toBeNull();
      expect(await badgeText(second.serviceWorker, await tabIdOf(store, second.serviceWorker))).toBe('');
    } finally {
      await second.close();
    }
  });

  it('falls back to defaults on corrupt stored settings, says so in options, and keeps warning', async () => {
    const browser = await launchWithExtension();
    try {
      await browser.serviceWorker.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
          settings: { mode: 'loud', allowedSites: 'not a list' },
        }),
      );
      const options = await browser.context.newPage();
      await options.goto(extensionPage(browser, OPTIONS));
      const notice = options.getByText('Some saved settings could not be read and were reset to their defaults');
      await notice.waitFor({ timeout: 10_000 });
      const text = await options.locator('body').innerText();
      expect(text).toContain('mode');
      expect(text).toContain('allowedSites');
      expect(await options.locator('input[name="mode"][value="warn"]').isChecked()).toBe(true);

      const store = await browser.context.newPage();
      await store.goto(server.url('kaspersky-store'));
      await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    } finally {
      await browser.close();
    }
  });
});
