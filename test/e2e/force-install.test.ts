/**
 * Self-hosted deployment, as an organisation without the Chrome Web Store does it, in real
 * Chromium: `npm run package -- --crx --key … --update-url …` signs a .crx with the
 * organisation's key and prints the id; a machine policy (/etc/chromium/policies/managed/,
 * written for this test and removed after it) force-installs the extension from the update
 * manifest served on 127.0.0.1 over HTTPS and sets block mode; a fresh profile, no
 * --load-extension. Then a newer version on the same update URL is picked up, and what the user
 * chose survives the update.
 */
import { waitForAddress } from '../../harness/chromium/tabs.ts';
import { spawn } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchManagedBrowser, type ManagedBrowser } from '../../harness/chromium/managed-browser.ts';
import { writeChromiumPolicies, type ManagedPolicyFile } from '../../harness/chromium/managed-policy.ts';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server/server.ts';
import { startUpdateServer, type UpdateServer } from '../../harness/fixture-server/update-server.ts';
import { DIST, ROOT } from '../../harness/paths.ts';
import { packCrx, selfHostedChromeManifest } from '../../scripts/packaging/crx.ts';
import { chromeUpdateManifest } from '../../scripts/packaging/update-manifests.ts';
import { CHROME_EXTENSION_ID } from '../../src/core/identity.ts';

const CRX_TYPE = 'application/x-chrome-extension';
const XML_TYPE = 'text/xml; charset=utf-8';

