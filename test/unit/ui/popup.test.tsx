// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import type { BlockInfo, TabState, VendorView } from '../../../src/platform/messages.ts';
import { vendorViewOf } from '../../../src/core/vendors/view.ts';
import { Popup } from '../../../src/ui/popup/Popup.tsx';
import { i18n } from './i18n-stub.ts';
import { useRenderRoot } from './render-root.ts';
import { UNKNOWN_READER } from '../../../src/core/vendors/view.ts';

const root = useRenderRoot();

async function show(state: TabState | null | Error, onOpenSettings = vi.fn(), loadBlockInfo?: (url: string) => Promise<BlockInfo>) {
  const loadTabState = () => (state instanceof Error ? Promise.reject(state) : Promise.resolve(state));
  await act(async () => {
    render(
      <Popup i18n={i18n} loadTabState={loadTabState} loadBlockInfo={loadBlockInfo} vendors={VENDORS} onOpenSettings={onOpenSettings} />,
      root.current,
    );
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return onOpenSettings;
}

const kaspersky = vendorViewOf(VENDORS[0]!);

const flagged = (kind: 'purchase' | 'download', silencedBy: TabState['decision']['silencedBy'] = null): TabState => ({
  url: 'https://usa.kaspersky.com/premium',
  site: 'kaspersky.com',
  decision: {
    verdict: { vendor: 'kaspersky', kind, reasons: ['vendor-store-page', 'page-buy-control'], rule: 'vendor-store-page' },
    banner: silencedBy === null,
    block: false,
    badge: silencedBy === null,
    silencedBy,
    level: 'warning',
  },
  vendor: kaspersky,
  reader: kaspersky.reader,
});

const text = () => root.current.textContent ?? '';
const headings = () => [...root.current.querySelectorAll('h1, h2, h3')].map((h) => `${h.tagName}:${h.textContent}`);

describe('Popup', () => {
  it('explains a flagged purchase page: headline, reasons, restrictions, existing users, alternatives', async () => {
    await show(flagged('purchase'));
    expect(root.current.querySelector('h1')?.textContent).toBe('This page sells Kaspersky software');
    expect(text()).toContain("It is a store or product page on the vendor's own site.");
    expect(text()).toContain(
      'The US Commerce Department (BIS) has prohibited sales to US persons since July 20, 2024 and updates since September 29, 2024.',
    );
    expect(text()).toContain('September 29, 2024');
    expect(text()).toContain('UltraAV');
    expect(text()).toContain('Listed alphabetically, not an endorsement.');
    const records = [...root.current.querySelectorAll('[data-restriction]')].map((li) => li.getAttribute('data-restriction'));
    expect(records[0]).toBe('bis_final_determination');
    expect(records).toHaveLength(VENDORS[0]!.restrictions.length);
    // Headings in order: one h1, then h2 sections, h3 only inside them.
    expect(headings()[0]).toMatch(/^H1:/);
    expect(headings().filter((h) => h.startsWith('H1:'))).toHaveLength(1);
    expect(root.current.querySelectorAll('.status-silenced')).toHaveLength(0);
  });

  it('opens every link in a new tab without a referrer', async () => {
    await show(flagged('download'));
    const links = [...root.current.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noreferrer');
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    }
    const defender = links.find((link) => link.textContent?.includes('Microsoft Defender'));
    expect(defender?.closest('li')?.textContent).toContain('Built into Windows 10 and 11');
    expect(root.current.querySelector('h1')?.textContent).toBe('This page offers Kaspersky software for download');
  });

  it.each([
    ['dismissed', 'You dismissed the warning on this page.'],
    ['site-allowed', 'You turned warnings off for kaspersky.com.'],
    ['mode-off', 'Warnings are off.'],
  ] as const)('says when the warning is silenced (%s) and links to the settings', async (silence, sentence) => {
    const open = await show(flagged('purchase', silence));
    expect(root.current.querySelector('.status-silenced')?.textContent).toContain(sentence);
    const manage = [...root.current.querySelectorAll('button')].find((b) => b.textContent === 'Manage warnings');
    await act(async () => manage?.click());
    expect(open).toHaveBeenCalledOnce();
  });

  it('shows nothing to flag, with the general explanation, for other pages and no state', async () => {
    await show(null);
    expect(root.current.querySelector('h1')?.textContent).toBe('Nothing to flag on this page');
    expect(text()).toContain('Vendor Guard warns you');
    expect(text()).toContain('What governments decided on Kaspersky');
  });

  it('notes a vendor information page', async () => {
    await show({
      url: 'https://www.kaspersky.com/about',
      site: 'kaspersky.com',
      decision: {
        verdict: { vendor: 'kaspersky', kind: 'vendor', reasons: ['vendor-info-page'], rule: 'vendor-info-page' },
        banner: false,
        block: false,
        badge: false,
        silencedBy: null,
        level: 'warning',
      },
      vendor: kaspersky,
      reader: kaspersky.reader,
    });
    expect(root.current.querySelector('h1')?.textContent).toBe('Nothing to flag on this page');
    expect(text()).toContain('This is a Kaspersky page, but it does not sell the software or offer it for download.');
  });

  it('says so when the tab state cannot be read', async () => {
    await show(new Error('no background'));
    expect(root.current.querySelector('h1')?.textContent).toBe('Vendor Guard could not check this page');
  });

  it('opens the settings from the footer', async () => {
    const open = await show(null);
    const settings = [...root.current.querySelectorAll('button')].find((b) => b.textContent === 'Settings');
    await act(async () => settings?.click());
    expect(open).toHaveBeenCalledOnce();
  });

  it('renders page data as text, never as markup', async () => {
    const state = flagged('purchase', 'site-allowed');
    state.site = '<img src=x onerror=alert(1)>';
    await show(state);
    expect(root.current.querySelector('img')).toBeNull();
    expect(text()).toContain('<img src=x onerror=alert(1)>');
  });

  it("uses the background's vendor: an organisation's vendor with its restriction as written, no date, its alternatives", async () => {
    const acme: VendorView = {
      id: 'acme-av',
      name: 'Acme AV',
      restrictions: [
        {
          id: 'acme-av',
          summary: 'Not approved: see policy IT-7.',
          authority: 'Example Corp',
          citation: '',
          date: '',
          effective: [],
          jurisdiction: '',
          effect: '',
          appliesTo: [],
          sourceUrl: 'https://intranet.example.com/it-7',
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
    const state = flagged('purchase');
    state.decision.verdict = { vendor: 'acme-av', kind: 'purchase', reasons: ['vendor-store-page'], rule: 'vendor-store-page' };
    state.vendor = acme;
    await show(state);
    expect(root.current.querySelector('h1')?.textContent).toBe('This page sells Acme AV software');
    expect(root.current.querySelector('.status-lead')?.textContent).toBe('Not approved: see policy IT-7.');
    const record = root.current.querySelector('[data-restriction="acme-av"]')!;
    expect(record.querySelector('h3')?.textContent).toBe('Restricted by Example Corp');
    expect(record.querySelector('time')).toBeNull();
    expect(text()).toContain('Why Acme AV is restricted');
    expect(text()).not.toContain('How the US restricts');
    expect([...root.current.querySelectorAll('a')].map((a) => a.textContent)).toContain('Other AV');
    expect(text()).not.toContain('Microsoft Defender');
  });

  it("hides the alternatives when the organisation's list is empty", async () => {
    const state = flagged('purchase');
    state.vendor = { ...kaspersky, alternatives: [] };
    await show(state);
    expect(text()).not.toContain('Alternatives');
    expect(text()).toContain('What governments decided on Kaspersky');
  });

  it("shows the organisation's message when the page is blocked", async () => {
    const state = flagged('purchase');
    state.decision = { ...state.decision, banner: false, block: true };
    const loadBlockInfo = vi.fn(async (url: string): Promise<BlockInfo> => ({
      url,
      site: 'kaspersky.com',
      verdict: state.decision.verdict,
      vendor: kaspersky,
      level: 'warning',
      organization: { name: 'Example Corp', message: 'Use Defender.\nCall 555-0100.', supportUrl: '', supportEmail: 'it@example.com' },
      allowProceed: false,
      allowUserAllowlist: false,
    }));
    await show(state, vi.fn(), loadBlockInfo);
    expect(loadBlockInfo).toHaveBeenCalledWith('https://usa.kaspersky.com/premium');
    expect(text()).toContain('Vendor Guard blocks this page: you see a blocking page instead.');
    expect(root.current.querySelector('.org-message h2')?.textContent).toBe('Message from Example Corp');
    expect(root.current.querySelector('.org-message .as-written')?.textContent).toBe('Use Defender.\nCall 555-0100.');
    expect(root.current.querySelector('a[href="mailto:it@example.com"]')).not.toBeNull();
  });

  it('does not ask for the block details when the page is not blocked, and still explains a blocked page without them', async () => {
    const loadBlockInfo = vi.fn(() => Promise.reject(new Error('unused')));
    await show(flagged('purchase'), vi.fn(), loadBlockInfo);
    expect(loadBlockInfo).not.toHaveBeenCalled();
    const state = flagged('download');
    state.decision = { ...state.decision, block: true };
    await show(state, vi.fn(), loadBlockInfo);
    expect(root.current.querySelector('h1')?.textContent).toBe('This page offers Kaspersky software for download');
    expect(root.current.querySelector('.org-message')).toBeNull();
  });

  it('names a site the organisation blocks outright', async () => {
    const state = flagged('purchase');
    state.decision.verdict = {
      vendor: 'organization',
      kind: 'purchase',
      reasons: ['policy-blocked-domain'],
      rule: 'policy-blocked-domain',
    };
    state.vendor = {
      id: 'organization',
      name: '',
      restrictions: [
        {
          id: 'organization',
          summary: 'Blocked by IT.',
          authority: '',
          citation: '',
          date: '',
          effective: [],
          jurisdiction: '',
          effect: '',
          appliesTo: [],
          sourceUrl: '',
        },
      ],
      restriction: null,
      standings: [{ id: 'organization', here: true, forReader: true }],
      alsoPrimary: null,
      primary: null,
      reader: UNKNOWN_READER,
      alternatives: [],
    };
    await show(state);
    expect(root.current.querySelector('h1')?.textContent).toBe('Your organisation blocks this site');
    expect(text()).toContain('Why your organisation blocks this site');
    expect(text()).toContain('Blocked by IT.');
    expect(root.current.querySelector('[data-restriction="organization"] h3')?.textContent).toBe("Your organisation's restriction");
  });

  describe('a notice (a maker, for a private reader)', () => {
    const reader = { regions: ['US'], role: 'personal' as const };
    const makerState = (vendorId: string, level: 'warning' | 'notice', role: 'personal' | 'federal_contractor' = 'personal'): TabState => {
      const vendor = vendorViewOf(
        VENDORS.find((v) => v.id === vendorId)!,
        { ...reader, role },
      );
      return {
        url: 'https://store.dji.com/product/dji-mini-4-pro',
        site: 'dji.com',
        decision: {
          verdict: { vendor: vendorId, kind: 'purchase', reasons: ['vendor-store-host'], rule: 'vendor-store-host' },
          banner: true,
          block: false,
          badge: true,
          silencedBy: null,
          level,
        },
        vendor,
        reader: vendor.reader,
      };
    };

    it('reads as information: a heading about the vendor, what the restriction is and is not, the info look', async () => {
      await show(makerState('hikvision', 'notice'));
      const status = root.current.querySelector('.status')!;
      expect(status.classList.contains('status-notice')).toBe(true);
      expect(root.current.querySelector('h1')?.textContent).toBe('Hikvision: restricted for US government buyers');
      const lead = status.querySelector('.status-lead')?.textContent ?? '';
      expect(lead).toMatch(/^US federal agencies may not buy/);
      expect(lead).toContain('Private buyers are not restricted.');
      expect(lead).toContain('It is not a ban on private buyers: models already authorized remain legal to sell, buy and use.');
      expect(status.textContent).not.toMatch(/This page sells/);
      // The restriction groups stay, with every record.
      expect(root.current.querySelectorAll('[data-restriction]')).toHaveLength(
        VENDORS.find((v) => v.id === 'hikvision')!.restrictions.length,
      );
    });

    it('DJI: about FCC authorizations', async () => {
      await show(makerState('dji', 'notice'));
      expect(root.current.querySelector('h1')?.textContent).toBe('DJI: no FCC authorization for new models');
    });

    it('the same maker at the warning level (a federal contractor) keeps the warning look and heading', async () => {
      await show(makerState('hikvision', 'warning', 'federal_contractor'));
      const status = root.current.querySelector('.status')!;
      expect(status.classList.contains('status-notice')).toBe(false);
      expect(root.current.querySelector('h1')?.textContent).toBe('This page sells Hikvision products');
      expect(status.querySelector('.status-lead')?.textContent).toMatch(/^US federal agencies may not buy/);
    });
  });
});
