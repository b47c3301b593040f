/**
 * "Check every shopping and download site" in real Chromium: the optional "*://*\/*" site
 * permission, the content script registered for every site, and the organisation's policy, on a
 * small shop outside the retailer list (www.corner-software-shop.example) that sells Kaspersky.
 *
 * The one step a test cannot take is the user's click on Chromium's own permission dialog:
 * `permissions.request` opens a native dialog Playwright cannot reach, and no command-line
 * switch answers it (`--apps-gallery-install-auto-confirm-for-tests=accept` was tried: the
 * request stays pending). So the first part shows that clicking the switch does open that dialog
 * and that nothing is granted or registered while it is unanswered. The approval is then written
 * where Chromium keeps approvals the user gave (the profile's `granted_permissions` and
 * `runtime_granted_permissions`), with the browser closed. A request for a permission the user
 * already approved is granted without a dialog (as after the user turned the feature off and on
 * again), so from there on the real switch, the real `permissions.request`, registration and
 * release all run as they would for a user. The build under test is the shipping build.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../harness/paths.ts';
import { badgeText, settle, tabIdOf } from '../../harness/chromium/tabs.ts';
import { bannerCount, bannerText, contentScriptInjected } from '../../harness/chromium/in-page.ts';
import { stopServiceWorker } from '../../harness/chromium/service-worker.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const OPTIONS = 'src/ui/options/index.html';
const POPUP = 'src/ui/popup/index.html';
const ALL_SITES = '*://*/*';
const SHOP = 'small-shop-kaspersky';

interface Registered {
  id: string;
  js?: string[];
  matches?: string[];
  excludeMatches?: string[];
}

interface ChromeOnPage {
  chrome: {
    permissions: { contains(p: { origins: string[] }): Promise<boolean> };
    scripting: {
      getRegisteredContentScripts(): Promise<Registered[]>;
      unregisterContentScripts(filter?: { ids: string[] }): Promise<void>;
    };
    runtime: { getManifest(): { content_scripts?: { js?: string[]; matches?: string[] }[] } };
    storage: { local: { remove(key: string): Promise<void> } };
  };
}

interface ChromeExtensionsPage {
  chrome: { developerPrivate: { removeHostPermission(id: string, host: string): Promise<void> } };
}

