import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import { VENDOR_GUARD_IDS } from '../../../src/core/identity.ts';
import { POLICY_KEYS, parseManagedPolicy, parsePolicyFile, type OrgPolicy } from '../../../src/core/policy/schema.ts';
import {
  FIREFOX_INSTALL_URL_PLACEHOLDER,
  exportPolicyFile,
  policySnippets,
  type PolicySnippet,
  type SnippetId,
} from '../../../src/core/policy/snippets.ts';
import { escapeRegistryString } from '../../../src/core/policy/snippets/registry.ts';
import { chromeReadsRegistry } from './registry-model.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Every key set, with the characters each format has to escape, and a line break and accents. */
function fullPolicy(): OrgPolicy {
  const parsed = parsePolicyFile(
    JSON.stringify({
      mode: 'block',
      allowProceed: false,
      allowUserAllowlist: true,
      extraVendors: [
        {
          id: 'nordvale',
          name: 'Nordvale "Security" <Labs> & Co',
          domains: ['nordvale.example', 'nordvale-downloads.example'],
          productNames: ['Nordvale Shield', 'Défense Totale'],
          restriction: 'Banned by notice "SEC-4" \\ see C:\\Policies\\sec4.txt & <intranet>',
          sourceUrl: 'https://intranet.example.com/notice?id=4&lang=en',
        },
      ],
      blockedDomains: ['shady-keys.example', 'cheap-av.example'],
      exemptDomains: ['licences.example.com'],
      alternatives: [
        { name: 'Example AV "Pro" <2025> & more', url: 'https://av.example/?a=1&b=2' },
        { name: 'Café Antivirus', url: 'https://cafe.example/' },
      ],
      organizationName: 'Example "Corp" \\ IT <Team> & Friends',
      supportUrl: 'https://helpdesk.example.com/new?queue=security&x="1"',
      supportEmail: 'it-help@example.com',
      message: 'Line one: ask IT "first".\nLine two: C:\\Temp\\ & <b>not bold</b> — café ✓',
      downloadGuard: 'block',
      scanAllSites: false,
      jurisdictions: ['DE', 'AT'],
      audience: 'government',
      warnFor: 'here',
      vendors: ['kaspersky'],
    }),
  );
  expect(parsed.problems).toEqual([]);
  return parsed.policy;
}

const snippetsFor = (policy: OrgPolicy, options = {}) => policySnippets(policy, VENDOR_GUARD_IDS, options);
const byId = (snippets: PolicySnippet[], id: SnippetId): PolicySnippet => {
  const snippet = snippets.find((item) => item.id === id);
  if (!snippet) throw new Error(`no snippet ${id}`);
  return snippet;
};

/** The preference keys a configuration profile installs (its payload without the Payload* keys). */
function profilePreferences(xml: string): { payloadType: unknown; uuids: unknown[]; preferences: Record<string, unknown> } {
  const profile = parsePlist(xml) as Record<string, unknown>;
  expect(profile.PayloadType).toBe('Configuration');
  const payloads = profile.PayloadContent as Record<string, unknown>[];
  expect(payloads).toHaveLength(1);
  const payload = payloads[0]!;
  const preferences = Object.fromEntries(Object.entries(payload).filter(([key]) => !key.startsWith('Payload')));
  return { payloadType: payload.PayloadType, uuids: [profile.PayloadUUID, payload.PayloadUUID], preferences };
}

// --- Tests ---------------------------------------------------------------------------------------

