// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverLimit } from '../../../src/core/policy/block-rules.ts';
import { mergeSettings } from '../../../src/core/policy/merge.ts';
import { parsePolicyFile, type OrgPolicy, type PolicyProblem } from '../../../src/core/policy/schema.ts';
import { DEFAULT_SETTINGS, type Settings, type SettingsProblem } from '../../../src/core/policy/settings.ts';
import { snippetTitleKey } from '../../../src/core/i18n/keys.ts';
import { CHROME_EXTENSION_ID, FIREFOX_ADDON_ID, VENDOR_GUARD_IDS } from '../../../src/core/identity.ts';
import { exportPolicyFile, policySnippets } from '../../../src/core/policy/snippets.ts';
import type { OptionsState } from '../../../src/platform/messages.ts';
import { focusIndexAfterRemoval, Options } from '../../../src/ui/options/Options.tsx';
import { exportedPolicy, LOCKED_KEY_LABELS, MAX_PROFILE_BYTES } from '../../../src/ui/options/state.ts';
import { messages } from './i18n-stub.ts';
import { i18n } from './i18n-stub.ts';
import { useRenderRoot } from './render-root.ts';

const root = useRenderRoot();
afterEach(() => {
  vi.restoreAllMocks();
});

const flush = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

const EXTENSION_ID = CHROME_EXTENSION_ID;

interface World {
  user: Settings;
  settingsProblems?: SettingsProblem[];
  policyProblems?: PolicyProblem[];
  managedPolicy?: OrgPolicy | null;
  importedPolicy?: OrgPolicy | null;
  overLimit?: OverLimit[];
  browserRegion?: string | null;
}

/** What the background answers, computed with the real merge. */
function stateOf(world: World): OptionsState {
  const importedPolicy = world.importedPolicy ?? null;
  const managedPolicy = world.managedPolicy ?? null;
  const { effective, locked } = mergeSettings(world.user, { ...importedPolicy, ...managedPolicy });
  return structuredClone({
    settings: world.user,
    effective,
    locked,
    settingsProblems: world.settingsProblems ?? [],
    policyProblems: world.policyProblems ?? [],
    importedPolicy,
    managedPolicy,
    blockRules: { counts: { rules: 6, regexRules: 5, domains: 40 }, overLimit: world.overLimit ?? [] },
    extensionId: EXTENSION_ID,
    browserRegion: world.browserRegion ?? null,
    builtInVendors: [{ id: 'kaspersky', name: 'Kaspersky' }],
  });
}

const user = (settings: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, allowedSites: [], ...settings });

