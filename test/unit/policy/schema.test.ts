import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  POLICY_LIMITS,
  POLICY_KEYS,
  parseManagedPolicy,
  parsePolicyFile,
  type OrgPolicy,
  type PolicyProblem,
} from '../../../src/core/policy/schema.ts';
import type { ProblemCode, ProblemValue } from '../../../src/core/policy/problems.ts';
import { fallbackMessageKey } from '../../../src/core/i18n/keys.ts';
import { POLICY_DEFAULTS, mergeSettings } from '../../../src/core/policy/merge.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/policy/settings.ts';
import { classifyWithPolicy, compilePolicy, findVendor } from '../../../src/core/policy/compile.ts';
import { POLICY_VENDOR_ID } from '../../../src/core/vendors/view.ts';
import { decide } from '../../../src/core/policy/decide.ts';
import { siteOf } from '../../../src/core/classify/url-parts.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import { problemText } from '../../../src/core/i18n/coded.ts';
import { i18n as english, translator } from '../ui/i18n-stub.ts';

/** Valid keys sent alongside each bad one: managed parsing must keep them. */
const VALID = { mode: 'block', organizationName: 'Example Corp IT', exemptDomains: ['licences.example.com'] } as const;

const vendor = (overrides: Record<string, unknown> = {}) => ({
  id: 'nordvale',
  name: 'Nordvale Security',
  domains: ['nordvale.example'],
  restriction: 'Banned on company devices.',
  sourceUrl: 'https://intranet.example.com/notice',
  ...overrides,
});
const alternative = (overrides: Record<string, unknown> = {}) => ({ name: 'Example AV', url: 'https://av.example/', ...overrides });
const withoutKeys = (object: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
const hosts = (count: number) => Array.from({ length: count }, (_, i) => `h${i}.example`);

/** An expected problem: where, its code, and the values its message takes. */
type Expected = [path: string, code: ProblemCode, values?: ProblemValue[]];
const problem = ([path, code, values = []]: Expected, fallback: PolicyProblem['fallback']): PolicyProblem => ({
  path,
  code,
  values,
  fallback,
});

/** [label, the bad key and value(s), every expected problem]. */
const MALFORMED: [string, Record<string, unknown>, Expected[]][] = [
  ['mode as a number', { mode: 5 }, [['mode', 'not_mode']]],
  ['mode not in the list', { mode: 'loud' }, [['mode', 'not_mode']]],
  ['mode in capitals', { mode: 'BLOCK' }, [['mode', 'not_mode']]],
  ['allowProceed as a string', { allowProceed: 'yes' }, [['allowProceed', 'not_boolean']]],
  ['allowProceed as 1', { allowProceed: 1 }, [['allowProceed', 'not_boolean']]],
  ['allowUserAllowlist null', { allowUserAllowlist: null }, [['allowUserAllowlist', 'not_boolean']]],
  ['extraVendors as an object', { extraVendors: {} }, [['extraVendors', 'not_vendor_list']]],
  ['a vendor that is a number', { extraVendors: [5] }, [['extraVendors[0]', 'wrong_type', ['Object', '5']]]],
  ['vendor without sourceUrl', { extraVendors: [withoutKeys(vendor(), ['sourceUrl'])] }, [['extraVendors[0].sourceUrl', 'missing_field']]],
  ['vendor id in capitals', { extraVendors: [vendor({ id: 'Nordvale' })] }, [['extraVendors[0].id', 'not_vendor_id']]],
  ['vendor id of one character', { extraVendors: [vendor({ id: 'n' })] }, [['extraVendors[0].id', 'not_vendor_id']]],
  ['vendor id with a space', { extraVendors: [vendor({ id: 'nord vale' })] }, [['extraVendors[0].id', 'not_vendor_id']]],
  ['vendor with an empty name', { extraVendors: [vendor({ name: '' })] }, [['extraVendors[0].name', 'empty']]],
  ['vendor name of spaces', { extraVendors: [vendor({ name: '   ' })] }, [['extraVendors[0].name', 'empty']]],
  [
    'vendor name too long',
    { extraVendors: [vendor({ name: 'x'.repeat(POLICY_LIMITS.name + 1) })] },
    [['extraVendors[0].name', 'too_long', [POLICY_LIMITS.name]]],
  ],
  ['vendor without domains', { extraVendors: [vendor({ domains: [] })] }, [['extraVendors[0].domains', 'no_domains']]],
  [
    'vendor domains as a string',
    { extraVendors: [vendor({ domains: 'nordvale.example' })] },
    [['extraVendors[0].domains', 'not_hostname_list']],
  ],
  [
    'a bad vendor domain deep in the list',
    { extraVendors: [vendor({ domains: ['nordvale.example', 'nordvale.example.net', 'bad_host!'] })] },
    [['extraVendors[0].domains[2]', 'not_hostname']],
  ],
  [
    'vendor sourceUrl javascript:',
    { extraVendors: [vendor({ sourceUrl: 'javascript:alert(1)' })] },
    [['extraVendors[0].sourceUrl', 'not_https_url']],
  ],
  [
    'vendor sourceUrl data:',
    { extraVendors: [vendor({ sourceUrl: 'data:text/html,<script>alert(1)</script>' })] },
    [['extraVendors[0].sourceUrl', 'not_https_url']],
  ],
  [
    'vendor sourceUrl ftp:',
    { extraVendors: [vendor({ sourceUrl: 'ftp://files.example/notice.txt' })] },
    [['extraVendors[0].sourceUrl', 'not_https_url']],
  ],
  [
    'vendor sourceUrl http:',
    { extraVendors: [vendor({ sourceUrl: 'http://intranet.example.com/notice' })] },
    [['extraVendors[0].sourceUrl', 'not_https_url']],
  ],
  [
    'vendor restriction too long',
    { extraVendors: [vendor({ restriction: 'x'.repeat(POLICY_LIMITS.text + 1) })] },
    [['extraVendors[0].restriction', 'too_long', [POLICY_LIMITS.text]]],
  ],
  [
    'vendor with an empty product name',
    { extraVendors: [vendor({ productNames: ['Shield', ''] })] },
    [['extraVendors[0].productNames[1]', 'empty']],
  ],
  [
    'vendor with too many product names',
    { extraVendors: [vendor({ productNames: Array.from({ length: POLICY_LIMITS.productNames + 1 }, (_, i) => `P${i}`) })] },
    [['extraVendors[0].productNames', 'too_many', [POLICY_LIMITS.productNames]]],
  ],
  [
    'vendor with an unknown key',
    { extraVendors: [vendor({ website: 'https://nordvale.example/' })] },
    [['extraVendors[0].website', 'unknown_field']],
  ],
  [
    'two vendors with the same id',
    { extraVendors: [vendor(), vendor({ name: 'Nordvale again', domains: ['nordvale.example.net'] })] },
    [['extraVendors', 'duplicate_vendor_id']],
  ],
  [
    'too many vendors',
    { extraVendors: Array.from({ length: POLICY_LIMITS.extraVendors + 1 }, (_, i) => vendor({ id: `v${i}`, domains: [`v${i}.example`] })) },
    [['extraVendors', 'too_many', [POLICY_LIMITS.extraVendors]]],
  ],
  ['blockedDomains as a string', { blockedDomains: 'shady-keys.example' }, [['blockedDomains', 'not_hostname_list']]],
  ['a hostname with a space', { blockedDomains: ['shady-keys.example', 'not a host'] }, [['blockedDomains[1]', 'not_hostname']]],
  ['a number among hostnames', { blockedDomains: [5] }, [['blockedDomains[0]', 'wrong_type', ['string', '5']]]],
  [
    'hostnames with a leading hyphen, empty label or Unicode',
    { blockedDomains: ['-bad.example', 'a..b', 'bücher.example'] },
    [
      ['blockedDomains[0]', 'not_hostname'],
      ['blockedDomains[1]', 'not_hostname'],
      ['blockedDomains[2]', 'not_hostname'],
    ],
  ],
  ['a URL instead of a hostname', { exemptDomains: ['https://licences.example.com/'] }, [['exemptDomains[0]', 'not_hostname']]],
  [
    'too many exempt domains',
    { exemptDomains: hosts(POLICY_LIMITS.domains + 1) },
    [['exemptDomains', 'too_many', [POLICY_LIMITS.domains]]],
  ],
  ['alternatives as a string', { alternatives: 'Bitdefender' }, [['alternatives', 'not_alternative_list']]],
  ['alternative over http', { alternatives: [alternative({ url: 'http://av.example/' })] }, [['alternatives[0].url', 'not_https_url']]],
  [
    'alternative javascript: URL and empty name',
    { alternatives: [alternative(), alternative({ name: '', url: 'javascript:void(0)' })] },
    [
      ['alternatives[1].name', 'empty'],
      ['alternatives[1].url', 'not_https_url'],
    ],
  ],
  ['alternative with an unknown key', { alternatives: [alternative({ note: 'free' })] }, [['alternatives[0].note', 'unknown_field']]],
  [
    'too many alternatives',
    { alternatives: Array.from({ length: POLICY_LIMITS.alternatives + 1 }, () => alternative()) },
    [['alternatives', 'too_many', [POLICY_LIMITS.alternatives]]],
  ],
  ['organizationName as a number', { organizationName: 42 }, [['organizationName', 'wrong_type', ['string', '42']]]],
  [
    'organizationName too long',
    { organizationName: 'x'.repeat(POLICY_LIMITS.name + 1) },
    [['organizationName', 'too_long', [POLICY_LIMITS.name]]],
  ],
  ['supportUrl javascript:', { supportUrl: 'javascript:alert(document.cookie)' }, [['supportUrl', 'not_web_url']]],
  ['supportUrl data:', { supportUrl: 'data:text/html,<h1>help</h1>' }, [['supportUrl', 'not_web_url']]],
  ['supportUrl ftp:', { supportUrl: 'ftp://helpdesk.example.com/' }, [['supportUrl', 'not_web_url']]],
  ['supportUrl without a scheme', { supportUrl: 'helpdesk.example.com' }, [['supportUrl', 'not_web_url']]],
  ['supportEmail without a domain', { supportEmail: 'it-help' }, [['supportEmail', 'not_email']]],
  ['supportEmail as a list', { supportEmail: ['it-help@example.com'] }, [['supportEmail', 'wrong_type', ['string', 'Array']]]],
  ['message as an object', { message: {} }, [['message', 'wrong_type', ['string', 'Object']]]],
  ['message too long', { message: 'x'.repeat(POLICY_LIMITS.text + 1) }, [['message', 'too_long', [POLICY_LIMITS.text]]]],
  ['downloadGuard not in the list', { downloadGuard: 'cancel' }, [['downloadGuard', 'not_mode']]],
  ['downloadGuard as a boolean', { downloadGuard: true }, [['downloadGuard', 'not_mode']]],
];

/** Unknown keys: reported with fallback "ignored" (managed) and rejected (file). */
const UNKNOWN: [string, Record<string, unknown>, string][] = [
  ['a key in the wrong case', { Mode: 'block' }, 'Mode'],
  ['a key from another product', { allowlist: ['example.com'] }, 'allowlist'],
  ['a Chrome policy put in the wrong place', { ExtensionInstallForcelist: [] }, 'ExtensionInstallForcelist'],
];

describe('parseManagedPolicy: every malformed field, ignored alone', () => {
  it('has at least 30 malformed inputs', () => {
    expect(MALFORMED.length + UNKNOWN.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MALFORMED)('%s', (_label, bad, expected) => {
    const parsed = parseManagedPolicy({ ...VALID, ...bad });
    expect(parsed.problems).toEqual(expected.map((entry) => problem(entry, 'default')));
    // The bad key is not applied at all (not even the valid default beside it); the other valid keys are.
    expect(parsed.policy).toEqual(withoutKeys(VALID, Object.keys(bad)));
    for (const key of Object.keys(bad)) expect(parsed.policy).not.toHaveProperty(key);
  });

  it.each(UNKNOWN)('unknown key: %s', (_label, bad, path) => {
    const parsed = parseManagedPolicy({ ...VALID, ...bad });
    expect(parsed.problems).toEqual([problem([path, 'unknown_key'], 'ignored')]);
    expect(parsed.policy).toEqual(VALID);
  });

  it('keeps every valid field when several others are bad, and lists every problem', () => {
    const parsed = parseManagedPolicy({
      mode: 'block',
      allowProceed: 'no',
      supportUrl: 'javascript:alert(1)',
      supportEmail: 'it-help@example.com',
      blockedDomains: ['shady-keys.example', 'bad host'],
      extra: true,
    });
    expect(parsed.policy).toEqual({ mode: 'block', supportEmail: 'it-help@example.com' });
    expect(parsed.problems.map((entry) => entry.path)).toEqual(['allowProceed', 'supportUrl', 'blockedDomains[1]', 'extra']);
  });

  it.each([[[]], [42], ['block'], [true]])('rejects a top level that is not an object: %j', (input) => {
    expect(parseManagedPolicy(input)).toEqual({ policy: {}, problems: [problem(['', 'not_object'], 'no_policy')] });
  });

  it.each([[undefined], [null], [{}]])('treats %j as no policy, without problems', (input) => {
    expect(parseManagedPolicy(input)).toEqual({ policy: {}, problems: [] });
  });

  it('normalises hostnames: trims, lower-cases, drops "*." and a trailing dot, removes duplicates', () => {
    const parsed = parseManagedPolicy({ blockedDomains: [' *.Shady-Keys.EXAMPLE. ', 'shady-keys.example', 'www.shady-keys.example'] });
    expect(parsed).toEqual({ policy: { blockedDomains: ['shady-keys.example', 'www.shady-keys.example'] }, problems: [] });
  });

  it('gives a vendor without product names an empty list', () => {
    expect(parseManagedPolicy({ extraVendors: [vendor()] }).policy.extraVendors?.[0]?.productNames).toEqual([]);
  });

  it('accepts lists exactly at their limits', () => {
    const parsed = parseManagedPolicy({
      alternatives: Array.from({ length: POLICY_LIMITS.alternatives }, () => alternative()),
      extraVendors: Array.from({ length: POLICY_LIMITS.extraVendors }, (_, i) => vendor({ id: `v${i}`, domains: [`v${i}.example`] })),
      message: 'x'.repeat(POLICY_LIMITS.text),
    });
    expect(parsed.problems).toEqual([]);
  });
});

describe('parsePolicyFile: all or nothing', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(MALFORMED)('rejects the whole file: %s', (_label, bad, expected) => {
    const parsed = parsePolicyFile(JSON.stringify({ ...VALID, ...bad }));
    expect(parsed).toEqual({ policy: {}, problems: expected.map((entry) => problem(entry, 'not_imported')) });
  });

  it.each(UNKNOWN)('rejects the whole file for an unknown key: %s', (_label, bad, path) => {
    expect(parsePolicyFile(JSON.stringify({ ...VALID, ...bad }))).toEqual({
      policy: {},
      problems: [problem([path, 'unknown_key'], 'not_imported')],
    });
  });

  it.each(['', '   \n\t  '])('rejects an empty file %j', (contents) => {
    expect(parsePolicyFile(contents)).toEqual({ policy: {}, problems: [problem(['', 'file_empty'], 'not_imported')] });
  });

  // Where the parser stopped comes from its message: these are as V8 (Node, Chrome) words them.
  it.each<[string, number, number]>([
    ['{mode: "block"}', 1, 2],
    ['{"mode": "block",}', 1, 18],
    ['{"mode": "block"', 1, 17],
    ['{\n  "mode": "block",\n  "message": "Ask IT.",\n}', 4, 1],
  ])('rejects a file that is not JSON, saying where: %j', (contents, line, column) => {
    expect(parsePolicyFile(contents)).toEqual({ policy: {}, problems: [problem(['', 'not_json_at', [line, column]], 'not_imported')] });
  });

  it("takes the line and column from Firefox's wording", () => {
    vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new SyntaxError("JSON.parse: expected property name or '}' at line 2 column 3 of the JSON data");
    });
    expect(parsePolicyFile('{\n  mode: "block"\n}').problems).toEqual([problem(['', 'not_json_at', [2, 3]], 'not_imported')]);
  });

  it.each(['mode=block', '\uFEFF{"mode":"block"}'])(
    'rejects a file that is not JSON where the parser does not say where: %j',
    (contents) => {
      expect(parsePolicyFile(contents)).toEqual({ policy: {}, problems: [problem(['', 'not_json'], 'not_imported')] });
    },
  );

  it.each(['[]', '[{"mode":"block"}]', '42', 'null', '"block"', 'true'])('rejects a top level that is not an object: %s', (contents) => {
    expect(parsePolicyFile(contents)).toEqual({ policy: {}, problems: [problem(['', 'not_object'], 'not_imported')] });
  });

  it('lists every problem of a rejected file, and applies none of its valid keys', () => {
    const parsed = parsePolicyFile(
      JSON.stringify({
        mode: 'block',
        message: 'Ask IT.',
        supportUrl: 'ftp://x.example/',
        extraVendors: [vendor({ domains: ['ok.example', 'bad host'] })],
      }),
    );
    expect(parsed.policy).toEqual({});
    expect(parsed.problems).toEqual([
      problem(['supportUrl', 'not_web_url'], 'not_imported'),
      problem(['extraVendors[0].domains[1]', 'not_hostname'], 'not_imported'),
    ]);
  });

  it('accepts a valid file whole', () => {
    const file = { ...VALID, allowProceed: false, extraVendors: [vendor({ productNames: ['Nordvale Shield'] })], alternatives: [] };
    expect(parsePolicyFile(JSON.stringify(file))).toEqual({ policy: file, problems: [] });
  });
});

