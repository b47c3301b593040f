/**
 * Privacy proof: Vendor Guard makes no network requests of its own.
 *
 * Every e2e test checks the extension's service worker and pages when its browser closes
 * (privacy-recorder.ts, via launchWithExtension). This file adds what the other tests cannot:
 * positive controls that show the recorder sees the worker's and the pages' requests at all, a
 * tour of every fixture page and every extension page with their actions, content-script
 * requests attributed through CDP initiator stacks, and the manifest's permissions checked
 * against what the README justifies.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_HOSTS, FIXTURE_PAGES } from '../../harness/fixture-server/fixture-pages.ts';
import { DIST } from '../../harness/paths.ts';
import { isBlockingPage, settle, tabIdOf, waitForAddress } from '../../harness/chromium/tabs.ts';
import { bannerText, clickBannerButton } from '../../harness/chromium/in-page.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suite = useExtensionSuite();

interface WebRequest {
  url: string;
  /** Script URLs on the initiator's stack (async parents included). */
  initiators: string[];
}

/** Opens a page with CDP network events recorded from its first request on. */
async function openRecorded(target: string): Promise<{ page: Page; requests: WebRequest[]; session: CDPSession }> {
  const page = await suite.browser.context.newPage();
  const session = await suite.browser.context.newCDPSession(page);
  const requests: WebRequest[] = [];
  session.on('Network.requestWillBeSent', ({ request, initiator }) => {
    const urls: string[] = [];
    if (initiator.url) urls.push(initiator.url);
    for (let stack = initiator.stack; stack; stack = stack.parent) for (const frame of stack.callFrames) urls.push(frame.url);
    requests.push({ url: request.url, initiators: urls.filter(Boolean) });
  });
  await session.send('Network.enable');
  await page.goto(target).catch(() => undefined); // a redirect to the blocking page may abort the first load
  return { page, requests, session };
}

describe('privacy', () => {
  it('the recorder sees requests of the service worker and of extension pages (positive controls)', async () => {
    const { browser, server } = suite;
    const probe = (who: string) => `${server.url('example-org')}?privacy-probe=${who}`;
    browser.requests.allow((request) => request.url.includes('privacy-probe='));

    await browser.serviceWorker.evaluate(
      (url) =>
        fetch(url).then(
          () => undefined,
          () => undefined,
        ),
      probe('worker'),
    );
    const options = await suite.open(extensionPage(browser, 'src/ui/options/index.html'));
    await options.evaluate(
      (url) =>
        fetch(url).then(
          () => undefined,
          () => undefined,
        ),
      probe('page'),
    );

    await expect
      .poll(() =>
        browser.requests
          .fromExtension()
          .filter((r) => r.url.includes('privacy-probe='))
          .map((r) => browser.requests.sourceOf(r))
          .sort(),
      )
      .toEqual(['extension-page', 'service-worker']);
    // Allowed only because the test made them: without that they would be reported.
    expect(browser.requests.leaks()).toEqual([]);
  });

  it("a tour of every fixture page and every extension page and action makes no request but for the extension's own files", async () => {
    const { browser, server } = suite;
    const web: WebRequest[] = [];
    const sessions: CDPSession[] = [];
    const visit = async (target: string) => {
      const recorded = await openRecorded(target);
      web.push(...recorded.requests);
      sessions.push(recorded.session);
      return recorded.page;
    };
    const extensionRequestsBefore = browser.requests.fromExtension().length;

    // Every fixture page (and one over HTTPS), side by side, with time for the extension to act on each.
    const tabs = await Promise.all(
      [...FIXTURE_PAGES.map((fixture) => server.url(fixture.id)), server.url('kaspersky-uk-product', { https: true })].map(visit),
    );
    await Promise.all(tabs.map(settle));
    await Promise.all(tabs.map((tab) => tab.close()));

    // The banner and its actions.
    const store = await visit(server.url('kaspersky-store'));
    await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await clickBannerButton(store, 'why');
    await clickBannerButton(store, 'alternatives');
    await clickBannerButton(store, 'dismiss');
    await expect.poll(() => bannerText(store), { timeout: 2_000 }).toBeNull();

    // The popup for that tab.
    const tabId = await tabIdOf(store, browser.serviceWorker);
    const popup = await visit(extensionPage(browser, `src/ui/popup/index.html?tab=${tabId}`));
    await popup.getByText('89 FR 52434').first().waitFor({ timeout: 10_000 });

    // The options page: import a profile, export it, open the snippets, switch to block mode.
    const options = await visit(extensionPage(browser, 'src/ui/options/index.html'));
    await options.locator('[data-testid="profile-file"]').setInputFiles(path.join(ROOT, 'docs/policies/warn-with-contact.json'));
    await options.getByText('Example Corp IT').first().waitFor({ timeout: 10_000 });
    const download = options.waitForEvent('download');
    await options.getByRole('link', { name: /export profile/i }).click();
    await (await download).cancel();
    await options.locator('details.snippets > summary').click();
    await options.getByRole('button', { name: /remove imported profile/i }).click();
    await options.locator('input[name="mode"][value="block"]').check();

    // The blocking page, its details, and Proceed.
    const blocked = await visit(server.url('kaspersky-download'));
    await waitForAddress(blocked, isBlockingPage);
    await blocked.getByRole('button', { name: /details/i }).click();
    await blocked.getByRole('button', { name: /proceed/i }).click();
    await waitForAddress(blocked, (url) => url === server.url('kaspersky-download'));
    await options.locator('input[name="mode"][value="warn"]').check();
    await options.waitForTimeout(500);

    await Promise.all(sessions.map((session) => session.detach().catch(() => undefined)));

    // The service worker and the extension pages fetched their own files and nothing else.
    const fromExtension = browser.requests.fromExtension().slice(extensionRequestsBefore);
    expect(fromExtension.length).toBeGreaterThan(10);
    expect(browser.requests.leaks()).toEqual([]);

    // Content scripts: every request with the extension's code on its initiator stack is for
    // the extension's own files (the content script loading its chunks), and there are such
    // requests, so the attribution works.
    const origin = `chrome-extension://${browser.extensionId}/`;
    const byExtension = web.filter((r) => r.initiators.some((url) => url.startsWith(origin)));
    expect(byExtension.length).toBeGreaterThan(0);
    expect(byExtension.filter((r) => !r.url.startsWith(origin))).toEqual([]);

    // And nothing in the tour left for a host other than the fixture server's.
    const fixtureHosts = new Set(FIXTURE_HOSTS);
    const elsewhere = web
      .map((r) => r.url)
      .filter((url) => !url.startsWith('chrome-extension://') && !url.startsWith('data:') && !url.startsWith('blob:'))
      .filter((url) => !fixtureHosts.has(new URL(url).hostname));
    expect(elsewhere).toEqual([]);
  }, 120_000);
});