describe('checking every shopping and download site', () => {
  // One profile for the whole file: the user's approval and choices carry over restarts.
  const suite = useExtensionSuite({ profile: 'persistent' });
  const open = (url: string) => suite.open(url);
  /** The extension's options page, where the permission and the registration are read too. */
  const options = () => suite.openExtensionPage(OPTIONS);
  const granted = (page: Page) =>
    page.evaluate((origin) => (globalThis as unknown as ChromeOnPage).chrome.permissions.contains({ origins: [origin] }), ALL_SITES);
  const registered = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as ChromeOnPage).chrome.scripting.getRegisteredContentScripts());
  const manifestScript = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as ChromeOnPage).chrome.runtime.getManifest().content_scripts?.[0] ?? {});
  const scanSwitch = (page: Page) => page.getByRole('switch', { name: 'Check every site I open' });
  const scanStatus = (page: Page) => page.locator('.scan-status');

  /** The worker as it runs now (a restart or a stop replaces it). */
  const worker = async (context: BrowserContext): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${suite.browser.extensionId}/`)) ??
    context.waitForEvent('serviceworker', { timeout: 10_000 });

  /** Banner and badge on the page. The page is closed afterwards: tabIdOf needs one tab per URL. */
  const expectWarned = async (page: Page) => {
    await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    const sw = await worker(page.context());
    const tabId = await tabIdOf(page, sw);
    await expect.poll(() => badgeText(sw, tabId), { timeout: WARN_TIMEOUT }).not.toBe('');
    await page.close();
  };
  /** No content script, no banner, no badge. The page is closed afterwards. */
  const expectUntouched = async (page: Page) => {
    await settle(page);
    expect(await contentScriptInjected(page)).toBe(false);
    expect(await bannerText(page)).toBeNull();
    const sw = await worker(page.context());
    expect(await badgeText(sw, await tabIdOf(page, sw))).toBe('');
    await page.close();
  };

  it("is off by default: the shop outside the retailer list gets no content script; the switch opens the browser's permission dialog", async () => {
    const manifest = JSON.parse(await readFile(path.join(DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['optional_host_permissions']).toEqual([ALL_SITES]);
    expect(manifest['host_permissions']).not.toContain(ALL_SITES);

    await expectUntouched(await open(suite.server.url(SHOP)));

    const page = await options();
    const toggle = scanSwitch(page);
    await toggle.waitFor();
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    expect(await page.locator('#scan-privacy').innerText()).toContain('nothing about the pages you visit leaves your browser');
    expect(await registered(page)).toEqual([]);

    // Chromium's dialog opens and stays unanswered: nothing is granted, registered or shown as on.
    await toggle.click();
    await page.waitForTimeout(1_500);
    expect(await granted(page)).toBe(false);
    expect(await registered(page)).toEqual([]);
    expect(await toggle.isChecked()).toBe(false);
    expect(await toggle.isDisabled()).toBe(true); // waiting for the dialog's answer
  });

  it('turns on from the keyboard once the user approved the permission, and the shop gets the warning', async () => {
    await suite.restart(() => approveInProfile(suite.profileDir));

    // The approval alone turns nothing on.
    const page = await options();
    const toggle = scanSwitch(page);
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    expect(await granted(page)).toBe(false);
    expect(await registered(page)).toEqual([]);

    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    // The switch turns before the status line is written: wait for the line.
    await expect.poll(() => scanStatus(page).innerText()).toBe('Vendor Guard now checks every site you open.');
    expect(await granted(page)).toBe(true);

    // The same files as the manifest's content script, on every site but the ones it covers.
    const manifest = await manifestScript(page);
    const scripts = await registered(page);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({ id: 'vendor-guard-all-sites', js: manifest.js, matches: [ALL_SITES] });
    expect([...(scripts[0]?.excludeMatches ?? [])].sort()).toEqual([...(manifest.matches ?? [])].sort());

    const shop = await open(suite.server.url(SHOP));
    expect(await contentScriptInjected(shop)).toBe(true);
    await expectWarned(shop);

    // A listed retailer still gets the script once: one banner, not two.
    const amazon = await open(suite.server.url('amazon-kaspersky'));
    await expect.poll(() => bannerText(amazon), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await amazon.waitForTimeout(1_000);
    expect(await bannerCount(amazon)).toBe(1);

    // An unrelated site now gets the script too, and no warning.
    const unrelated = await open(suite.server.url('example-org'));
    await settle(unrelated);
    expect(await contentScriptInjected(unrelated)).toBe(true);
    expect(await bannerText(unrelated)).toBeNull();
  });

  it('survives a worker restart (the worker puts back a registration it finds missing) and a browser restart', async () => {
    const page = await options();
    await stopServiceWorker(suite.browser.context, page);
    await page.evaluate(() =>
      (globalThis as unknown as ChromeOnPage).chrome.scripting.unregisterContentScripts({ ids: ['vendor-guard-all-sites'] }),
    );
    expect(await registered(page)).toEqual([]);
    // Any navigation wakes the worker; at start it checks the registration against the permission.
    await open(suite.server.url('example-org'));
    await expect.poll(() => registered(page).then((scripts) => scripts.length), { timeout: 10_000 }).toBe(1);
    await expectWarned(await open(suite.server.url(SHOP)));

    await suite.restart();
    const after = await options();
    await expect.poll(() => scanSwitch(after).isChecked()).toBe(true);
    await expect.poll(() => registered(after).then((scripts) => scripts.length), { timeout: 10_000 }).toBe(1);
    await expectWarned(await open(suite.server.url(SHOP)));
  });

  it('turns off with the switch: the script is unregistered and the permission released', async () => {
    const page = await options();
    const toggle = scanSwitch(page);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await expect
      .poll(() => scanStatus(page).innerText())
      .toBe('Vendor Guard no longer checks every site, and has given the permission back.');
    expect(await granted(page)).toBe(false);
    expect(await registered(page)).toEqual([]);
    await expectUntouched(await open(suite.server.url(SHOP)));
  });

  it('organisation policy: true asks the user (options and popup) and locks it on once allowed; false releases the permission and locks it off', async () => {
    const page = await options();
    await importProfile(page, { scanAllSites: true });
    const allow = page.getByRole('button', { name: 'Allow checking every site' });
    await allow.waitFor({ timeout: 10_000 });
    expect(
      await page.getByText('Your organisation asks you to allow Vendor Guard to check every shopping and download site.').count(),
    ).toBe(1);
    expect(await scanSwitch(page).count()).toBe(0);

    const popup = await suite.openExtensionPage(POPUP);
    await popup.getByRole('button', { name: 'Allow checking every site' }).waitFor({ timeout: 10_000 });

    await page.bringToFront();
    await allow.click();
    const toggle = scanSwitch(page);
    await expect.poll(() => toggle.isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await toggle.isDisabled()).toBe(true);
    expect(await page.locator('#scan-locked').innerText()).toContain('Set by your organisation');
    expect(await granted(page)).toBe(true);
    await expect.poll(() => registered(page).then((scripts) => scripts.length), { timeout: 10_000 }).toBe(1);
    await expectWarned(await open(suite.server.url(SHOP)));

    // false: the background gives the permission back and takes the script away.
    await importProfile(page, { scanAllSites: false });
    await expect.poll(() => granted(page), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => registered(page).then((scripts) => scripts.length)).toBe(0);
    await expect.poll(() => page.locator('#scan-locked').innerText()).toContain('Your organisation has turned this off.');
    expect(await toggle.isChecked()).toBe(false);
    expect(await toggle.isDisabled()).toBe(true);
    await expectUntouched(await open(suite.server.url(SHOP)));

    await page.evaluate(() => (globalThis as unknown as ChromeOnPage).chrome.storage.local.remove('importedPolicy'));
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
  });

  it("notices when the user takes the permission back in the browser's own settings", async () => {
    const page = await options();
    await page.evaluate(() => (globalThis as unknown as ChromeOnPage).chrome.storage.local.remove('importedPolicy'));
    const toggle = scanSwitch(page);
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    // The switch shows the permission; the background registers the script just after it.
    await expect.poll(() => registered(page).then((scripts) => scripts.length), { timeout: 10_000 }).toBe(1);

    // chrome://extensions, the page where users remove an extension's site access.
    const extensions = await open(`chrome://extensions/?id=${suite.browser.extensionId}`);
    await extensions.evaluate(
      ([id, host]) => (globalThis as unknown as ChromeExtensionsPage).chrome.developerPrivate.removeHostPermission(id, host),
      [suite.browser.extensionId, ALL_SITES] as const,
    );
    await page.bringToFront();
    await expect.poll(() => toggle.isChecked(), { timeout: 10_000 }).toBe(false);
    expect(await granted(page)).toBe(false);
    await expect.poll(() => registered(page).then((scripts) => scripts.length), { timeout: 10_000 }).toBe(0);
    await expectUntouched(await open(suite.server.url(SHOP)));
  });
});