describe('problems in words, from _locales', () => {
  const managed = parseManagedPolicy({
    mode: 5,
    supportUrl: 'javascript:alert(1)',
    blockedDomains: ['ok.example', 'bad host', 7],
    exemptDomains: hosts(POLICY_LIMITS.domains + 1),
    extraVendors: [vendor(), vendor({ sourceUrl: undefined, website: 'https://nordvale.example/' })],
    Mode: 'block',
  });
  const lines = (i18n: typeof english) => managed.problems.map((entry) => `${entry.path}: ${problemText(entry, i18n)}`);

  it('reads in English as docs/admin.md shows, with limits written the English way', () => {
    expect(lines(english)).toEqual([
      'mode: must be "off", "warn" or "block"',
      'supportUrl: must be a URL starting with https:// or http://',
      'blockedDomains[1]: is not a hostname (like example.com)',
      'blockedDomains[2]: has the wrong type: expected string, found 7',
      'exemptDomains: has more than 100,000 entries',
      'extraVendors[1].sourceUrl: is missing, and it is required',
      'extraVendors[1].website: is not a field that belongs here',
      'Mode: is not a Vendor Guard policy key',
    ]);
    expect(english.t(fallbackMessageKey(managed.problems[0]!.fallback))).toBe('the default or your own setting for this key');
    const file = parsePolicyFile('{\n  "mode": "block",\n}').problems[0]!;
    expect(problemText(file, english)).toBe('is not valid JSON (the error is at line 3, column 1)');
    expect(english.t(fallbackMessageKey(file.fallback))).toBe('nothing: the file was not imported');
  });

  it('reads in German, with limits written the German way', () => {
    const german = { t: translator('de'), locale: 'de-DE' };
    expect(lines(german)).toEqual([
      'mode: muss "off", "warn" oder "block" sein',
      'supportUrl: muss eine URL sein, die mit https:// oder http:// beginnt',
      'blockedDomains[1]: ist kein Hostname (wie example.com)',
      'blockedDomains[2]: hat den falschen Typ: erwartet string, gefunden 7',
      'exemptDomains: hat mehr als 100.000 Einträge',
      'extraVendors[1].sourceUrl: fehlt, ist aber erforderlich',
      'extraVendors[1].website: ist hier kein gültiges Feld',
      'Mode: ist kein Richtlinienschlüssel von Vendor Guard',
    ]);
  });
});

