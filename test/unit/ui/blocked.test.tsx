// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { getVendor, VENDORS } from '../../../src/core/vendors/index.ts';
import type { Verdict } from '../../../src/core/classify/verdict.ts';
import type { BlockInfo, VendorView } from '../../../src/platform/messages.ts';
import { BACK_TIMEOUT_MS, Blocked, CLOSE_TIMEOUT_MS, type PageNavigation } from '../../../src/ui/blocked/Blocked.tsx';
import { backPlan, blockedLocation, canProceedTo, reportMailto } from '../../../src/ui/blocked/view.ts';
import { vendorViewOf } from '../../../src/core/vendors/view.ts';
import { i18n, t } from './i18n-stub.ts';
import { useRenderRoot } from './render-root.ts';
import { UNKNOWN_READER } from '../../../src/core/vendors/view.ts';

const root = useRenderRoot();

const STORE = 'https://usa.kaspersky.com/premium?utm_source=x&a=1#buy';
const kaspersky = vendorViewOf(VENDORS[0]!);

const info = (overrides: Partial<BlockInfo> = {}): BlockInfo => ({
  url: STORE,
  site: 'kaspersky.com',
  verdict: { vendor: 'kaspersky', kind: 'purchase', reasons: ['vendor-store-page', 'page-buy-control'], rule: 'vendor-store-page' },
  vendor: kaspersky,
  level: 'warning',
  organization: { name: '', message: '', supportUrl: '', supportEmail: '' },
  allowProceed: true,
  allowUserAllowlist: true,
  ...overrides,
});

interface FakeNavigation extends PageNavigation {
  calls: string[];
  /** Runs what the page scheduled with later() (as if the page was still shown). */
  runLater(): void;
}

function fakeNavigation(historyLength: number): FakeNavigation {
  const pending: (() => void)[] = [];
  const calls: string[] = [];
  return {
    calls,
    historyLength: () => historyLength,
    go: (delta) => calls.push(`go ${delta}`),
    close: () => calls.push('close'),
    replace: (url) => calls.push(`replace ${url}`),
    later: (callback, ms) => {
      calls.push(`later ${ms}`);
      pending.push(callback);
    },
    runLater: () => {
      for (const callback of pending.splice(0)) callback();
    },
  };
}

