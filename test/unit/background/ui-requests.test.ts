import { describe, expect, it } from 'vitest';
import {
  blockInfo,
  clearImportedPolicy,
  importPolicy,
  optionsState,
  proceed,
  saveSettings,
  tabState,
} from '../../../src/background/ui-requests.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import type { Settings } from '../../../src/core/policy/settings.ts';
import { pageSignals } from '../../../src/background/page-reports.ts';
import { BLOCKED_PAGE, contentSender, EXTENSION_ID, fakeBrowser, signals } from './fakes.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';

const STORE = 'https://usa.kaspersky.com/premium';

describe('UI requests: the popup and the blocking page', () => {
  it("answers a tab's state, with the user's choices in the decision", async () => {
    const fake = fakeBrowser({ policy: { mode: 'block' } });
    expect(await tabState(fake.worker, 1)).toBeNull();
    fake.tabRecords.set(1, { url: STORE, site: 'kaspersky.com', verdict: classifyUrl(STORE), dismissed: false });
    expect(await tabState(fake.worker, 1)).toMatchObject({
      url: STORE,
      site: 'kaspersky.com',
      decision: { block: true },
      vendor: { name: 'Kaspersky' },
    });
    fake.lists.set('proceededHosts', ['usa.kaspersky.com']);
    expect(await tabState(fake.worker, 1)).toMatchObject({ decision: { block: false, banner: true } });
  });

  it('tells the blocking page what was blocked and what the organisation allows', async () => {
    const fake = fakeBrowser({ policy: { organizationName: 'Example Agency', supportEmail: 'it@example.gov', allowProceed: false } });
    expect(await blockInfo(fake.worker, STORE)).toEqual({
      url: STORE,
      site: 'kaspersky.com',
      verdict: classifyUrl(STORE),
      vendor: expect.objectContaining({ name: 'Kaspersky' }),
      level: 'warning',
      organization: { name: 'Example Agency', message: '', supportUrl: '', supportEmail: 'it@example.gov' },
      allowProceed: false,
      // "Don't warn me again" only comes with "Proceed".
      allowUserAllowlist: false,
    });
    expect(await blockInfo(fakeBrowser().worker, 'not a url')).toMatchObject({
      site: '',
      verdict: { reasons: ['invalid-url'] },
      vendor: null,
      allowProceed: true,
      allowUserAllowlist: true,
    });
  });

  it("gives the vendor's level for this reader: a maker is a notice to a private reader, a warning to a federal contractor", async () => {
    const dji = 'https://store.dji.com/product/dji-mini-4-pro';
    expect((await blockInfo(fakeBrowser({ browserRegion: 'US' }).worker, dji)).level).toBe('notice');
    const hikvision = 'https://www.hikvision.com/en/products/IP-Products/Network-Cameras/';
    expect((await blockInfo(fakeBrowser({ browserRegion: 'US' }).worker, hikvision)).level).toBe('notice');
    const contractor = fakeBrowser({ browserRegion: 'US', policy: { audience: 'federal_contractor' } });
    expect((await blockInfo(contractor.worker, hikvision)).level).toBe('warning');
  });

  it('names the vendor of a page blocked for its content, which its address alone does not flag', async () => {
    const listing = 'https://www.walmart.com/ip/123456';
    const fake = fakeBrowser({ policy: { mode: 'block' } });
    const product = signals(listing, {
      title: 'Security software - Walmart.com',
      products: [{ name: 'Total Security 5 Devices', brand: 'Kaspersky', software: false, offer: 'paid', downloadable: false }],
    });
    expect((await blockInfo(fake.worker, listing)).vendor).toBeNull();
    await pageSignals(fake.worker, { type: 'page-signals', signals: product }, contentSender(1, listing));
    expect(fake.navigated).toEqual([{ tabId: 1, url: `${BLOCKED_PAGE}?replaced=1#${listing}` }]);
    const info = await blockInfo(fake.worker, listing);
    expect(info.verdict).toMatchObject({ vendor: 'kaspersky', kind: 'purchase', reasons: ['page-product-data'], rule: 'page-content' });
    expect(info.vendor?.name).toBe('Kaspersky');
    // Another address, or an entry that is not the worker's, tells nothing.
    fake.lists.set('blockedPages', [
      ...(fake.lists.get('blockedPages') ?? []),
      'not json',
      JSON.stringify({ url: listing, verdict: { vendor: 7 } }),
    ]);
    expect((await blockInfo(fake.worker, 'https://www.walmart.com/ip/999')).vendor).toBeNull();
    expect((await blockInfo(fake.worker, listing)).vendor?.name).toBe('Kaspersky');
    fake.lists.set('blockedPages', [JSON.stringify({ url: listing, verdict: { vendor: 'kaspersky', kind: 'none', reasons: 'x' } })]);
    expect((await blockInfo(fake.worker, listing)).vendor).toBeNull();
  });

  it('lets the user proceed for the session, and remembers the site only when asked and allowed', async () => {
    const fake = fakeBrowser();
    expect(await proceed(fake.worker, STORE, false)).toEqual({ ok: true });
    expect(fake.lists.get('proceededHosts')).toEqual(['usa.kaspersky.com']);
    expect(fake.allowedHosts).toEqual(['usa.kaspersky.com']);
    expect(fake.savedUser).toEqual([]);
    await proceed(fake.worker, STORE, true);
    expect(fake.savedUser.map((settings) => settings.allowedSites)).toEqual([['kaspersky.com']]);

    const noAllowlist = fakeBrowser({ policy: { allowUserAllowlist: false } });
    expect(await proceed(noAllowlist.worker, STORE, true)).toEqual({ ok: true });
    expect(noAllowlist.savedUser).toEqual([]);
  });

  it('refuses to proceed where the organisation forbids it, or to no host', async () => {
    const fake = fakeBrowser({ policy: { allowProceed: false } });
    expect(await proceed(fake.worker, STORE, true)).toEqual({ ok: false });
    expect(await proceed(fakeBrowser().worker, 'not a url', false)).toEqual({ ok: false });
    expect(fake.lists.size).toBe(0);
    expect(fake.allowedHosts).toEqual([]);
    expect(fake.savedUser).toEqual([]);
  });
});