describe('mergeSettings: defaults < user < organisation', () => {
  const user: Settings = { ...DEFAULT_SETTINGS, mode: 'off', downloadGuard: 'block', allowedSites: ['amazon.com'] };

  it('gives the built-in defaults with no user settings and no policy, and locks nothing', () => {
    expect(mergeSettings({ ...DEFAULT_SETTINGS, allowedSites: [] }, {})).toEqual({
      effective: { ...POLICY_DEFAULTS, ...DEFAULT_SETTINGS },
      locked: [],
    });
  });

  it('lets the user override the defaults', () => {
    const { effective, locked } = mergeSettings(user, {});
    expect(effective).toMatchObject({
      mode: 'off',
      downloadGuard: 'block',
      allowedSites: ['amazon.com'],
      allowProceed: true,
      alternatives: null,
    });
    expect(locked).toEqual([]);
  });

  it('lets the organisation override the user, and locks exactly the keys it sets', () => {
    const { effective, locked } = mergeSettings(user, { mode: 'block', downloadGuard: 'warn', message: 'Ask IT.' });
    expect(effective).toMatchObject({ mode: 'block', downloadGuard: 'warn', message: 'Ask IT.', allowedSites: ['amazon.com'] });
    expect(locked).toEqual(['mode', 'message', 'downloadGuard']);
  });

  it('lists locked keys in schema order, whatever order the policy has', () => {
    const policy: OrgPolicy = { supportEmail: 'it@example.com', mode: 'warn', allowProceed: false };
    expect(mergeSettings(user, policy).locked).toEqual(POLICY_KEYS.filter((key) => key in policy));
  });

  it('empties and locks the user allowlist when the organisation turns it off', () => {
    const { effective, locked } = mergeSettings(user, { allowUserAllowlist: false });
    expect(effective.allowedSites).toEqual([]);
    expect(locked).toEqual(['allowUserAllowlist', 'allowedSites']);
  });

  it('keeps the user allowlist editable when the organisation allows it', () => {
    const { effective, locked } = mergeSettings(user, { allowUserAllowlist: true });
    expect(effective.allowedSites).toEqual(['amazon.com']);
    expect(locked).toEqual(['allowUserAllowlist']);
  });

  it('treats an empty alternatives list as "hide", and no list as "built-in"', () => {
    expect(mergeSettings(user, { alternatives: [] }).effective.alternatives).toEqual([]);
    expect(mergeSettings(user, {}).effective.alternatives).toBeNull();
  });

  it('changes neither its inputs nor the defaults', () => {
    const policy: OrgPolicy = { allowUserAllowlist: false, blockedDomains: ['shady-keys.example'] };
    const before = JSON.stringify([user, policy, POLICY_DEFAULTS, DEFAULT_SETTINGS]);
    mergeSettings(user, policy);
    mergeSettings(user, {});
    expect(JSON.stringify([user, policy, POLICY_DEFAULTS, DEFAULT_SETTINGS])).toBe(before);
  });
});