/** Imports an organisation profile through the options page's own file input. */
async function importProfile(page: Page, policy: Record<string, unknown>): Promise<void> {
  await page.locator('[data-testid="profile-file"]').setInputFiles({
    name: 'profile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(policy)),
  });
}

/**
 * Writes, with the browser closed, the record Chromium keeps once the user approved the
 * optional all-sites permission: it is in the approved sets, not (yet) in the active one.
 */
async function approveInProfile(profile: string): Promise<void> {
  const file = path.join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(await readFile(file, 'utf8')) as {
    extensions: { settings: Record<string, Record<string, { explicit_host?: string[] } | undefined> & { location?: number }> };
  };
  const entries = Object.values(prefs.extensions.settings).filter((settings) => settings.location === 8); // loaded from the command line
  if (entries.length !== 1) throw new Error(`expected one unpacked extension in the profile, found ${entries.length}`);
  const settings = entries[0]!;
  const approve = (key: string) => {
    const set = (settings[key] ??= { explicit_host: [] }) as {
      explicit_host?: string[];
      api?: string[];
      manifest_permissions?: string[];
      scriptable_host?: string[];
    };
    set.api ??= [];
    set.manifest_permissions ??= [];
    set.scriptable_host ??= [];
    set.explicit_host = [...new Set([...(set.explicit_host ?? []), ALL_SITES])];
  };
  approve('granted_permissions');
  approve('runtime_granted_permissions');
  await writeFile(file, JSON.stringify(prefs));
}
