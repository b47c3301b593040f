import type { ExtensionIds } from '../identity.ts';
import type { OrgPolicy } from './schema.ts';
import { firefoxPolicies, linuxPolicyFile, policyObject } from './snippets/json.ts';
import { mobileconfig, plistDocument } from './snippets/plist.ts';
import { registryFile } from './snippets/registry.ts';

/*
 * Ready-to-paste deployment snippets for an organisation policy, one per browser and platform,
 * and the organisation-profile file the options page exports. Pure: no browser API.
 *
 * Where each browser reads extension ("3rdparty") policy:
 * - Chrome / Edge on Windows: HKLM\SOFTWARE\Policies\<vendor>\<browser>\3rdparty\extensions\<id>\policy.
 *   Chrome converts each registry value using the extension's managed_schema.json: REG_SZ for
 *   strings, REG_DWORD (0/1) for booleans; a list is either a subkey whose values are named
 *   1, 2, 3… or a REG_SZ holding JSON; an object may be a REG_SZ holding JSON. Lists of plain
 *   strings are written as numbered subkeys (as Chrome's own list policies are); lists of objects
 *   as JSON, which keeps their order (Chrome reads numbered entries in name order: 1, 10, 2…).
 * - Chrome / Edge on macOS: the managed preference domain com.google.Chrome.extensions.<id>
 *   (com.microsoft.Edge.extensions.<id>), delivered by a configuration profile.
 * - Chrome / Chromium / Edge on Linux: a JSON file in the browser's policies/managed directory
 *   holding {"3rdparty": {"extensions": {"<id>": {…}}}}.
 * - Firefox: policies.json → policies["3rdparty"].Extensions["<id>"], plus ExtensionSettings to
 *   force-install the add-on.
 */

export type SnippetId =
  | 'chrome-windows'
  | 'chrome-macos'
  | 'chrome-macos-plist'
  | 'chrome-linux'
  | 'chromium-linux'
  | 'edge-windows'
  | 'edge-macos'
  | 'edge-macos-plist'
  | 'edge-linux'
  | 'firefox';

export interface PolicySnippet {
  /** Stable id; the UI names each snippet through i18n (`snippet_<id with - as _>`). */
  id: SnippetId;
  browser: 'Chrome' | 'Chromium' | 'Edge' | 'Firefox';
  platform: 'Windows' | 'macOS' | 'Linux' | 'all';
  format: 'reg' | 'mobileconfig' | 'plist' | 'json';
  /** Suggested file name to save the content as. */
  fileName: string;
  /** Where it goes: a file path, a registry key or a preference domain. */
  location: string;
  content: string;
}

export interface SnippetOptions {
  /** Where the organisation hosts the signed .xpi for Firefox's force-install. */
  firefoxInstallUrl?: string;
}

/** Placeholder for the Firefox install URL: the admin hosts the signed .xpi and puts its URL here. */
export const FIREFOX_INSTALL_URL_PLACEHOLDER = 'https://software.example.org/vendor-guard/vendor-guard.xpi';

/** The organisation-profile file: pretty JSON that `parsePolicyFile` accepts back unchanged. */
export function exportPolicyFile(policy: OrgPolicy): string {
  return `${JSON.stringify(policyObject(policy), null, 2)}\n`;
}

/** Every deployment snippet for the policy, with the extension's ids filled in. */
export function policySnippets(policy: OrgPolicy, ids: ExtensionIds, options: SnippetOptions = {}): PolicySnippet[] {
  const values = policyObject(policy);
  const edgeId = ids.edge ?? ids.chrome;
  const chromeKey = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ids.chrome}\\policy`;
  const edgeKey = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${edgeId}\\policy`;
  const chromeDomain = `com.google.Chrome.extensions.${ids.chrome}`;
  const edgeDomain = `com.microsoft.Edge.extensions.${edgeId}`;
  return [
    {
      id: 'chrome-windows',
      browser: 'Chrome',
      platform: 'Windows',
      format: 'reg',
      fileName: 'vendor-guard-chrome.reg',
      location: chromeKey,
      content: registryFile(chromeKey, values, 'Google Chrome'),
    },
    {
      id: 'chrome-macos',
      browser: 'Chrome',
      platform: 'macOS',
      format: 'mobileconfig',
      fileName: 'vendor-guard-chrome.mobileconfig',
      location: chromeDomain,
      content: mobileconfig(chromeDomain, values, 'Google Chrome'),
    },
    {
      id: 'chrome-macos-plist',
      browser: 'Chrome',
      platform: 'macOS',
      format: 'plist',
      fileName: `${chromeDomain}.plist`,
      location: chromeDomain,
      content: plistDocument(values),
    },
    {
      id: 'chrome-linux',
      browser: 'Chrome',
      platform: 'Linux',
      format: 'json',
      fileName: 'vendor-guard.json',
      location: '/etc/opt/chrome/policies/managed/vendor-guard.json',
      content: linuxPolicyFile(ids.chrome, values),
    },
    {
      id: 'chromium-linux',
      browser: 'Chromium',
      platform: 'Linux',
      format: 'json',
      fileName: 'vendor-guard.json',
      location: '/etc/chromium/policies/managed/vendor-guard.json',
      content: linuxPolicyFile(ids.chrome, values),
    },
    {
      id: 'edge-windows',
      browser: 'Edge',
      platform: 'Windows',
      format: 'reg',
      fileName: 'vendor-guard-edge.reg',
      location: edgeKey,
      content: registryFile(edgeKey, values, 'Microsoft Edge'),
    },
    {
      id: 'edge-macos',
      browser: 'Edge',
      platform: 'macOS',
      format: 'mobileconfig',
      fileName: 'vendor-guard-edge.mobileconfig',
      location: edgeDomain,
      content: mobileconfig(edgeDomain, values, 'Microsoft Edge'),
    },
    {
      id: 'edge-macos-plist',
      browser: 'Edge',
      platform: 'macOS',
      format: 'plist',
      fileName: `${edgeDomain}.plist`,
      location: edgeDomain,
      content: plistDocument(values),
    },
    {
      id: 'edge-linux',
      browser: 'Edge',
      platform: 'Linux',
      format: 'json',
      fileName: 'vendor-guard.json',
      location: '/etc/opt/edge/policies/managed/vendor-guard.json',
      content: linuxPolicyFile(edgeId, values),
    },
    {
      id: 'firefox',
      browser: 'Firefox',
      platform: 'all',
      format: 'json',
      fileName: 'policies.json',
      location: 'policies.json (see docs/admin.md for its folder on each platform)',
      content: firefoxPolicies(ids.firefox, values, options.firefoxInstallUrl ?? FIREFOX_INSTALL_URL_PLACEHOLDER),
    },
  ];
}
