// @vitest-environment happy-dom
/**
 * Every word the popup, the options page and the blocking page show comes from _locales or from
 * the data they display. The pages are rendered with a translator that brackets each message
 * (⟦…⟧); after removing the bracketed messages and the data values the test fed in (vendor and
 * product names, URLs, dates, the organisation's own text, policy keys), no words may be left.
 * A hard-coded English string anywhere in the rendered tree fails it, however it was built.
 */
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, regionName } from '../../src/core/i18n/format.ts';
import type { I18n } from '../../src/core/i18n/translate.ts';
import { CHROME_EXTENSION_ID } from '../../src/core/identity.ts';
import { mergeSettings } from '../../src/core/policy/merge.ts';
import { parseManagedPolicy, parsePolicyFile, type OrgPolicy } from '../../src/core/policy/schema.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/policy/settings.ts';
import { VENDORS } from '../../src/core/vendors/index.ts';
import { POLICY_VENDOR_ID, vendorViewOf } from '../../src/core/vendors/view.ts';
import type { BlockInfo, OptionsState, TabState } from '../../src/platform/messages.ts';
import { Blocked, type PageNavigation } from '../../src/ui/blocked/Blocked.tsx';
import { displayHost } from '../../src/ui/components/format.ts';
import { Options } from '../../src/ui/options/Options.tsx';
import { Popup } from '../../src/ui/popup/Popup.tsx';
import { t as englishT, translator } from './ui/i18n-stub.ts';
import { useRenderRoot } from './ui/render-root.ts';
import { UNKNOWN_READER } from '../../src/core/vendors/view.ts';
import { isRegionCode, REGION_CODES } from '../../src/core/reader.ts';

const OPEN = '⟦';
const CLOSE = '⟧';
const LOCALE = 'en-US';
/** Every message, bracketed, so what is left outside brackets did not come from _locales. */
const bracketed: I18n = { t: (key, substitutions) => `${OPEN}${englishT(key, substitutions)}${CLOSE}`, locale: LOCALE };

const root = useRenderRoot();