describe('policySnippets', () => {
  const policy = fullPolicy();
  const snippets = snippetsFor(policy);
  const setKeys = POLICY_KEYS.filter((key) => policy[key] !== undefined);

  it('gives a snippet for Chrome (Windows, macOS, Linux), Chromium, Edge and Firefox', () => {
    expect(snippets.map((snippet) => snippet.id)).toEqual([
      'chrome-windows',
      'chrome-macos',
      'chrome-macos-plist',
      'chrome-linux',
      'chromium-linux',
      'edge-windows',
      'edge-macos',
      'edge-macos-plist',
      'edge-linux',
      'firefox',
    ]);
    expect(setKeys).toEqual(POLICY_KEYS);
  });

  it.each(snippetsFor(fullPolicy()).map((snippet) => [snippet.id, snippet] as const))(
    '%s names the extension and every key set',
    (_id, snippet) => {
      const id = snippet.browser === 'Firefox' ? VENDOR_GUARD_IDS.firefox : VENDOR_GUARD_IDS.chrome;
      // A bare property list holds only the preferences: its file name names the domain.
      expect(snippet.format === 'plist' ? snippet.fileName : snippet.content).toContain(id);
      if (snippet.format !== 'json') expect(snippet.location).toContain(id);
      for (const key of setKeys) expect(snippet.content, key).toContain(key);
    },
  );

  it('puts each snippet where its browser reads it', () => {
    expect(byId(snippets, 'chrome-windows').location).toBe(
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${VENDOR_GUARD_IDS.chrome}\\policy`,
    );
    expect(byId(snippets, 'edge-windows').location).toBe(
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${VENDOR_GUARD_IDS.chrome}\\policy`,
    );
    expect(byId(snippets, 'chrome-macos').location).toBe(`com.google.Chrome.extensions.${VENDOR_GUARD_IDS.chrome}`);
    expect(byId(snippets, 'edge-macos').location).toBe(`com.microsoft.Edge.extensions.${VENDOR_GUARD_IDS.chrome}`);
    expect(byId(snippets, 'chrome-linux').location).toBe('/etc/opt/chrome/policies/managed/vendor-guard.json');
    expect(byId(snippets, 'chromium-linux').location).toBe('/etc/chromium/policies/managed/vendor-guard.json');
    expect(byId(snippets, 'edge-linux').location).toBe('/etc/opt/edge/policies/managed/vendor-guard.json');
  });

  it.each(['chrome-linux', 'chromium-linux', 'edge-linux'] as const)(
    '%s: the JSON parses and its policy round-trips through parseManagedPolicy',
    (id) => {
      const json = JSON.parse(byId(snippets, id).content) as { '3rdparty': { extensions: Record<string, unknown> } };
      expect(Object.keys(json)).toEqual(['3rdparty']);
      expect(Object.keys(json['3rdparty'].extensions)).toEqual([VENDOR_GUARD_IDS.chrome]);
      expect(parseManagedPolicy(json['3rdparty'].extensions[VENDOR_GUARD_IDS.chrome])).toEqual({ policy, problems: [] });
    },
  );

  it('firefox: policies.json force-installs the add-on and carries the policy under 3rdparty', () => {
    const json = JSON.parse(byId(snippets, 'firefox').content) as {
      policies: { ExtensionSettings: Record<string, unknown>; '3rdparty': { Extensions: Record<string, unknown> } };
    };
    expect(json.policies.ExtensionSettings).toEqual({
      [VENDOR_GUARD_IDS.firefox]: { installation_mode: 'force_installed', install_url: FIREFOX_INSTALL_URL_PLACEHOLDER },
    });
    expect(parseManagedPolicy(json.policies['3rdparty'].Extensions[VENDOR_GUARD_IDS.firefox])).toEqual({ policy, problems: [] });
    const hosted = JSON.parse(
      byId(snippetsFor(policy, { firefoxInstallUrl: 'https://software.example.com/vg.xpi' }), 'firefox').content,
    ) as typeof json;
    expect(hosted.policies.ExtensionSettings[VENDOR_GUARD_IDS.firefox]).toMatchObject({
      install_url: 'https://software.example.com/vg.xpi',
    });
  });

  it.each(['chrome-windows', 'edge-windows'] as const)(
    '%s: what Chrome reads from the imported .reg file is the policy, unchanged',
    (id) => {
      const read = chromeReadsRegistry(byId(snippets, id));
      expect(parseManagedPolicy(read)).toEqual({ policy, problems: [] });
    },
  );

  it('registry: REG_SZ strings, REG_DWORD booleans, string lists as numbered values, object lists as JSON; old policy deleted first', () => {
    const content = byId(snippets, 'chrome-windows').content;
    const key = byId(snippets, 'chrome-windows').location;
    const lines = content.split('\r\n');
    expect(lines.indexOf(`[-${key}]`)).toBeGreaterThan(0);
    expect(lines.indexOf(`[-${key}]`)).toBeLessThan(lines.indexOf(`[${key}]`));
    expect(lines).toContain('"mode"="block"');
    expect(lines).toContain('"allowProceed"=dword:00000000');
    expect(lines).toContain('"allowUserAllowlist"=dword:00000001');
    expect(lines).toContain('"supportEmail"="it-help@example.com"');
    expect(lines).toContain(`[${key}\\blockedDomains]`);
    expect(lines).toContain('"1"="shady-keys.example"');
    expect(lines).toContain('"2"="cheap-av.example"');
    expect(lines.find((line) => line.startsWith('"extraVendors"='))).toMatch(/^"extraVendors"="\[\{\\"id\\":\\"nordvale\\",/);
    // Every line is printable ASCII: the file means the same in any encoding regedit assumes.
    expect(content).toMatch(/^[\x20-\x7e\r\n]*$/);
  });

  it('registry: escapes quotes and backslashes, and writes line breaks and accents as hex(1)', () => {
    expect(escapeRegistryString('say "hi" \\ C:\\x')).toBe('say \\"hi\\" \\\\ C:\\\\x');
    const content = byId(snippets, 'chrome-windows').content;
    expect(content).toContain('"organizationName"="Example \\"Corp\\" \\\\ IT <Team> & Friends"');
    expect(content).toMatch(/^"message"=hex\(1\):4c,00,69,00,6e,00,65,00,/m);
    // JSON inside REG_SZ: accents as \u escapes, so still printable ASCII.
    expect(content).toContain('D\\\\u00e9fense Totale');
    const read = chromeReadsRegistry(byId(snippets, 'chrome-windows')) as Record<string, unknown>;
    expect(read.message).toBe(policy.message);
    expect(read.organizationName).toBe(policy.organizationName);
  });

  it('registry: more than nine list entries all arrive (Chrome reads numbered names as 1, 10, 11, 2…)', () => {
    const domains = Array.from({ length: 12 }, (_, i) => `h${i + 1}.example`);
    const read = chromeReadsRegistry(byId(snippetsFor({ blockedDomains: domains }), 'chrome-windows')) as { blockedDomains: string[] };
    expect([...read.blockedDomains].sort()).toEqual([...domains].sort());
    // Alternatives are ordered, so they go as JSON and keep their order.
    const alternatives = Array.from({ length: 12 }, (_, i) => ({ name: `Alt ${i + 1}`, url: `https://alt${i + 1}.example/` }));
    const readAlternatives = chromeReadsRegistry(byId(snippetsFor({ alternatives }), 'chrome-windows')) as { alternatives: unknown[] };
    expect(readAlternatives.alternatives).toEqual(alternatives);
  });

  it.each(['chrome-macos', 'edge-macos'] as const)('%s: the configuration profile installs the policy under the extension domain', (id) => {
    const snippet = byId(snippets, id);
    const { payloadType, uuids, preferences } = profilePreferences(snippet.content);
    expect(payloadType).toBe(snippet.location);
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(uuids[0]).not.toBe(uuids[1]);
    expect(parseManagedPolicy(preferences)).toEqual({ policy, problems: [] });
  });

  it.each(['chrome-macos-plist', 'edge-macos-plist'] as const)('%s: the property list is the policy', (id) => {
    expect(parseManagedPolicy(parsePlist(byId(snippets, id).content))).toEqual({ policy, problems: [] });
  });

  it('plist: <, > and & arrive as XML entities, booleans as <true/> and <false/>', () => {
    const content = byId(snippets, 'chrome-macos').content;
    expect(content).toContain('<string>Example "Corp" \\ IT &lt;Team&gt; &amp; Friends</string>');
    expect(content).toContain('https://intranet.example.com/notice?id=4&amp;lang=en');
    expect(content).not.toContain('<Team>');
    expect(content).not.toContain('<b>');
    expect(content).toContain('<false/>');
    expect(content).toContain('<true/>');
  });

  it('is the same for the same input (stable profile UUIDs), and differs between Chrome and Edge', () => {
    expect(snippetsFor(fullPolicy())).toEqual(snippets);
    const chromeUuids = profilePreferences(byId(snippets, 'chrome-macos').content).uuids;
    const edgeUuids = profilePreferences(byId(snippets, 'edge-macos').content).uuids;
    expect(chromeUuids).not.toEqual(edgeUuids);
  });

  it('uses a separate Edge id when given one', () => {
    const edge = 'abcdefghijklmnopabcdefghijklmnop';
    const withEdge = policySnippets(policy, { ...VENDOR_GUARD_IDS, edge });
    for (const id of ['edge-windows', 'edge-macos', 'edge-linux'] as const) {
      expect(byId(withEdge, id).content).toContain(edge);
      expect(byId(withEdge, id).content).not.toContain(VENDOR_GUARD_IDS.chrome);
    }
    expect(byId(withEdge, 'chrome-windows').content).toContain(VENDOR_GUARD_IDS.chrome);
  });

  it('writes only the keys a policy sets, and valid files for an empty policy', () => {
    const small = snippetsFor({ mode: 'warn' });
    for (const snippet of small) {
      for (const key of POLICY_KEYS.filter((key) => key !== 'mode'))
        expect(snippet.content, `${snippet.id} ${key}`).not.toContain(`${key}`);
    }
    const empty = snippetsFor({});
    expect(parseManagedPolicy(chromeReadsRegistry(byId(empty, 'chrome-windows')))).toEqual({ policy: {}, problems: [] });
    expect(parsePlist(byId(empty, 'chrome-macos-plist').content)).toEqual({});
    expect(JSON.parse(byId(empty, 'chrome-linux').content)).toEqual({ '3rdparty': { extensions: { [VENDOR_GUARD_IDS.chrome]: {} } } });
  });
});

describe('exportPolicyFile', () => {
  it('round-trips through parsePolicyFile unchanged', () => {
    const policy = fullPolicy();
    const file = exportPolicyFile(policy);
    expect(parsePolicyFile(file)).toEqual({ policy, problems: [] });
    expect(exportPolicyFile(parsePolicyFile(file).policy)).toBe(file);
  });

  it('writes pretty JSON, keys in schema order, ending with a newline', () => {
    const file = exportPolicyFile({ supportEmail: 'it@example.com', mode: 'block' });
    expect(file).toBe('{\n  "mode": "block",\n  "supportEmail": "it@example.com"\n}\n');
    expect(exportPolicyFile({})).toBe('{}\n');
  });

  it.each(readdirSync(`${root}docs/policies`).filter((name) => name.endsWith('.json') && name !== 'firefox-policies.json'))(
    'round-trips the sample %s',
    (name) => {
      const parsed = parsePolicyFile(readFileSync(`${root}docs/policies/${name}`, 'utf8'));
      expect(parsed.problems).toEqual([]);
      expect(parsePolicyFile(exportPolicyFile(parsed.policy))).toEqual(parsed);
    },
  );
});

describe('docs/admin.md registry example', () => {
  it('is what Chrome reads as a valid policy', () => {
    const text = readFileSync(`${root}docs/admin.md`, 'utf8');
    const block = /```reg\n([^]*?)```/.exec(text)?.[1];
    expect(block).toBeDefined();
    // The doc writes <extension-id> where each organisation's id goes.
    const location = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\<extension-id>\\policy';
    const read = chromeReadsRegistry({ ...byId(snippetsFor({}), 'chrome-windows'), location, content: block!.replace(/\n/g, '\r\n') });
    expect(parseManagedPolicy(read)).toEqual({
      policy: {
        mode: 'block',
        allowProceed: false,
        allowUserAllowlist: false,
        exemptDomains: ['licences.example.com'],
        alternatives: [{ name: 'Example AV', url: 'https://av.example/' }],
        organizationName: 'Example Corp IT',
        supportEmail: 'it-help@example.com',
        downloadGuard: 'block',
      },
      problems: [],
    });
  });
});