/** Renders the options page over an in-memory background that answers like the real one. */
async function open(initial: World | Error, { failSave = false, failCopy = false } = {}) {
  const world: World = initial instanceof Error ? { user: user() } : structuredClone(initial);
  let listener: (() => void) | null = null;
  const saved: Settings[] = [];
  const api = {
    loadState: vi.fn(() => (initial instanceof Error ? Promise.reject(initial) : Promise.resolve(stateOf(world)))),
    saveSettings: vi.fn(async (settings: Settings) => {
      if (failSave) throw new Error('quota exceeded');
      saved.push(structuredClone(settings));
      world.user = structuredClone(settings);
      world.settingsProblems = [];
      return stateOf(world);
    }),
    importPolicy: vi.fn(async (contents: string) => {
      const parsed = parsePolicyFile(contents);
      if (parsed.problems.length > 0) return { ok: false as const, problems: parsed.problems };
      world.importedPolicy = parsed.policy;
      return { ok: true as const, state: stateOf(world) };
    }),
    clearImportedPolicy: vi.fn(async () => {
      world.importedPolicy = null;
      return stateOf(world);
    }),
    onExternalChange: (callback: () => void) => {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    copyText: vi.fn((_text: string) => (failCopy ? Promise.reject(new Error('denied')) : Promise.resolve())),
  };
  await act(async () => {
    render(<Options i18n={i18n} {...api} />, root.current);
  });
  await flush();
  return {
    world,
    saved,
    api,
    changeElsewhere: async (change: (world: World) => void) => {
      change(world);
      await act(() => listener?.());
      await flush();
    },
  };
}

const radio = (name: string, value: string) => root.current.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const button = (name: string) =>
  [...root.current.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
const status = () => root.current.querySelector('[role="status"]')?.textContent ?? '';
const click = (element: HTMLElement | undefined) =>
  act(async () => {
    element?.click();
  }).then(flush);
const region = (name: string) =>
  [...root.current.querySelectorAll('section[aria-labelledby]')].find(
    (s) => root.current.querySelector(`#${s.getAttribute('aria-labelledby')}`)?.textContent === name,
  );

/** Chooses a file in the profile file input, as the file picker would. */
async function chooseFile(contents: string, name = 'profile.json') {
  const input = root.current.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([contents], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
  await flush();
}

describe('Options: warnings and downloads', () => {
  it('shows Warn / Block / Off in a "Warnings" fieldset and saves a change at once', async () => {
    const { saved } = await open({ user: user() });
    expect(root.current.querySelector('fieldset legend')?.textContent).toBe('Warnings');
    expect([...root.current.querySelectorAll<HTMLInputElement>('input[name="mode"]')].map((r) => r.value)).toEqual([
      'warn',
      'block',
      'off',
    ]);
    expect(radio('mode', 'warn').checked).toBe(true);
    expect(root.current.querySelector('label[for="mode-warn"]')?.textContent).toBe('Warn me on purchase and download pages');
    expect(root.current.querySelector('label[for="mode-block"]')?.textContent).toBe('Block purchase and download pages');
    expect(root.current.querySelector('#mode-block-hint')?.textContent).toBe(
      'Show a blocking page instead, with the reason and a way back.',
    );
    expect(root.current.querySelector('label[for="mode-off"]')?.textContent).toBe('Off');
    expect(status()).toBe('');
    await click(radio('mode', 'off'));
    expect(saved).toEqual([{ ...DEFAULT_SETTINGS, mode: 'off', downloadGuard: 'warn', allowedSites: [] }]);
    expect(radio('mode', 'off').checked).toBe(true);
    expect(status()).toBe('Saved');
    expect(root.current.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('reports the blocking rules in block mode', async () => {
    await open({ user: user({ mode: 'warn' }) });
    expect(root.current.querySelector('.block-rules-count')).toBeNull();
    await click(radio('mode', 'block'));
    expect(root.current.querySelector('.block-rules-count')?.textContent).toBe('Blocking rules installed: 6');
  });

  it('warns, line by line, when the blocking rules exceed the browser limits', async () => {
    await open({
      user: user({ mode: 'block' }),
      overLimit: [
        { code: 'too_many_rules', values: [6001, 5000] },
        { code: 'pattern_too_long', values: ['7', 2400, 160] },
      ],
    });
    const warning = root.current.querySelector('.block-rules-over-limit')!;
    expect(warning.textContent).toContain("Blocking rules could not be installed: the policy exceeds this browser's limits.");
    // Worded from _locales, the numbers as the page's locale (en-US) writes them.
    expect([...warning.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '6,001 rules; the browser allows 5,000',
      'rule 7 has a 2,400-character pattern; the browser may refuse patterns over 160',
    ]);
    expect(root.current.querySelector('.block-rules-count')).toBeNull();
  });

  it('shows the download guard as Notify me / Cancel them / Do nothing and saves it', async () => {
    const { saved } = await open({ user: user() });
    const legend = [...root.current.querySelectorAll('fieldset legend')].map((l) => l.textContent);
    expect(legend).toContain('Installer downloads from restricted vendors');
    expect(root.current.querySelector('label[for="downloadGuard-warn"]')?.textContent).toBe('Notify me');
    expect(root.current.querySelector('label[for="downloadGuard-block"]')?.textContent).toBe('Cancel them');
    expect(root.current.querySelector('label[for="downloadGuard-off"]')?.textContent).toBe('Do nothing');
    expect(radio('downloadGuard', 'warn').checked).toBe(true);
    await click(radio('downloadGuard', 'block'));
    expect(saved).toEqual([{ ...DEFAULT_SETTINGS, mode: 'warn', downloadGuard: 'block', allowedSites: [] }]);
    expect(radio('downloadGuard', 'block').checked).toBe(true);
  });
});

describe('Options: about', () => {
  it('links to the privacy policy bundled with the extension, in a new tab', async () => {
    await open({ user: user() });
    const link = region('About')?.querySelector('a');
    expect(link?.textContent).toBe('Privacy policy (in English)');
    expect(link?.getAttribute('href')).toBe('/privacy.html');
    expect(link?.getAttribute('target')).toBe('_blank');
  });
});

describe('Options: organisation policy', () => {
  const managed: OrgPolicy = {
    mode: 'block',
    downloadGuard: 'block',
    allowUserAllowlist: false,
    organizationName: 'Example Corp',
    message: 'Kaspersky is not approved.\nAsk the help desk for <b>Defender</b>.',
    supportUrl: 'https://help.example.com/av',
    supportEmail: 'it@example.com',
  };

  it('disables every locked field with "Set by your organisation", described by the note', async () => {
    const { saved } = await open({
      user: user({ mode: 'off', downloadGuard: 'off', allowedSites: ['a.example'] }),
      managedPolicy: managed,
    });
    for (const name of ['mode', 'downloadGuard']) {
      const radios = [...root.current.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
      expect(
        radios.every((r) => r.disabled),
        name,
      ).toBe(true);
      const note = root.current.querySelector(`#${name}-locked`);
      expect(note?.textContent).toBe('Set by your organisation');
      for (const r of radios) expect(r.getAttribute('aria-describedby')?.split(' ')).toContain(`${name}-locked`);
    }
    // The organisation's values show, not the user's.
    expect(radio('mode', 'block').checked).toBe(true);
    expect(radio('downloadGuard', 'block').checked).toBe(true);
    await click(radio('mode', 'warn'));
    expect(saved).toEqual([]);
    // The user's list is neither shown nor editable.
    const sites = region('Sites you chose not to be warned on')!;
    expect(sites.textContent).toContain('Set by your organisation');
    expect(sites.textContent).toContain('Your organisation does not allow a personal list of sites.');
    expect(sites.getAttribute('aria-describedby')).toBe('sites-locked');
    expect(button('Remove a.example')).toBeUndefined();
    expect(button('Clear all')).toBeUndefined();
  });

  it('names the organisation, shows its message as written, its contact, and the settings it decides', async () => {
    await open({ user: user(), managedPolicy: managed });
    const panel = region('Managed by Example Corp')!;
    expect(panel.textContent).toContain("Set by your organisation's browser policy.");
    expect(panel.querySelector('.as-written')?.textContent).toBe('Kaspersky is not approved.\nAsk the help desk for <b>Defender</b>.');
    expect(panel.querySelector('b')).toBeNull();
    expect(panel.querySelector('a[href="https://help.example.com/av"]')?.textContent).toBe('Help page (help.example.com)');
    expect(panel.querySelector('a[href="mailto:it@example.com"]')?.textContent).toBe('it@example.com');
    const keys = [...panel.querySelectorAll('.org-key-list li')].map((li) => li.textContent);
    expect(keys).toEqual([
      'Warnings',
      'Your own list of sites',
      'Organisation name',
      'Help page',
      'Help-desk e-mail',
      'Message',
      'Installer downloads',
      'Sites you chose not to be warned on',
    ]);
  });

  it('shows no organisation section and no locks without a policy', async () => {
    await open({ user: user() });
    expect(root.current.querySelector('.org-panel')).toBeNull();
    expect(root.current.textContent).not.toContain('Set by your organisation');
    expect(radio('mode', 'warn').disabled).toBe(false);
  });

  it('lists every policy problem in a table: key, problem, what is used instead', async () => {
    await open({
      user: user(),
      managedPolicy: { mode: 'block' },
      policyProblems: [
        { path: 'supportUrl', code: 'not_web_url', values: [], fallback: 'default' },
        { path: 'extraVendors[0].domains[2]', code: 'not_hostname', values: [], fallback: 'default' },
        { path: 'blockedDomains', code: 'too_many', values: [100_000], fallback: 'default' },
        { path: 'colour', code: 'unknown_key', values: [], fallback: 'ignored' },
      ],
    });
    const panel = region('Policy problems')!;
    expect(panel).toBeDefined();
    expect([...panel.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Key', 'Problem', 'Used instead']);
    const rows = [...panel.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['supportUrl', 'must be a URL starting with https:// or http://', 'the default or your own setting for this key'],
      ['extraVendors[0].domains[2]', 'is not a hostname (like example.com)', 'the default or your own setting for this key'],
      ['blockedDomains', 'has more than 100,000 entries', 'the default or your own setting for this key'],
      ['colour', 'is not a Vendor Guard policy key', 'nothing: the key is ignored'],
    ]);
    // The valid key still applies.
    expect(radio('mode', 'block').checked).toBe(true);
  });

  it('shows no "Policy problems" panel when there are none', async () => {
    await open({ user: user(), managedPolicy: { mode: 'block' } });
    expect(region('Policy problems')).toBeUndefined();
  });

  it('names every setting an organisation can lock', () => {
    for (const key of Object.values(LOCKED_KEY_LABELS)) expect(messages[key], key).toBeDefined();
  });
});

describe('Options: organisation profile', () => {
  it('rejects a bad file whole: every problem path in an alert, settings unchanged', async () => {
    const { api, saved } = await open({ user: user({ mode: 'off' }) });
    const bad = JSON.stringify({ mode: 'panic', supportUrl: 'javascript:alert(1)', alternatives: [{ name: 'X' }] });
    await chooseFile(bad);
    expect(api.importPolicy).toHaveBeenCalledWith(bad);
    const alert = root.current.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('The file was not imported, and your settings are unchanged.');
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toBe('mode: must be "off", "warn" or "block"');
    expect(items[1]).toMatch(/^supportUrl: must be a URL/);
    expect(items[2]).toBe('alternatives[0].url: is missing, and it is required');
    expect(radio('mode', 'off').checked).toBe(true);
    expect(radio('mode', 'off').disabled).toBe(false);
    expect(root.current.querySelector('.org-panel')).toBeNull();
    expect(saved).toEqual([]);
    expect(status()).toBe('');
  });

  it('says so for a file that is not JSON', async () => {
    await open({ user: user() });
    await chooseFile('{ not json');
    const item = root.current.querySelector('[role="alert"] li')?.textContent ?? '';
    expect(item).toBe('the file: is not valid JSON (the error is at line 1, column 3)');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { api } = await open({ user: user() });
    await chooseFile(' '.repeat(MAX_PROFILE_BYTES + 1));
    expect(api.importPolicy).not.toHaveBeenCalled();
    expect(root.current.querySelector('[role="alert"] li')?.textContent).toBe('the file: is larger than 16 MB');
  });

  it('says what the browser said when the file cannot be checked', async () => {
    const { api } = await open({ user: user() });
    api.importPolicy.mockRejectedValueOnce(new Error('Could not establish connection.'));
    await chooseFile('{}');
    expect(root.current.querySelector('[role="alert"] li')?.textContent).toBe(
      'the file: could not be checked: Could not establish connection.',
    );
  });

  it('imports a valid profile: applied and locked, "imported" said, earlier errors gone; then removes it', async () => {
    await open({ user: user() });
    await chooseFile('[]');
    expect(root.current.querySelector('[role="alert"]')).not.toBeNull();
    await chooseFile(JSON.stringify({ mode: 'block', organizationName: 'Small Office' }));
    expect(root.current.querySelector('[role="alert"]')).toBeNull();
    expect(status()).toBe('Organisation profile imported');
    expect(radio('mode', 'block').checked).toBe(true);
    expect(radio('mode', 'block').disabled).toBe(true);
    expect(region('Managed by Small Office')?.textContent).toContain('Set by an organisation profile imported in this browser.');

    await click(button('Remove imported profile'));
    expect(status()).toBe('Imported profile removed');
    expect(radio('mode', 'warn').checked).toBe(true);
    expect(radio('mode', 'warn').disabled).toBe(false);
    expect(button('Remove imported profile')).toBeUndefined();
    expect(document.activeElement?.textContent).toBe('Import profile…');
  });

  it('exports the organisation layer (managed over imported) as vendor-guard-policy.json', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return `blob:test/${created.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await open({ user: user(), importedPolicy: { mode: 'warn', organizationName: 'Imported' }, managedPolicy: { mode: 'block' } });
    const link = root.current.querySelector<HTMLAnchorElement>('a[download="vendor-guard-policy.json"]')!;
    expect(link.textContent).toBe('Export profile');
    expect(link.getAttribute('href')).toBe(`blob:test/${created.length}`);
    const contents = await created.at(-1)!.text();
    expect(JSON.parse(contents)).toEqual({ mode: 'block', organizationName: 'Imported' });
    expect(parsePolicyFile(contents).problems).toEqual([]);
  });

  it("exports the user's own mode, download guard, place, role and warning choice when no organisation policy applies", () => {
    const state = stateOf({ user: user({ mode: 'block', downloadGuard: 'off', allowedSites: ['a.example'] }) });
    expect(exportedPolicy(state)).toEqual({ mode: 'block', downloadGuard: 'off', audience: 'personal', warnFor: 'any' });
    const placed = stateOf({ user: user({ region: 'DE', audience: 'government', warnFor: 'here' }) });
    expect(exportedPolicy(placed)).toEqual({
      mode: 'warn',
      downloadGuard: 'warn',
      jurisdictions: ['DE'],
      audience: 'government',
      warnFor: 'here',
    });
    expect(exportedPolicy({ ...state, importedPolicy: { message: 'hi' }, managedPolicy: null })).toEqual({ message: 'hi' });
  });

  it('shows each deployment snippet with where it goes, and copies it', async () => {
    const { api } = await open({ user: user(), managedPolicy: { mode: 'block' } });
    const details = root.current.querySelector('details.snippets')!;
    expect(details.querySelector('summary')?.textContent).toBe('Deployment snippets');
    const expected = policySnippets({ mode: 'block' }, { chrome: EXTENSION_ID, firefox: VENDOR_GUARD_IDS.firefox });
    const shown = [...details.querySelectorAll('[data-snippet]')];
    expect(shown.map((s) => s.getAttribute('data-snippet'))).toEqual(expected.map((s) => s.id));
    const linux = details.querySelector('[data-snippet="chromium-linux"]')!;
    expect(linux.querySelector('h3')?.textContent).toBe('Chromium on Linux (JSON)');
    expect(linux.textContent).toContain('/etc/chromium/policies/managed/vendor-guard.json');
    expect(linux.querySelector('pre')?.textContent).toBe(expected.find((s) => s.id === 'chromium-linux')!.content);
    expect(linux.querySelector('pre')?.textContent).toContain(EXTENSION_ID);
    expect(details.querySelector('[data-snippet="firefox"] pre')?.textContent).toContain(FIREFOX_ADDON_ID);
    await click(button('Copy Chromium on Linux (JSON)'));
    expect(api.copyText).toHaveBeenCalledWith(expected.find((s) => s.id === 'chromium-linux')!.content);
    expect(status()).toBe('Copied: Chromium on Linux (JSON)');
  });

  it('says how to copy by hand when the clipboard is refused', async () => {
    await open({ user: user() }, { failCopy: true });
    await click(button('Copy Firefox (policies.json)'));
    expect(status()).toBe('Could not copy. The text is selected: copy it with Ctrl+C or ⌘C.');
  });

  it('has a title for every snippet', () => {
    for (const snippet of policySnippets({}, VENDOR_GUARD_IDS)) expect(messages[snippetTitleKey(snippet.id)], snippet.id).toBeDefined();
    expect(exportPolicyFile({})).toBe('{}\n');
  });
});

describe('Options: your sites, reset, problems', () => {
  it('lists allowed sites with a named remove button each, and clears them all', async () => {
    const { saved } = await open({ user: user({ allowedSites: ['a.example', 'b.example', 'c.example'] }) });
    expect(button('Clear all')?.disabled).toBe(false);
    await click(button('Remove b.example'));
    expect(saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS, mode: 'warn', downloadGuard: 'warn', allowedSites: ['a.example', 'c.example'] });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove c.example');
    await click(button('Clear all'));
    expect(saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS, mode: 'warn', downloadGuard: 'warn', allowedSites: [] });
    expect(root.current.textContent).toContain("No sites. Use “Don't warn me on this site” on a warning to add one.");
    expect(button('Clear all')?.disabled).toBe(true);
  });

  it('resets to the defaults only after an in-page confirmation', async () => {
    const { saved } = await open({ user: user({ mode: 'off', downloadGuard: 'block', allowedSites: ['a.example'] }) });
    expect(button('Confirm reset')).toBeUndefined();
    await click(button('Reset to defaults'));
    expect(saved).toHaveLength(0);
    expect(document.activeElement?.textContent).toBe('Confirm reset');
    await click(button('Cancel'));
    expect(button('Confirm reset')).toBeUndefined();
    await click(button('Reset to defaults'));
    await click(button('Confirm reset'));
    expect(saved).toEqual([{ ...DEFAULT_SETTINGS, allowedSites: [] }]);
    expect(radio('mode', 'warn').checked).toBe(true);
    expect(radio('downloadGuard', 'warn').checked).toBe(true);
    expect(document.activeElement?.textContent).toBe('Reset to defaults');
  });

  it('shows problems in the stored settings, and hides them once valid settings are saved', async () => {
    await open({
      user: user(),
      settingsProblems: [
        { path: 'mode', code: 'not_mode', values: [] },
        { path: '', code: 'not_object', values: [] },
      ],
    });
    const notice = root.current.querySelector('.settings-problems')?.textContent ?? '';
    expect(notice).toContain('Some saved settings could not be read and were reset to their defaults:');
    expect(notice).toContain('mode: must be "off", "warn" or "block"');
    expect(notice).toContain('all settings: is not a JSON object of keys and values, like {"mode": "warn"}');
    await click(radio('mode', 'off'));
    expect(root.current.querySelector('.settings-problems')).toBeNull();
  });

  it('never crashes when loading fails: defaults, with the problem shown', async () => {
    await open(new Error('background unavailable'));
    expect(radio('mode', 'warn').checked).toBe(true);
    expect(root.current.querySelector('.settings-problems li')?.textContent).toBe(
      'all settings: could not be loaded: background unavailable',
    );
  });

  it('follows changes made elsewhere', async () => {
    const { changeElsewhere } = await open({ user: user() });
    await changeElsewhere((world) => {
      world.user = user({ mode: 'off', allowedSites: ['z.example'] });
    });
    expect(radio('mode', 'off').checked).toBe(true);
    expect(button('Remove z.example')).toBeDefined();
    await changeElsewhere((world) => {
      world.managedPolicy = { mode: 'block' };
    });
    expect(radio('mode', 'block').checked).toBe(true);
    expect(root.current.querySelector('#mode-locked')?.textContent).toBe('Set by your organisation');
  });

  it('says so when saving fails, and shows what is really saved', async () => {
    await open({ user: user() }, { failSave: true });
    await click(radio('mode', 'off'));
    expect(status()).toBe('Could not save your settings: quota exceeded');
    expect(radio('mode', 'warn').checked).toBe(true);
  });
});

describe('focusIndexAfterRemoval', () => {
  it('moves to the next row, the previous one at the end, or nowhere when the list empties', () => {
    expect(focusIndexAfterRemoval(0, 3)).toBe(0);
    expect(focusIndexAfterRemoval(2, 3)).toBe(1);
    expect(focusIndexAfterRemoval(0, 1)).toBeNull();
  });
});

describe('Options: where you are, who you are, when to warn, which vendors', () => {
  const select = () => root.current.querySelector<HTMLSelectElement>('select#region')!;
  const change = (element: HTMLSelectElement, value: string) =>
    act(async () => {
      element.value = value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    }).then(flush);

  it("offers the browser's region as automatic, every region by name, and saves a choice", async () => {
    const { saved } = await open({ user: user(), browserRegion: 'AU' });
    expect(select().options[0]?.textContent).toBe("Automatic: Australia (from your browser's languages)");
    expect(select().options.length).toBeGreaterThan(240);
    expect([...select().options].some((option) => option.value === 'DE' && option.textContent === 'Germany')).toBe(true);
    await change(select(), 'DE');
    expect(saved.at(-1)).toMatchObject({ region: 'DE' });
    expect(select().value).toBe('DE');
    await click(radio('audience', 'federal_contractor'));
    expect(saved.at(-1)).toMatchObject({ region: 'DE', audience: 'federal_contractor' });
    await click(radio('warnFor', 'bans'));
    expect(saved.at(-1)).toMatchObject({ warnFor: 'bans' });
    expect(root.current.querySelector('label[for="warnFor-bans"]')?.textContent).toBe('Only for bans that apply to me');
  });

  it("shows the organisation's jurisdictions and role locked", async () => {
    await open({ user: user({ region: 'FR' }), managedPolicy: { jurisdictions: ['DE', 'AT'], audience: 'government', warnFor: 'here' } });
    expect(root.current.querySelector('select#region')).toBeNull();
    expect(root.current.querySelector('.region-locked')?.textContent).toBe('Germany and Austria');
    expect(radio('audience', 'government').checked).toBe(true);
    expect(radio('audience', 'personal').disabled).toBe(true);
    expect(radio('warnFor', 'here').checked).toBe(true);
    expect(radio('warnFor', 'any').disabled).toBe(true);
  });

  it('switches a built-in vendor off and on, unless the organisation decides', async () => {
    const { saved } = await open({ user: user() });
    const kaspersky = () => root.current.querySelector<HTMLInputElement>('#vendor-kaspersky')!;
    expect(kaspersky().checked).toBe(true);
    expect(root.current.querySelector('label[for="vendor-kaspersky"]')?.textContent).toBe('Kaspersky');
    await click(kaspersky());
    expect(saved.at(-1)).toMatchObject({ vendorsOff: ['kaspersky'] });
    expect(kaspersky().checked).toBe(false);
    await click(kaspersky());
    expect(saved.at(-1)).toMatchObject({ vendorsOff: [] });
    await open({ user: user({ vendorsOff: ['kaspersky'] }), managedPolicy: { vendors: ['kaspersky'] } });
    expect(kaspersky().checked).toBe(true);
    expect(kaspersky().disabled).toBe(true);
  });
});
