/**
 * The set-up every Chromium e2e test file shares: one fixture server and one browser with the
 * extension for the suite (the file, or the `describe` it is called in), pages opened by a test
 * closed after it, and everything closed and removed in afterAll even when a test (or beforeAll)
 * failed. Options choose the profile, an organisation policy, the browser's language and the
 * build under test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { bannerText } from '../../harness/chromium/in-page.ts';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/chromium/launch.ts';
import { writeManagedPolicy, type ManagedPolicy, type ManagedPolicyFile } from '../../harness/chromium/managed-policy.ts';
import { badgeText, settle, tabIdOf } from '../../harness/chromium/tabs.ts';
import { extensionPage } from '../../harness/chromium/extension-page.ts';
import type { FixturePageId } from '../../harness/fixture-server/fixture-pages.ts';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server/server.ts';
import { DIST } from '../../harness/paths.ts';

/** How long a warning may take to appear on a flagged page, a busy CI runner included. */
export const WARN_TIMEOUT = 10_000;

/**
 * The managed-policy file of the e2e suites (/etc/chromium/policies/managed/<name>.json). The
 * folder is machine-wide: the name is the suites' own, and the file exists only while a suite
 * that asked for a policy runs.
 */
const POLICY_FILE_NAME = 'vendor-guard-e2e';

export interface ExtensionSuiteOptions {
  /**
   * 'fresh' (the default): every launch gets a new temporary profile, so `restart()` gives a
   * browser that remembers nothing. 'persistent': one temporary profile for the whole suite,
   * kept across `restart()` (what the user chose survives) and deleted after the suite.
   */
  profile?: 'fresh' | 'persistent';
  /**
   * An organisation policy for the extension, as an administrator deploys it: written to
   * /etc/chromium/policies/managed/ before the browser starts, removed after the suite (on
   * failure too). Chromium hands it to the extension seconds after the start.
   */
  policy?: ManagedPolicy;
  /** The browser's language (UI, Accept-Language, i18n.getUILanguage); default en-US. */
  locale?: string;
  /** The unpacked extension to load; default DIST (dist/chrome, or `VENDOR_GUARD_DIST`). */
  dist?: string;
}

export interface OpenOptions {
  /** Open the fixture page over HTTPS. */
  https?: boolean;
  /** Do not fail when the first load is aborted (a redirect to the blocking page does that). */
  allowAbort?: boolean;
}

export interface ExtensionSuite {
  readonly server: FixtureServer;
  /** The browser running now (`restart()` replaces it). */
  readonly browser: ExtensionBrowser;
  /** The suite's profile directory; only with `profile: 'persistent'`. */
  readonly profileDir: string;
  /** A new tab on `target` (a fixture id or an absolute URL), closed after the current test. */
  open(target: FixturePageId | string, options?: OpenOptions): Promise<Page>;
  /** A new tab on one of the extension's pages (e.g. 'src/ui/options/index.html'), closed after the current test. */
  openExtensionPage(pagePath: string): Promise<Page>;
  /**
   * Closes the browser (failing, as every close does, if the extension requested anything but
   * its own files), runs `whileClosed` (to edit the profile, say), and starts it again with the
   * same options. With a 'persistent' profile the new browser starts on the same profile.
   */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** Banner containing "Kaspersky" and a non-empty badge appear on the page. */
  expectWarning(page: Page): Promise<void>;
  /** After the page settles there is no banner host element and the badge is empty. */
  expectNoWarning(page: Page): Promise<void>;
}

export function useExtensionSuite(options: ExtensionSuiteOptions = {}): ExtensionSuite {
  const dist = options.dist ?? DIST;
  let server: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;
  let profileDir: string | undefined;
  let policyFile: ManagedPolicyFile | undefined;
  const pages: Page[] = [];

  const launch = async () => {
    browser = await launchWithExtension({ dist, userDataDir: profileDir, locale: options.locale });
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    if (options.profile === 'persistent') profileDir = await mkdtemp(path.join(os.tmpdir(), 'vendor-guard-suite-profile-'));
    if (options.policy) policyFile = await writeManagedPolicy(options.policy, { name: POLICY_FILE_NAME, dist });
    await launch();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close().catch(() => undefined)));
  });
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      browser = undefined;
      await policyFile?.remove();
      await server?.close();
      if (profileDir !== undefined) await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    }
  });

  const suite: ExtensionSuite = {
    get server() {
      if (!server) throw new Error('The fixture server did not start (see beforeAll).');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not running (see beforeAll, or the last restart).');
      return browser;
    },
    get profileDir() {
      if (profileDir === undefined) throw new Error("profileDir needs useExtensionSuite({ profile: 'persistent' }).");
      return profileDir;
    },
    async open(target, openOptions = {}) {
      const url = /^[a-z-]+:/.test(target) ? target : suite.server.url(target as FixturePageId, openOptions);
      const page = await suite.browser.context.newPage();
      pages.push(page);
      if (openOptions.allowAbort) await page.goto(url).catch(() => undefined);
      else await page.goto(url);
      return page;
    },
    openExtensionPage(pagePath) {
      return suite.open(extensionPage(suite.browser, pagePath));
    },
    async restart(whileClosed) {
      const running = browser;
      browser = undefined;
      await running?.close();
      await whileClosed?.();
      await launch();
    },
    async expectWarning(page) {
      const sw = suite.browser.serviceWorker;
      await expect.poll(() => bannerText(page), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
      const tabId = await tabIdOf(page, sw);
      await expect.poll(() => badgeText(sw, tabId), { timeout: WARN_TIMEOUT }).not.toBe('');
    },
    async expectNoWarning(page) {
      const sw = suite.browser.serviceWorker;
      await settle(page);
      expect(await bannerText(page)).toBeNull();
      expect(await badgeText(sw, await tabIdOf(page, sw))).toBe('');
    },
  };
  return suite;
}

/** Block mode is on once its block rules are in (a managed policy takes seconds to reach the extension). */
export async function waitForBlockRules(sw: Worker): Promise<void> {
  await expect
    .poll(
      () =>
        sw.evaluate(async () => {
          const api = (globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<unknown[]> } } }).chrome;
          return (await api.declarativeNetRequest.getDynamicRules()).length;
        }),
      { timeout: 20_000, interval: 250 },
    )
    .toBeGreaterThan(0);
}