describe('UI requests: the options page', () => {
  it('answers the settings, what applies, what is locked and the block rules', async () => {
    const fake = fakeBrowser({ user: { allowedSites: ['amazon.com'] }, policy: { mode: 'block' } });
    const state = await optionsState(fake.worker);
    expect(state).toMatchObject({
      settings: { mode: 'warn', allowedSites: ['amazon.com'] },
      effective: { mode: 'block', allowedSites: ['amazon.com'] },
      locked: ['mode'],
      importedPolicy: null,
      managedPolicy: { mode: 'block' },
      extensionId: EXTENSION_ID,
      blockRules: { overLimit: [] },
    });
    expect(state.blockRules.counts.rules).toBeGreaterThan(0);
    expect(Object.keys(state)).not.toContain('rules');
  });

  it('saves valid settings and answers with them', async () => {
    const fake = fakeBrowser();
    await optionsState(fake.worker);
    const next: Settings = { ...DEFAULT_SETTINGS, mode: 'block', downloadGuard: 'off', allowedSites: ['Amazon.com '] };
    const state = await saveSettings(fake.worker, next);
    expect(fake.savedUser).toEqual([{ ...DEFAULT_SETTINGS, mode: 'block', downloadGuard: 'off', allowedSites: ['amazon.com'] }]);
    // Answered from a fresh read: the storage change event may not have arrived yet.
    expect(state.effective).toMatchObject({ mode: 'block', downloadGuard: 'off' });
    expect(fake.loads).toBe(2);
  });

  it('saves nothing when the settings have problems, and answers with what is stored', async () => {
    const fake = fakeBrowser({ user: { mode: 'warn' } });
    const state = await saveSettings(fake.worker, { mode: 'loud', downloadGuard: 'off', allowedSites: [] } as unknown as Settings);
    expect(fake.savedUser).toEqual([]);
    expect(state.settings).toMatchObject({ mode: 'warn', downloadGuard: 'warn' });
  });

  it('imports a valid organisation profile and answers with the state under it', async () => {
    const fake = fakeBrowser();
    const answer = await importPolicy(fake.worker, JSON.stringify({ mode: 'block', organizationName: 'Example Agency' }));
    expect(fake.savedImported).toEqual([{ mode: 'block', organizationName: 'Example Agency' }]);
    expect(answer.ok).toBe(true);
    expect(answer.ok && answer.state).toMatchObject({
      importedPolicy: { mode: 'block' },
      effective: { mode: 'block' },
      locked: expect.arrayContaining(['mode', 'organizationName']),
    });
  });

  it('imports nothing from a file with problems, and lists them', async () => {
    const fake = fakeBrowser();
    const answer = await importPolicy(fake.worker, '{ "mode": "loud" }');
    expect(fake.savedImported).toEqual([]);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.problems).toEqual([expect.objectContaining({ path: 'mode', fallback: 'not_imported' })]);
    const notJson = await importPolicy(fake.worker, 'mode: block');
    expect(!notJson.ok && notJson.problems.map(({ code }) => code)).toEqual([expect.stringMatching(/^not_json/)]);
  });

  it('clears the imported profile', async () => {
    const fake = fakeBrowser();
    await importPolicy(fake.worker, JSON.stringify({ mode: 'block' }));
    const state = await clearImportedPolicy(fake.worker);
    expect(fake.savedImported.at(-1)).toBeNull();
    expect(state).toMatchObject({ importedPolicy: null, effective: { mode: 'warn' }, locked: [] });
  });
});