describe('compilePolicy and classifyWithPolicy', () => {
  const compiled = (policy: OrgPolicy, user: Settings = { ...DEFAULT_SETTINGS, allowedSites: [] }) => {
    const { effective } = mergeSettings(user, policy);
    return { effective, policy: compilePolicy(effective) };
  };
  const decision = (url: string, setup: ReturnType<typeof compiled>) =>
    decide(classifyWithPolicy(url, setup.policy), setup.effective, siteOf(url), { dismissed: false, proceeded: false });

  it('never flags an exempt domain or its subdomains, even kaspersky.com, even in block mode', () => {
    const setup = compiled({ mode: 'block', exemptDomains: ['kaspersky.com', 'licences.example.com'] });
    for (const url of [
      'https://www.kaspersky.com/store',
      'https://usa.kaspersky.com/premium',
      'https://kaspersky.com/downloads',
      'https://licences.example.com/kaspersky-premium-download',
    ]) {
      expect(classifyWithPolicy(url, setup.policy), url).toEqual({
        vendor: null,
        kind: 'none',
        reasons: ['policy-exempt'],
        rule: 'policy-exempt',
      });
      expect(decision(url, setup), url).toMatchObject({ banner: false, block: false, badge: false });
    }
    // Only the listed domains are exempt: other Kaspersky sites are still flagged.
    expect(classifyWithPolicy('https://www.kaspersky.co.uk/plus', setup.policy)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
    expect(decision('https://www.kaspersky.co.uk/plus', setup)).toMatchObject({ block: true });
  });

  it('flags blocked domains and their subdomains as purchase pages, on every path', () => {
    const setup = compiled({ blockedDomains: ['shady-keys.example'] });
    for (const url of ['https://shady-keys.example/', 'https://www.shady-keys.example/blog/post', 'http://a.b.shady-keys.example/x?y=1']) {
      expect(classifyWithPolicy(url, setup.policy), url).toEqual({
        vendor: POLICY_VENDOR_ID,
        kind: 'purchase',
        reasons: ['policy-blocked-domain'],
        rule: 'policy-blocked-domain',
      });
    }
    for (const url of ['https://notshady-keys.example/', 'https://shady-keys.example.net/', 'https://example.org/shady-keys.example']) {
      expect(classifyWithPolicy(url, setup.policy).kind, url).toBe('none');
    }
  });

  it('lets an exempt domain win over a blocked one', () => {
    const setup = compiled({ blockedDomains: ['shady-keys.example'], exemptDomains: ['partner.shady-keys.example'] });
    expect(classifyWithPolicy('https://partner.shady-keys.example/', setup.policy).reasons).toEqual(['policy-exempt']);
    expect(classifyWithPolicy('https://www.shady-keys.example/', setup.policy).reasons).toEqual(['policy-blocked-domain']);
  });

  it("flags an extra vendor's store pages and installers with its id, and not its blog", () => {
    const setup = compiled({
      extraVendors: [{ ...vendor({ domains: ['nordvale.example'] }), productNames: ['Nordvale Shield'] }] as OrgPolicy['extraVendors'],
    });
    expect(classifyWithPolicy('https://www.nordvale.example/store', setup.policy)).toMatchObject({ vendor: 'nordvale', kind: 'purchase' });
    expect(classifyWithPolicy('https://nordvale.example/nordvale-shield', setup.policy)).toMatchObject({
      vendor: 'nordvale',
      kind: 'purchase',
    });
    expect(classifyWithPolicy('https://www.nordvale.example/downloads/', setup.policy)).toMatchObject({
      vendor: 'nordvale',
      kind: 'download',
    });
    expect(classifyWithPolicy('https://files.example.net/Nordvale-Security-Setup.exe', setup.policy)).toEqual({
      vendor: 'nordvale',
      kind: 'download',
      reasons: ['installer-file'],
      rule: 'third-party-installer',
    });
    expect(classifyWithPolicy('https://nordvale.example/blog/2025/news', setup.policy)).toMatchObject({
      vendor: 'nordvale',
      kind: 'vendor',
    });
    // Kaspersky is still covered next to it.
    expect(classifyWithPolicy('https://usa.kaspersky.com/premium', setup.policy)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
  });

  it("replaces every vendor's alternatives with the organisation's list; an empty list hides them", () => {
    const list = [{ name: 'Example AV', url: 'https://av.example/' }];
    const replaced = compiled({
      alternatives: list,
      extraVendors: [{ ...vendor(), productNames: [] }] as OrgPolicy['extraVendors'],
    }).policy;
    expect(findVendor(replaced, 'kaspersky')?.alternatives).toEqual(list);
    expect(findVendor(replaced, 'nordvale')?.alternatives).toEqual(list);
    expect(findVendor(compiled({ alternatives: [] }).policy, 'kaspersky')?.alternatives).toEqual([]);
    const builtIn = VENDORS.find((entry) => entry.id === 'kaspersky')?.alternatives;
    expect(builtIn?.length).toBeGreaterThan(0);
    expect(findVendor(compiled({}).policy, 'kaspersky')?.alternatives).toEqual(builtIn);
  });

  it('classifies exactly like the default classifier when the policy is empty', () => {
    const setup = compiled({});
    expect(classifyWithPolicy('https://usa.kaspersky.com/premium', setup.policy)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
    expect(classifyWithPolicy('https://www.kaspersky.com/blog/post/1/', setup.policy)).toMatchObject({
      vendor: 'kaspersky',
      kind: 'vendor',
    });
    expect(classifyWithPolicy('not a url', setup.policy)).toEqual({ vendor: null, kind: 'none', reasons: ['invalid-url'], rule: null });
  });
});