async function show(vnode: VNode): Promise<void> {
  await act(async () => {
    render(vnode, root.current);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** All strings inside a value (deep), plus the dates and hosts the pages derive from them. */
function dataStrings(...values: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (!value.trim()) return;
      out.add(value);
      out.add(value.trim());
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) out.add(formatIsoDate(value, LOCALE));
      // Region codes are shown by their names, as Intl (CLDR) gives them, like the dates.
      if (value === 'EU' || isRegionCode(value)) out.add(regionName(value, LOCALE));
      const host = displayHost(value);
      if (host) out.add(host);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  values.forEach(walk);
  // Longest first, so "Kaspersky Premium" goes before "Kaspersky".
  return [...out].sort((a, b) => b.length - a.length);
}

const USER_ATTRIBUTES = ['aria-label', 'aria-description', 'title', 'alt', 'placeholder', 'label'];

/** Text a person meets in the rendered tree: text nodes and user-facing attributes. */
function visibleStrings(): string[] {
  const strings: string[] = [];
  const walker = document.createTreeWalker(root.current, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) strings.push(node.textContent ?? '');
    else for (const name of USER_ATTRIBUTES) strings.push((node as Element).getAttribute(name) ?? '');
  }
  return strings.filter((s) => s.trim());
}

/** What remains of a string once the bracketed messages (innermost first) and the data are taken out. */
function leftover(text: string, data: readonly string[]): string {
  let rest = text;
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  for (const value of data) rest = rest.split(value).join(' ');
  return rest;
}

function expectOnlyMessagesAndData(...data: unknown[]): void {
  const values = dataStrings(...data);
  const strings = visibleStrings();
  expect(strings.length).toBeGreaterThan(3);
  expect(strings.some((s) => s.includes(OPEN))).toBe(true);
  const words = strings.map((s) => ({ text: s, left: leftover(s, values) })).filter(({ left }) => /\p{L}{2,}/u.test(left));
  expect(words).toEqual([]);
}

const kaspersky = vendorViewOf(VENDORS[0]!);
const organization = {
  name: 'Example Corp IT',
  message: 'Company policy: do not buy restricted software.',
  supportUrl: 'https://helpdesk.example.com/new-ticket',
  supportEmail: 'it-help@example.com',
};

const tabState = (
  kind: 'purchase' | 'download' | 'vendor',
  silencedBy: TabState['decision']['silencedBy'] = null,
  block = false,
): TabState => ({
  url: 'https://usa.kaspersky.com/premium',
  site: 'kaspersky.com',
  decision: {
    verdict: { vendor: 'kaspersky', kind, reasons: ['vendor-domain', 'vendor-store-page', 'page-buy-control'], rule: 'page-content' },
    banner: kind !== 'vendor' && silencedBy === null && !block,
    block,
    badge: kind !== 'vendor',
    silencedBy,
    level: 'warning',
  },
  vendor: kaspersky,
  reader: kaspersky.reader,
});

const hikvision = vendorViewOf(
  VENDORS.find((vendor) => vendor.id === 'hikvision')!,
  { regions: ['US'], role: 'personal' },
);
const makerNotice: TabState = {
  url: 'https://www.newegg.com/p/1B4-01HV-00099',
  site: 'newegg.com',
  decision: {
    verdict: { vendor: 'hikvision', kind: 'purchase', reasons: ['page-product-data'], rule: 'page-content' },
    banner: true,
    block: false,
    badge: true,
    silencedBy: null,
    level: 'notice',
  },
  vendor: hikvision,
  reader: hikvision.reader,
};

describe('rendered pages use only messages and data', () => {
  const popupCases: [string, TabState | null][] = [
    ['popup: a store page', tabState('purchase')],
    ['popup: a download page, warning dismissed', tabState('download', 'dismissed')],
    ['popup: a site the person allowed', tabState('purchase', 'site-allowed')],
    ['popup: warnings off', tabState('purchase', 'mode-off')],
    ['popup: a blocked page', tabState('purchase', null, true)],
    ['popup: a vendor page that sells nothing', tabState('vendor')],
    ['popup: a page with nothing to flag', null],
    ['popup: a maker, at the notice level', makerNotice],
  ];
  for (const [name, state] of popupCases) {
    it(name, async () => {
      const loadBlockInfo = async (url: string): Promise<BlockInfo> => ({
        url,
        site: 'kaspersky.com',
        verdict: state!.decision.verdict,
        vendor: kaspersky,
        level: 'warning',
        organization,
        allowProceed: true,
        allowUserAllowlist: true,
      });
      await show(
        <Popup
          i18n={bracketed}
          loadTabState={async () => state}
          loadBlockInfo={loadBlockInfo}
          vendors={VENDORS}
          onOpenSettings={() => undefined}
        />,
      );
      expectOnlyMessagesAndData(state, VENDORS, organization);
    });
  }

  it('popup: the background cannot be reached', async () => {
    await show(
      <Popup i18n={bracketed} loadTabState={() => Promise.reject(new Error('x'))} vendors={VENDORS} onOpenSettings={() => undefined} />,
    );
    expectOnlyMessagesAndData(VENDORS);
  });

  const navigation: PageNavigation = {
    historyLength: () => 1,
    go: () => undefined,
    close: () => undefined,
    replace: () => undefined,
    later: () => undefined,
  };
  const blockCases: [string, BlockInfo][] = [
    [
      "blocked page: a store page, with the organisation's message",
      {
        url: 'https://usa.kaspersky.com/premium',
        site: 'kaspersky.com',
        verdict: tabState('purchase').decision.verdict,
        vendor: kaspersky,
        level: 'warning',
        organization,
        allowProceed: true,
        allowUserAllowlist: true,
      },
    ],
    [
      'blocked page: a site the organisation blocks',
      {
        url: 'https://deals.example.net/',
        site: 'example.net',
        verdict: { vendor: POLICY_VENDOR_ID, kind: 'purchase', reasons: ['policy-blocked-domain'], rule: 'policy-blocked-domain' },
        vendor: {
          id: POLICY_VENDOR_ID,
          name: '',
          restrictions: [],
          standings: [],
          restriction: null,
          alsoPrimary: null,
          primary: null,
          reader: UNKNOWN_READER,
          alternatives: [],
        },
        level: 'warning',
        organization: { ...organization, message: '' },
        allowProceed: false,
        allowUserAllowlist: false,
      },
    ],
  ];
  for (const [name, info] of blockCases) {
    it(name, async () => {
      await show(
        <Blocked
          i18n={bracketed}
          url={info.url}
          replaced={false}
          loadBlockInfo={async () => info}
          proceed={async () => ({ ok: true })}
          navigation={navigation}
        />,
      );
      // The details panel is in the tree (hidden) too, so its text is checked as well.
      expectOnlyMessagesAndData(info);
    });
  }

  it('the page shown in place of a page that kept hiding a notice (a maker, for a private reader)', async () => {
    const info: BlockInfo = {
      url: makerNotice.url,
      site: makerNotice.site,
      verdict: makerNotice.decision.verdict,
      vendor: hikvision,
      level: 'notice',
      organization,
      allowProceed: true,
      allowUserAllowlist: true,
    };
    await show(
      <Blocked
        i18n={bracketed}
        url={info.url}
        replaced
        warned
        loadBlockInfo={async () => info}
        proceed={async () => ({ ok: true })}
        navigation={navigation}
      />,
    );
    expectOnlyMessagesAndData(info);
  });

  it('blocked page: the details cannot be loaded', async () => {
    await show(
      <Blocked
        i18n={bracketed}
        url="https://usa.kaspersky.com/premium"
        replaced={false}
        loadBlockInfo={() => Promise.reject(new Error('x'))}
        proceed={async () => ({ ok: false })}
        navigation={navigation}
      />,
    );
    expectOnlyMessagesAndData('https://usa.kaspersky.com/premium');
  });

  const optionsState = (
    user: Settings,
    managed: OrgPolicy | null,
    imported: OrgPolicy | null,
    extra: Partial<OptionsState> = {},
  ): OptionsState => {
    const { effective, locked } = mergeSettings(user, { ...imported, ...managed });
    return {
      settings: user,
      effective,
      locked,
      settingsProblems: [],
      policyProblems: [],
      importedPolicy: imported,
      managedPolicy: managed,
      blockRules: { counts: { rules: 6, regexRules: 5, domains: 40 }, overLimit: [] },
      extensionId: CHROME_EXTENSION_ID,
      browserRegion: null,
      builtInVendors: [{ id: 'kaspersky', name: 'Kaspersky' }],
      ...extra,
    };
  };
  const bad = parsePolicyFile(JSON.stringify({ Mode: 'block', supportUrl: 'javascript:alert(1)' }));
  const optionCases: [string, OptionsState][] = [
    ['options: no organisation, a site allowed', optionsState({ ...DEFAULT_SETTINGS, allowedSites: ['kaspersky.com'] }, null, null)],
    [
      'options: managed policy with problems, an imported profile, rules over the limit',
      optionsState(
        { ...DEFAULT_SETTINGS, allowedSites: [] },
        {
          mode: 'block',
          allowProceed: false,
          allowUserAllowlist: false,
          organizationName: organization.name,
          message: organization.message,
          supportEmail: organization.supportEmail,
        },
        { supportUrl: organization.supportUrl, downloadGuard: 'block' },
        {
          policyProblems: bad.problems,
          settingsProblems: [{ path: 'mode', code: 'not_mode', values: [] }],
          blockRules: {
            counts: { rules: 1200, regexRules: 5, domains: 40 },
            overLimit: [{ code: 'too_many_pattern_rules', values: [1001, 1000] }],
          },
        },
      ),
    ],
  ];
  for (const [name, state] of optionCases) {
    it(name, async () => {
      await showOptions(state, bracketed);
      // Snippets are generated from the policy (code, not prose): their text is data.
      const snippets = [...root.current.querySelectorAll('pre, code')].map((el) => el.textContent ?? '');
      // The options list every region by name ("Where you are").
      expectOnlyMessagesAndData(state, bad.problems, snippets, '1,200', REGION_CODES);
    });
  }
});

/** The options page on `state`, whatever it is asked to save or import answered with `state` again. */
async function showOptions(state: OptionsState, i18n: I18n): Promise<void> {
  await show(
    <Options
      i18n={i18n}
      loadState={async () => state}
      saveSettings={async () => state}
      importPolicy={async () => ({ ok: true as const, state })}
      clearImportedPolicy={async () => state}
      onExternalChange={() => () => undefined}
      copyText={async () => undefined}
    />,
  );
}

describe('policy problems in the page language', () => {
  it('options: a policy problem and what is used instead, in German, the limit written the German way', async () => {
    const { problems } = parseManagedPolicy({ exemptDomains: Array.from({ length: 100_001 }, (_, i) => `h${i}.example`), Mode: 'block' });
    const state: OptionsState = {
      settings: { ...DEFAULT_SETTINGS, allowedSites: [] },
      ...mergeSettings({ ...DEFAULT_SETTINGS, allowedSites: [] }, {}),
      settingsProblems: [{ path: 'allowedSites', code: 'wrong_type', values: ['Array', '"kaspersky.com"'] }],
      policyProblems: problems,
      importedPolicy: null,
      managedPolicy: null,
      blockRules: { counts: { rules: 6, regexRules: 5, domains: 40 }, overLimit: [] },
      extensionId: CHROME_EXTENSION_ID,
      browserRegion: null,
      builtInVendors: [{ id: 'kaspersky', name: 'Kaspersky' }],
    };
    await showOptions(state, { t: translator('de'), locale: 'de-DE' });
    const rows = [...root.current.querySelectorAll('.policy-problems tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['exemptDomains', 'hat mehr als 100.000 Einträge', 'der Standardwert oder Ihre eigene Einstellung für diesen Schlüssel'],
      ['Mode', 'ist kein Richtlinienschlüssel von Vendor Guard', 'nichts: der Schlüssel wird ignoriert'],
    ]);
    expect(root.current.querySelector('.settings-problems li')?.textContent).toBe(
      'allowedSites: hat den falschen Typ: erwartet Array, gefunden "kaspersky.com"',
    );
  });

  it('options: blocking rules over the browser limits, in German, the numbers written the German way', async () => {
    const user = { ...DEFAULT_SETTINGS, mode: 'block' as const, allowedSites: [] };
    const state: OptionsState = {
      settings: user,
      ...mergeSettings(user, {}),
      settingsProblems: [],
      policyProblems: [],
      importedPolicy: null,
      managedPolicy: null,
      blockRules: {
        counts: { rules: 6001, regexRules: 1001, domains: 40 },
        overLimit: [
          { code: 'too_many_rules', values: [6001, 5000] },
          { code: 'too_many_pattern_rules', values: [1001, 1000] },
          { code: 'pattern_too_long', values: ['7', 2400, 160] },
        ],
      },
      extensionId: CHROME_EXTENSION_ID,
      browserRegion: null,
      builtInVendors: [{ id: 'kaspersky', name: 'Kaspersky' }],
    };
    await showOptions(state, { t: translator('de'), locale: 'de-DE' });
    expect([...root.current.querySelectorAll('.block-rules-over-limit li')].map((li) => li.textContent)).toEqual([
      '6.001 Regeln; der Browser erlaubt 5.000',
      '1.001 Regeln mit Suchmuster; der Browser erlaubt 1.000',
      'Regel 7 hat ein Suchmuster mit 2.400 Zeichen; der Browser lehnt Suchmuster mit mehr als 160 Zeichen möglicherweise ab',
    ]);
  });
});