/** `npm run package` with `args`: its exit code and everything it printed. */
function npmRunPackage(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'package', '--', ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

interface ManagementInfo {
  id: string;
  version: string;
  enabled: boolean;
  installType: string;
  mayDisable: boolean;
}

/** chrome.management's view of extension `id` from chrome://extensions, or null while it is not installed. */
function managementInfo(extensions: Page, id: string): Promise<ManagementInfo | null> {
  return extensions.evaluate(
    (wanted) =>
      (globalThis as unknown as { chrome: { management: { get(id: string): Promise<ManagementInfo> } } }).chrome.management
        .get(wanted)
        .catch(() => null),
    id,
  );
}

/** A version Chromium orders after `version` (one more dotted part, or the last part plus one). */
function nextVersion(version: string): string {
  const parts = version.split('.');
  if (parts.length < 4) return `${version}.1`;
  parts[3] = String(Number(parts[3]) + 1);
  return parts.join('.');
}

describe('force-installed from a self-hosted update URL', () => {
  let work: string;
  let updates: UpdateServer;
  let fixtures: FixtureServer;
  let policy: ManagedPolicyFile | undefined;
  let browser: ManagedBrowser | undefined;
  let printedId: string;
  let version: string;
  let keyFile: string;
  let updateUrl: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-force-install-'));
    // The organisation's key, as `openssl genpkey -algorithm RSA` makes it (PKCS#8 PEM).
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keyFile = path.join(work, 'organisation.pem');
    await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    updates = await startUpdateServer();
    updateUrl = `${updates.origin}vendor-guard/updates.xml`;

    const out = path.join(work, 'packages');
    const run = await npmRunPackage(['--out', out, '--crx', '--key', keyFile, '--update-url', updateUrl]);
    expect(run.output, run.output).toMatch(/Extension id \(from organisation\.pem\): [a-p]{32}/);
    expect(run.code).toBe(0);
    printedId = /Extension id \(from organisation\.pem\): ([a-p]{32})/.exec(run.output)![1]!;
    ({ version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string });
    updates.put('/vendor-guard/updates.xml', await readFile(path.join(out, 'updates.xml')), XML_TYPE);
    updates.put(`/vendor-guard/vendor-guard-${version}.crx`, await readFile(path.join(out, `vendor-guard-${version}.crx`)), CRX_TYPE);

    fixtures = await startFixtureServer();
    policy = await writeChromiumPolicies(
      {
        ExtensionInstallForcelist: [`${printedId};${updateUrl}`],
        '3rdparty': { extensions: { [printedId]: { mode: 'block', allowProceed: false } } },
        // Chromium keeps DevTools (and so Playwright) out of policy-installed extensions unless
        // this allows it; the test reads the extension's pages and worker through DevTools.
        DeveloperToolsAvailability: 1,
      },
      'vendor-guard-e2e-force-install',
    );
    browser = await launchManagedBrowser();
    browser.requests.setExtensionId(printedId);
  }, 120_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await policy?.remove();
      await fixtures?.close();
      await updates?.close();
      await rm(work, { recursive: true, force: true });
    }
  });

  it('installs by itself under the id the packager printed, and the user cannot disable it', async () => {
    const extensions = await browser!.extensionsPage();
    await expect.poll(() => managementInfo(extensions, printedId), { timeout: 30_000, interval: 250 }).not.toBeNull();
    const info = (await managementInfo(extensions, printedId))!;
    expect(info).toMatchObject({ id: printedId, version, enabled: true, installType: 'admin', mayDisable: false });
    expect(printedId).not.toBe(CHROME_EXTENSION_ID); // the organisation's key, not the project's
    expect(updates.requested).toContain('/vendor-guard/updates.xml');
    expect(updates.requested).toContain(`/vendor-guard/vendor-guard-${version}.crx`);

    const refused = await extensions.evaluate(
      (id) =>
        (globalThis as unknown as { chrome: { management: { setEnabled(id: string, on: boolean): Promise<void> } } }).chrome.management
          .setEnabled(id, false)
          .then(
            () => 'disabled',
            (error: Error) => error.message,
          ),
      printedId,
    );
    expect(refused).toMatch(/cannot be modified by user/i);
    expect((await managementInfo(extensions, printedId))?.enabled).toBe(true);

    // The id Chromium runs the extension under is the printed one.
    const worker = await browser!.serviceWorker(printedId);
    expect(new URL(worker.url()).host).toBe(printedId);
  });

  it('reads the managed policy set beside it: a Kaspersky store page is blocked', async () => {
    const worker = await browser!.serviceWorker(printedId);
    await expect
      .poll(
        () =>
          worker.evaluate(async () => {
            const api = (globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<unknown[]> } } }).chrome;
            return (await api.declarativeNetRequest.getDynamicRules()).length;
          }),
        { timeout: 20_000, interval: 250 },
      )
      .toBeGreaterThan(0);
    const page = await browser!.context.newPage();
    try {
      await page.goto(fixtures.url('kaspersky-store')).catch(() => undefined); // the redirect aborts the first load
      await waitForAddress(page, (url) => url.startsWith(`chrome-extension://${printedId}/src/ui/blocked/index.html`));
    } finally {
      await page.close();
    }
  });

  it("picks up a newer version from the same update URL, keeping the user's settings; its snippets name its own id", async () => {
    const options = await browser!.context.newPage();
    await options.goto(`chrome-extension://${printedId}/src/ui/options/index.html`);
    const downloadsOff = options.locator('input[name="downloadGuard"][value="off"]');
    await downloadsOff.check();
    await expect.poll(() => options.locator('[role="status"]').first().innerText()).toMatch(/saved/i);
    await options.close();

    // The next version, packed with the same key by the packager's own code, on the same URL.
    const next = nextVersion(version);
    const dir = path.join(work, 'next');
    await cp(DIST, dir, { recursive: true });
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ ...selfHostedChromeManifest(manifest, updateUrl), version: next }));
    const crx = await packCrx({ extensionDir: dir, key: createPrivateKey(await readFile(keyFile, 'utf8')) });
    updates.put(`/vendor-guard/vendor-guard-${next}.crx`, crx, CRX_TYPE);
    const codebase = `${updates.origin}vendor-guard/vendor-guard-${next}.crx`;
    updates.put('/vendor-guard/updates.xml', Buffer.from(chromeUpdateManifest({ id: printedId, version: next, codebase })), XML_TYPE);

    // "Update" on chrome://extensions: an update check now, installed at once.
    const extensions = await browser!.extensionsPage();
    await extensions.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (
            globalThis as unknown as { chrome: { developerPrivate: { autoUpdate(done: () => void): void } } }
          ).chrome.developerPrivate.autoUpdate(resolve),
        ),
    );
    await expect.poll(async () => (await managementInfo(extensions, printedId))?.version, { timeout: 20_000, interval: 250 }).toBe(next);

    const after = await browser!.context.newPage();
    try {
      await after.goto(`chrome-extension://${printedId}/src/ui/options/index.html`);
      await after.locator('input[name="downloadGuard"]').first().waitFor({ timeout: 10_000 });
      expect(await after.locator('input[name="downloadGuard"][value="off"]').isChecked()).toBe(true);
      expect(await after.locator('input[name="mode"][value="block"]').isChecked()).toBe(true);
      await after.locator('details.snippets > summary').click();
      const linux = (await after.locator('#snippet-chromium-linux').textContent()) ?? '';
      expect(Object.keys((JSON.parse(linux) as { '3rdparty': { extensions: object } })['3rdparty'].extensions)).toEqual([printedId]);
    } finally {
      await after.close();
    }
  });
});