describe('permissions', () => {
  // The Chrome build under test (VENDOR_GUARD_DIST, see harness/paths.ts) and dist/firefox.
  const manifestOf = (dir: string) =>
    JSON.parse(
      readFileSync(dir === 'chrome' ? path.join(DIST, 'manifest.json') : path.join(ROOT, 'dist', dir, 'manifest.json'), 'utf8'),
    ) as Record<string, unknown>;

  it('are the ones the features need, the same in both builds, and each is explained in the README', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const expected = ['declarativeNetRequest', 'downloads', 'notifications', 'scripting', 'storage', 'webNavigation'];
    for (const build of ['chrome', 'firefox']) {
      const manifest = manifestOf(build);
      expect([...(manifest['permissions'] as string[])].sort(), build).toEqual(expected);
      expect(manifest['optional_permissions'], build).toBeUndefined();
      // Every site only on request, for "check every shopping and download site" (off by default).
      expect(manifest['optional_host_permissions'], build).toEqual(['*://*/*']);
      const hosts = manifest['host_permissions'] as string[];
      // Site access only where the content script runs: no <all_urls>, no wildcard scheme hosts.
      const matches = (manifest['content_scripts'] as { matches: string[] }[]).flatMap((script) => script.matches);
      expect(hosts, build).toEqual(matches);
      expect(
        hosts.some((host) => /<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\//.test(host)),
        build,
      ).toBe(false);
      // Sites cannot probe for the extension: only the blocking page is web-accessible, under an
      // address they cannot guess (Chrome: per session; Firefox: moz-extension ids are random per
      // install), and the content script is one file that loads nothing from the extension.
      const blockedPage = { matches: ['<all_urls>'], resources: ['src/ui/blocked/index.html'] };
      expect(manifest['web_accessible_resources'], build).toEqual([
        build === 'chrome' ? { ...blockedPage, use_dynamic_url: true } : blockedPage,
      ]);
      const scripts = (manifest['content_scripts'] as { js: string[] }[]).flatMap((script) => script.js);
      expect(scripts, build).toEqual(['content.js']);
      const code = readFileSync(path.join(build === 'chrome' ? DIST : path.join(ROOT, 'dist', build), 'content.js'), 'utf8');
      expect(code, build).not.toMatch(/\bimport\s*\(|getURL\(/);
    }
    const section = readme.slice(readme.indexOf('## Permissions'));
    expect(section.length).toBeGreaterThan(100);
    for (const permission of expected) expect(section, permission).toContain(`\`${permission}\``);
    expect(section).toMatch(/site access/i);
    expect(section).toContain('`optional_host_permissions`');
  });
});