async function show(
  answer: BlockInfo | Error,
  { url = STORE, replaced = false, warned = false, historyLength = 2, proceedResult = { ok: true } as { ok: boolean } | Error } = {},
) {
  const navigation = fakeNavigation(historyLength);
  const proceed = vi.fn((_url: string, _remember: boolean) =>
    proceedResult instanceof Error ? Promise.reject(proceedResult) : Promise.resolve(proceedResult),
  );
  const loadBlockInfo = vi.fn((_url: string) => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)));
  await act(async () => {
    render(
      <Blocked
        i18n={i18n}
        url={url}
        replaced={replaced}
        warned={warned}
        loadBlockInfo={loadBlockInfo}
        proceed={proceed}
        navigation={navigation}
      />,
      root.current,
    );
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { navigation, proceed, loadBlockInfo };
}

const button = (name: string) => [...root.current.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const link = (name: string) => [...root.current.querySelectorAll('a')].find((a) => a.textContent?.trim() === name);
const text = () => root.current.textContent ?? '';
const click = (element: HTMLElement | undefined) =>
  act(async () => {
    element?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('blocked page location', () => {
  it('takes the blocked URL from the fragment exactly as written, ?replaced=1 and ?warned=1', () => {
    expect(blockedLocation({ hash: `#${STORE}`, search: '' })).toEqual({ url: STORE, replaced: false, warned: false });
    expect(blockedLocation({ hash: '#https://a.example/x%20y?q=1', search: '?replaced=1' })).toEqual({
      url: 'https://a.example/x%20y?q=1',
      replaced: true,
      warned: false,
    });
    expect(blockedLocation({ hash: '', search: '?replaced=0' })).toEqual({ url: '', replaced: false, warned: false });
    expect(blockedLocation({ hash: `#${STORE}`, search: '?replaced=1&warned=1' })).toMatchObject({ replaced: true, warned: true });
  });

  it('goes back one entry, two over a replaced page, and closes the tab when history is too short', () => {
    expect(backPlan(2, false)).toEqual({ kind: 'back', steps: 1 });
    expect(backPlan(1, false)).toEqual({ kind: 'close' });
    expect(backPlan(3, true)).toEqual({ kind: 'back', steps: 2 });
    // Going back one entry would land on the flagged page itself.
    expect(backPlan(2, true)).toEqual({ kind: 'close' });
  });

  it('proceeds only to web pages', () => {
    expect(canProceedTo(STORE)).toBe(true);
    expect(canProceedTo('javascript:alert(1)')).toBe(false);
    expect(canProceedTo('data:text/html,hi')).toBe(false);
    expect(canProceedTo('')).toBe(false);
  });
});

describe('Blocked page', () => {
  it('a maker blocked for a US federal contractor: its products, and §889 first', async () => {
    const hikvision = vendorViewOf(
      VENDORS.find((vendor) => vendor.id === 'hikvision')!,
      { regions: ['US'], role: 'federal_contractor' },
    );
    const url = 'https://us.hikvision.com/en/products/cameras/network-camera/value-series/ds-2cd2047g2-l';
    await show(
      info({
        url,
        site: 'hikvision.com',
        vendor: hikvision,
        verdict: { vendor: 'hikvision', kind: 'purchase', reasons: ['vendor-store-page'], rule: 'vendor-store-page' },
      }),
    );
    expect(root.current.querySelector('.blocked-lede')?.textContent).toBe('This page sells Hikvision products.');
    expect(text()).toContain('US federal agencies may not buy this maker');
  });

  it('says what was blocked and why, with the URL as text and the restriction with its source', async () => {
    const { loadBlockInfo } = await show(info());
    expect(loadBlockInfo).toHaveBeenCalledWith(STORE);
    expect(root.current.querySelector('h1')?.textContent).toBe('Vendor Guard blocked this page');
    expect(root.current.querySelector('.blocked-lede')?.textContent).toBe('This page sells Kaspersky software.');
    expect(text()).toContain(
      'The US Commerce Department (BIS) has prohibited sales to US persons since July 20, 2024 and updates since September 29, 2024.',
    );
    const source = link('Read the primary text');
    expect(source?.getAttribute('href')).toMatch(/^https:\/\/www\.federalregister\.gov\//);
    expect(root.current.querySelector('.blocked-url')?.textContent).toBe(STORE);
    // The blocked address is never a link.
    expect([...root.current.querySelectorAll('a')].some((a) => a.getAttribute('href') === STORE)).toBe(false);
    expect(text()).toContain('Microsoft Defender');
    expect(text()).toContain('Listed alphabetically, not an endorsement.');
  });

  it('focuses "Back to safety", the primary action', async () => {
    await show(info());
    const back = button('Back to safety');
    expect(back?.classList.contains('button-primary')).toBe(true);
    expect(document.activeElement).toBe(back);
  });

  it('goes back one entry after a redirect', async () => {
    const { navigation } = await show(info(), { historyLength: 2 });
    await click(button('Back to safety'));
    expect(navigation.calls).toEqual(['go -1', `later ${BACK_TIMEOUT_MS}`]);
  });

  it('goes back two entries over a replaced page (?replaced=1)', async () => {
    const { navigation } = await show(info(), { replaced: true, historyLength: 3 });
    await click(button('Back to safety'));
    expect(navigation.calls).toEqual(['go -2', `later ${BACK_TIMEOUT_MS}`]);
  });

  it('closes the tab when the replaced page is the only history, and says so if the tab stays open', async () => {
    const { navigation } = await show(info(), { replaced: true, historyLength: 2 });
    await click(button('Back to safety'));
    expect(navigation.calls).toEqual(['close', `later ${CLOSE_TIMEOUT_MS}`]);
    expect(root.current.querySelector('[role="status"]')?.textContent).toBe('');
    await act(() => navigation.runLater());
    expect(root.current.querySelector('[role="status"]')?.textContent).toBe('There is no page to go back to. You can close this tab.');
  });

  it('says the tab can be closed when going back did not leave the page, and never closes it then', async () => {
    const { navigation } = await show(info(), { historyLength: 4 });
    await click(button('Back to safety'));
    await act(() => navigation.runLater());
    expect(navigation.calls).toEqual(['go -1', `later ${BACK_TIMEOUT_MS}`]);
    expect(root.current.querySelector('[role="status"]')?.textContent).toBe('There is no page to go back to. You can close this tab.');
  });

  it('closes a tab opened on the blocking page', async () => {
    const { navigation } = await show(info(), { historyLength: 1 });
    await click(button('Back to safety'));
    expect(navigation.calls[0]).toBe('close');
  });

  it('reveals the reasons and the restriction records behind a Details toggle', async () => {
    await show(info());
    const toggle = button('Details')!;
    const details = root.current.querySelector<HTMLElement>('#blocked-details')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe('blocked-details');
    expect(details.hidden).toBe(true);
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    expect(details.textContent).toContain('Why this page was blocked');
    expect(details.textContent).toContain("It is a store or product page on the vendor's own site.");
    expect(details.textContent).toContain('The page has a button to buy it or add it to a cart.');
    expect(details.querySelectorAll('[data-restriction]')).toHaveLength(kaspersky.restrictions.length);
    await click(toggle);
    expect(details.hidden).toBe(true);
  });

  it('offers Proceed when allowed: tells the background, then opens the page', async () => {
    const { proceed, navigation } = await show(info());
    await click(button('Proceed anyway'));
    expect(proceed).toHaveBeenCalledWith(STORE, false);
    expect(navigation.calls).toEqual([`replace ${STORE}`]);
  });

  it('"Don\'t warn me again about this site" proceeds with remember', async () => {
    const { proceed } = await show(info());
    const checkbox = [...root.current.querySelectorAll('label')]
      .find((l) => l.textContent === "Don't warn me again about this site")
      ?.querySelector('input');
    expect(checkbox?.type).toBe('checkbox');
    await click(checkbox!);
    await click(button('Proceed anyway'));
    expect(proceed).toHaveBeenCalledWith(STORE, true);
  });

  it('offers no "don\'t warn me again" when the organisation keeps the user list off', async () => {
    await show(info({ allowUserAllowlist: false }));
    expect(button('Proceed anyway')).toBeDefined();
    expect(root.current.querySelector('input[type="checkbox"]')).toBeNull();
  });

  it('offers no Proceed when the organisation does not allow it', async () => {
    await show(info({ allowProceed: false, allowUserAllowlist: false }));
    expect(button('Proceed anyway')).toBeUndefined();
    expect(root.current.querySelector('input[type="checkbox"]')).toBeNull();
    expect(text()).not.toContain('Proceed');
  });

  it('stays on the page when the background refuses to proceed', async () => {
    const { navigation } = await show(info(), { proceedResult: { ok: false } });
    await click(button('Proceed anyway'));
    expect(navigation.calls).toEqual([]);
    expect(root.current.querySelector('[role="status"]')?.textContent).toBe(
      'Vendor Guard could not open this page. Your organisation may not allow it.',
    );
  });

  it('as the warning in place of a page that kept hiding it: says so, and always offers Proceed, without "don\'t warn me again"', async () => {
    const { proceed, navigation } = await show(info({ allowProceed: false }), { warned: true, replaced: true });
    expect(root.current.querySelector('h1')?.textContent).toBe("Vendor Guard's warning about this page");
    expect(text()).toContain("This page kept hiding or covering Vendor Guard's warning, so Vendor Guard shows it here instead.");
    expect(text()).toContain('Address of the page');
    // The page's own words never say it was blocked (the governments' actions listed below may block sites).
    const details = root.current.querySelector('#blocked-details');
    const ownWords = text().replace(details?.textContent ?? '', '');
    expect(ownWords).not.toMatch(/block/i);
    expect(root.current.querySelector('input[type="checkbox"]')).toBeNull();
    await click(button('Proceed anyway'));
    expect(proceed).toHaveBeenCalledWith(STORE, false);
    expect(navigation.calls).toEqual([`replace ${STORE}`]);
  });

  it("as a notice in place of a page that kept hiding it (a maker, for a private reader): the notice's calmer words", async () => {
    const hikvision = vendorViewOf(getVendor('hikvision')!, { regions: ['US'], role: 'personal' });
    const camera = 'https://www.newegg.com/p/N82E16881001234';
    const verdict: Verdict = {
      vendor: 'hikvision',
      kind: 'purchase',
      reasons: ['page-title-names-product', 'page-buy-control'],
      rule: null,
    };
    await show(info({ url: camera, site: 'newegg.com', verdict, vendor: hikvision, level: 'notice' }), {
      url: camera,
      warned: true,
      replaced: true,
    });
    expect(root.current.querySelector('h1')?.textContent).toBe("Vendor Guard's notice about this page");
    expect(document.title).toBe('Vendor Guard notice');
    expect(root.current.querySelector('.blocked-lede')?.textContent).toBe('Hikvision: restricted for US government buyers');
    expect(text()).toContain("This page kept hiding or covering Vendor Guard's notice, so Vendor Guard shows it here instead.");
    expect(root.current.querySelector('.blocked-restriction')?.textContent).toContain('It is not a ban on private buyers');
    const details = root.current.querySelector('#blocked-details');
    expect(text().replace(details?.textContent ?? '', '')).not.toMatch(/warning|block/i);
    expect(button('Proceed anyway')).toBeDefined();
  });

  it('never proceeds to an address that is not a web page', async () => {
    await show(info({ url: 'javascript:alert(1)' }), { url: 'javascript:alert(1)' });
    expect(button('Proceed anyway')).toBeUndefined();
    expect(root.current.querySelector('.blocked-url')?.textContent).toBe('javascript:alert(1)');
  });

  it('reports a mistake by e-mail with the URL and the verdict filled in', async () => {
    await show(info({ organization: { name: 'Example Corp', message: '', supportUrl: '', supportEmail: 'it-help@example.com' } }));
    const href = link('Report a mistake')?.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:it-help@example.com?subject=')).toBe(true);
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1).replace(/\+/g, '%2B'));
    expect(params.get('subject')).toBe('Vendor Guard blocked kaspersky.com');
    const body = params.get('body') ?? '';
    expect(body).toContain(`Address: ${STORE}`);
    expect(body).toContain('Vendor: Kaspersky (kaspersky)');
    expect(body).toContain('Page kind: purchase');
    expect(body).toContain('Reasons: vendor-store-page, page-buy-control');
    expect(body).toContain('\r\n');
    // The URL's own & and # do not break the mailto query.
    expect(href).toContain(encodeURIComponent(STORE));
  });

  it('reports a mistake without an address when the organisation gave none', () => {
    const href = reportMailto(STORE, info(), t);
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    expect(reportMailto(STORE, null, t)).toContain(encodeURIComponent('Vendor: unknown'));
  });

  it("reports a mistake on the organisation's help page when it has one", async () => {
    await show(
      info({
        organization: { name: '', message: '', supportUrl: 'https://help.example.com/vendor-guard', supportEmail: 'it@example.com' },
      }),
    );
    const report = link('Report a mistake');
    expect(report?.getAttribute('href')).toBe('https://help.example.com/vendor-guard');
    expect(report?.getAttribute('target')).toBe('_blank');
  });

  it("shows the organisation's name, message (as written) and contact", async () => {
    await show(
      info({
        organization: {
          name: 'Example Corp',
          message: 'Kaspersky is not allowed on company devices.\nAsk IT for <b>Defender</b>.',
          supportUrl: 'https://help.example.com/av',
          supportEmail: 'it@example.com',
        },
      }),
    );
    expect(root.current.querySelector('h1')?.textContent).toBe('Example Corp blocked this page');
    const message = root.current.querySelector('.org-message')!;
    expect(message.querySelector('h2')?.textContent).toBe('Message from Example Corp');
    expect(message.querySelector('.as-written')?.textContent).toBe(
      'Kaspersky is not allowed on company devices.\nAsk IT for <b>Defender</b>.',
    );
    expect(root.current.querySelector('b')).toBeNull();
    expect(link('Help page (help.example.com)')?.getAttribute('href')).toBe('https://help.example.com/av');
    expect(link('it@example.com')?.getAttribute('href')).toBe('mailto:it@example.com');
  });

  it('explains a site the organisation blocks outright with its own text, and hides empty alternatives', async () => {
    const organization: VendorView = {
      id: 'organization',
      name: 'Example Corp',
      restrictions: [
        {
          id: 'organization',
          summary: 'Not approved software.',
          authority: 'Example Corp',
          citation: '',
          date: '',
          effective: [],
          jurisdiction: '',
          effect: '',
          appliesTo: [],
          sourceUrl: 'https://help.example.com/',
        },
      ],
      restriction: null,
      standings: [{ id: 'organization', here: true, forReader: true }],
      alsoPrimary: null,
      primary: null,
      reader: UNKNOWN_READER,
      alternatives: [],
    };
    await show(
      info({
        url: 'https://shop.example.net/',
        site: 'example.net',
        verdict: { vendor: 'organization', kind: 'purchase', reasons: ['policy-blocked-domain'], rule: 'policy-blocked-domain' },
        vendor: organization,
        organization: { name: 'Example Corp', message: 'Not approved software.', supportUrl: '', supportEmail: '' },
      }),
      { url: 'https://shop.example.net/' },
    );
    expect(root.current.querySelector('.blocked-lede')?.textContent).toBe("This site is on your organisation's list of blocked sites.");
    expect(text()).toContain('Not approved software.');
    expect(text()).not.toContain('Alternatives');
    expect(text()).not.toContain('Example Corp software');
  });

  it("shows an organisation's own vendor with its restriction as written and no date", async () => {
    const acme: VendorView = {
      id: 'acme-av',
      name: 'Acme AV',
      restrictions: [
        {
          id: 'acme-av',
          summary: 'Acme AV is banned by the 2025 procurement rules.',
          authority: 'Example Corp',
          citation: '',
          date: '',
          effective: [],
          jurisdiction: '',
          effect: '',
          appliesTo: [],
          sourceUrl: 'https://intranet.example.com/rules',
        },
      ],
      restriction: null,
      standings: [{ id: 'organization', here: true, forReader: true }],
      alsoPrimary: null,
      primary: null,
      reader: UNKNOWN_READER,
      alternatives: [{ name: 'Other AV', url: 'https://other.example/' }],
    };
    acme.restriction = acme.restrictions[0]!;
    await show(
      info({
        verdict: { vendor: 'acme-av', kind: 'download', reasons: ['vendor-download-page'], rule: 'vendor-download-page' },
        vendor: acme,
      }),
    );
    expect(root.current.querySelector('.blocked-lede')?.textContent).toBe('This page offers Acme AV software for download.');
    expect(root.current.querySelector('.blocked-restriction')?.textContent).toContain('Acme AV is banned by the 2025 procurement rules.');
    expect(link('More information')?.getAttribute('href')).toBe('https://intranet.example.com/rules');
    await click(button('Details'));
    const record = root.current.querySelector('[data-restriction="acme-av"]')!;
    expect(record.querySelector('h3')?.textContent).toBe('Restricted by Example Corp');
    expect(record.querySelector('time')).toBeNull();
    expect(record.querySelector('.as-written')?.textContent).toBe('Acme AV is banned by the 2025 procurement rules.');
    expect(root.current.querySelector('[data-restriction-group="organization"] h2')?.textContent).toBe('Why Acme AV is restricted');
    expect(link('Other AV')).toBeDefined();
  });

  it('keeps the page blocked, with a way back, when the details cannot be loaded', async () => {
    await show(new Error('no background'));
    expect(root.current.querySelector('h1')?.textContent).toBe('Vendor Guard blocked this page');
    expect(text()).toContain('Vendor Guard could not load the details for this page. It stays blocked.');
    expect(button('Back to safety')).toBeDefined();
    expect(button('Proceed anyway')).toBeUndefined();
    expect(button('Details')).toBeUndefined();
    expect(link('Report a mistake')?.getAttribute('href')).toMatch(/^mailto:\?subject=/);
  });

  it('copes with a missing address', async () => {
    const { loadBlockInfo } = await show(info(), { url: '' });
    expect(loadBlockInfo).not.toHaveBeenCalled();
    expect(text()).toContain('The address of the blocked page is missing.');
    expect(button('Back to safety')).toBeDefined();
  });
});
