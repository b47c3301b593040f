/**
 * Corrupt storage: garbage in every storage area the extension uses (storage.local: settings,
 * the imported organisation profile, the managed-policy cache, stray keys; storage.session: tab
 * records and session lists). The extension starts with the defaults for what is broken, shows
 * the problems in options, keeps every valid field, and keeps warning without an uncaught error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bannerText } from '../../harness/chromium/in-page.ts';
import { ExtensionPage } from '../../harness/chromium/extension-page.ts';
import { stopServiceWorker, WorkerDebugger } from '../../harness/chromium/service-worker.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';
import type { OptionsState } from '../../src/platform/messages.ts';

const OPTIONS = 'src/ui/options/index.html';

const GARBAGE_LOCAL = {
  // Invalid mode and site list, valid download guard.
  settings: { mode: 'loud', downloadGuard: 'block', allowedSites: ['amazon.com', 7], extra: { nested: true } },
  // Invalid mode and blocked domains; a valid organisation name and exempt list.
  importedPolicy: {
    mode: 'loud',
    blockedDomains: 'not a list',
    organizationName: 'Example Corp',
    exemptDomains: ['kaspersky.co.uk'],
    bogus: 1,
  },
  // A managed-policy cache whose problem list is not a list of problems, with one entry as an
  // older version wrote it (English text, no code): left out, like the rest.
  managedPolicy: {
    policy: 'nonsense',
    problems: [
      null,
      3,
      'text',
      { path: 7 },
      { path: 'supportUrl', message: 'must be a URL starting with https:// or http://', fallback: 'ignored' },
    ],
  },
  'tab:12': 'stray',
  unrelated: [1, 2, 3],
};

const garbageSession = (tabId: number) => ({
  [`tab:${tabId}`]: 'garbage',
  'tab:999999': { url: 5, verdict: 'x', dismissed: 'no' },
  proceededHosts: 'not a list',
  guardedDownloads: { a: 1 },
});

describe('corrupt storage', () => {
  const suite = useExtensionSuite();
  let ext: ExtensionPage;

  beforeAll(async () => {
    ext = await ExtensionPage.open(suite.browser);
  });

  const open = (url: string) => suite.open(url);

  it('starts with defaults for what is broken, shows it in options, keeps what is valid, and keeps warning', async () => {
    const { browser, server } = suite;
    // A single-page app listing (nothing flagged yet) whose tab record is about to be garbage.
    const spa = await open(server.url('bestbuy-spa'));
    const spaTab = await ext.tabIdOf(spa.url());
    await spa.waitForTimeout(1_000);

    await ext.setStorage('local', GARBAGE_LOCAL);
    await ext.setStorage('session', garbageSession(spaTab));
    // A fresh worker reads everything from the garbage.
    await stopServiceWorker(browser.context, ext.page);
    await ext.page.reload();
    const worker = await WorkerDebugger.attach(browser.context);

    // Options: every problem listed, every valid value kept.
    const state = await ext.send<OptionsState>({ type: 'get-options-state' });
    expect(state.settingsProblems.map((problem) => problem.path).sort()).toEqual(['allowedSites', 'mode']);
    expect(state.settings).toMatchObject({ mode: 'warn', downloadGuard: 'block', allowedSites: [] });
    expect(state.effective).toMatchObject({ organizationName: 'Example Corp', exemptDomains: ['kaspersky.co.uk'], blockedDomains: [] });
    const problemPaths = state.policyProblems.map((problem) => problem.path);
    expect(problemPaths).toEqual(expect.arrayContaining(['mode', 'blockedDomains', 'bogus']));
    expect(problemPaths).not.toContain('supportUrl');
    for (const problem of state.policyProblems) {
      expect(typeof problem.path).toBe('string');
      expect(typeof problem.code).toBe('string');
      expect(Array.isArray(problem.values)).toBe(true);
    }

    const options = await open(`chrome-extension://${browser.extensionId}/${OPTIONS}`);
    await options.getByText('Some saved settings could not be read and were reset to their defaults').waitFor({ timeout: 10_000 });
    await options.getByRole('heading', { name: 'Policy problems' }).waitFor({ timeout: 10_000 });
    const text = await options.locator('body').innerText();
    for (const key of ['mode', 'allowedSites', 'blockedDomains']) expect(text).toContain(key);
    // In words from _locales: the codes the background sent have their messages.
    expect(text).toContain('mode: must be "off", "warn" or "block"');
    expect(text).toContain('is not a Vendor Guard policy key');
    expect(await options.locator('input[name="mode"][value="warn"]').isChecked()).toBe(true);

    // Still warning, under the valid part of the policy.
    const store = await open(server.url('kaspersky-store'));
    await expect.poll(() => bannerText(store), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    const uk = await open(server.url('kaspersky-uk-product'));
    await uk.waitForTimeout(1_500);
    expect(await bannerText(uk)).toBeNull();

    // The tab whose record was garbage: an in-page navigation to a Kaspersky listing is classified.
    await spa
      .getByRole('link', { name: /Kaspersky Premium/ })
      .first()
      .click();
    await expect.poll(() => bannerText(spa), { timeout: WARN_TIMEOUT }).toContain('Kaspersky');
    await expect.poll(() => ext.badgeText(spaTab), { timeout: WARN_TIMEOUT }).not.toBe('');
    expect((await ext.tabState(spaTab))?.decision.verdict.kind).toBe('purchase');

    expect(worker.exceptions, 'uncaught errors in the service worker').toEqual([]);
    await worker.detach();
  }, 90_000);
});
