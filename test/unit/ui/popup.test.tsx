// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import type { TabState } from '../../../src/platform/messages.ts';
import { Popup } from '../../../src/ui/popup/Popup.tsx';
import { i18n } from './i18n-stub.ts';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(state: TabState | null | Error, onOpenSettings = vi.fn()) {
  const loadTabState = () => (state instanceof Error ? Promise.reject(state) : Promise.resolve(state));
  await act(async () => {
    render(<Popup i18n={i18n} loadTabState={loadTabState} vendors={VENDORS} onOpenSettings={onOpenSettings} />, root);
  });
  await act(async () => {
    await Promise.resolve();
  });
  return onOpenSettings;
}

const flagged = (kind: 'purchase' | 'download', silencedBy: TabState['decision']['silencedBy'] = null): TabState => ({
  url: 'https://usa.kaspersky.com/premium',
  site: 'kaspersky.com',
  decision: {
    verdict: { vendor: 'kaspersky', kind, reasons: ['vendor-store-page', 'page-buy-control'] },
    banner: silencedBy === null,
    badge: silencedBy === null,
    silencedBy,
  },
});

const text = () => root.textContent ?? '';
const headings = () => [...root.querySelectorAll('h1, h2, h3')].map((h) => `${h.tagName}:${h.textContent}`);

describe('Popup', () => {
  it('explains a flagged purchase page: headline, reasons, restrictions, existing users, alternatives', async () => {
    await show(flagged('purchase'));
    expect(root.querySelector('h1')?.textContent).toBe('This page sells Kaspersky software');
    expect(text()).toContain("It is a store or product page on the vendor's own site.");
    expect(text()).toContain('The US Commerce Department (BIS) has prohibited sales to US persons since July 20, 2024 and updates since September 29, 2024.');
    expect(text()).toContain('September 29, 2024');
    expect(text()).toContain('UltraAV');
    expect(text()).toContain('Listed alphabetically, not an endorsement.');
    const records = [...root.querySelectorAll('[data-restriction]')].map((li) => li.getAttribute('data-restriction'));
    expect(records[0]).toBe('bis_final_determination');
    expect(records).toHaveLength(VENDORS[0]!.restrictions.length);
    // Headings in order: one h1, then h2 sections, h3 only inside them.
    expect(headings()[0]).toMatch(/^H1:/);
    expect(headings().filter((h) => h.startsWith('H1:'))).toHaveLength(1);
    expect(root.querySelectorAll('.status-silenced')).toHaveLength(0);
  });

  it('opens every link in a new tab without a referrer', async () => {
    await show(flagged('download'));
    const links = [...root.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noreferrer');
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    }
    const defender = links.find((link) => link.textContent?.includes('Microsoft Defender'));
    expect(defender?.closest('li')?.textContent).toContain('Built into Windows 10 and 11');
    expect(root.querySelector('h1')?.textContent).toBe('This page offers Kaspersky software for download');
  });

  it.each([
    ['dismissed', 'You dismissed the warning on this page.'],
    ['site-allowed', 'You turned warnings off for kaspersky.com.'],
    ['mode-off', 'Warnings are off.'],
  ] as const)('says when the warning is silenced (%s) and links to the settings', async (silence, sentence) => {
    const open = await show(flagged('purchase', silence));
    expect(root.querySelector('.status-silenced')?.textContent).toContain(sentence);
    const manage = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Manage warnings');
    await act(async () => manage?.click());
    expect(open).toHaveBeenCalledOnce();
  });

  it('shows nothing to flag, with the general explanation, for other pages and no state', async () => {
    await show(null);
    expect(root.querySelector('h1')?.textContent).toBe('Nothing to flag on this page');
    expect(text()).toContain('Vendor Guard warns you');
    expect(text()).toContain('How the US restricts Kaspersky');
  });

  it('notes a vendor information page', async () => {
    await show({
      url: 'https://www.kaspersky.com/about',
      site: 'kaspersky.com',
      decision: { verdict: { vendor: 'kaspersky', kind: 'vendor', reasons: ['vendor-info-page'] }, banner: false, badge: false, silencedBy: null },
    });
    expect(root.querySelector('h1')?.textContent).toBe('Nothing to flag on this page');
    expect(text()).toContain('This is a Kaspersky page, but it does not sell the software or offer it for download.');
  });

  it('says so when the tab state cannot be read', async () => {
    await show(new Error('no background'));
    expect(root.querySelector('h1')?.textContent).toBe('Vendor Guard could not check this page');
  });

  it('opens the settings from the footer', async () => {
    const open = await show(null);
    const settings = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Settings');
    await act(async () => settings?.click());
    expect(open).toHaveBeenCalledOnce();
  });

  it('renders page data as text, never as markup', async () => {
    const state = flagged('purchase', 'site-allowed');
    state.site = '<img src=x onerror=alert(1)>';
    await show(state);
    expect(root.querySelector('img')).toBeNull();
    expect(text()).toContain('<img src=x onerror=alert(1)>');
  });
});
