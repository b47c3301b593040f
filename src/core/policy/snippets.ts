import type { ExtensionIds } from '../identity.ts';
import { POLICY_KEYS, type OrgPolicy } from './schema.ts';

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

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** The keys the policy sets, in schema order, as plain JSON values. */
function policyObject(policy: OrgPolicy): JsonObject {
  const out: JsonObject = {};
  for (const key of POLICY_KEYS) {
    const value = policy[key];
    if (value !== undefined) out[key] = toJson(value);
  }
  return out;
}

function toJson(value: unknown): JsonValue {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) out[key] = toJson(item);
    }
    return out;
  }
  return null;
}

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
      id: 'chrome-windows', browser: 'Chrome', platform: 'Windows', format: 'reg',
      fileName: 'vendor-guard-chrome.reg', location: chromeKey,
      content: registryFile(chromeKey, values, 'Google Chrome'),
    },
    {
      id: 'chrome-macos', browser: 'Chrome', platform: 'macOS', format: 'mobileconfig',
      fileName: 'vendor-guard-chrome.mobileconfig', location: chromeDomain,
      content: mobileconfig(chromeDomain, values, 'Google Chrome'),
    },
    {
      id: 'chrome-macos-plist', browser: 'Chrome', platform: 'macOS', format: 'plist',
      fileName: `${chromeDomain}.plist`, location: chromeDomain,
      content: plistDocument(chromeDomain, values),
    },
    {
      id: 'chrome-linux', browser: 'Chrome', platform: 'Linux', format: 'json',
      fileName: 'vendor-guard.json', location: '/etc/opt/chrome/policies/managed/vendor-guard.json',
      content: linuxPolicyFile(ids.chrome, values),
    },
    {
      id: 'chromium-linux', browser: 'Chromium', platform: 'Linux', format: 'json',
      fileName: 'vendor-guard.json', location: '/etc/chromium/policies/managed/vendor-guard.json',
      content: linuxPolicyFile(ids.chrome, values),
    },
    {
      id: 'edge-windows', browser: 'Edge', platform: 'Windows', format: 'reg',
      fileName: 'vendor-guard-edge.reg', location: edgeKey,
      content: registryFile(edgeKey, values, 'Microsoft Edge'),
    },
    {
      id: 'edge-macos', browser: 'Edge', platform: 'macOS', format: 'mobileconfig',
      fileName: 'vendor-guard-edge.mobileconfig', location: edgeDomain,
      content: mobileconfig(edgeDomain, values, 'Microsoft Edge'),
    },
    {
      id: 'edge-macos-plist', browser: 'Edge', platform: 'macOS', format: 'plist',
      fileName: `${edgeDomain}.plist`, location: edgeDomain,
      content: plistDocument(edgeDomain, values),
    },
    {
      id: 'edge-linux', browser: 'Edge', platform: 'Linux', format: 'json',
      fileName: 'vendor-guard.json', location: '/etc/opt/edge/policies/managed/vendor-guard.json',
      content: linuxPolicyFile(edgeId, values),
    },
    {
      id: 'firefox', browser: 'Firefox', platform: 'all', format: 'json',
      fileName: 'policies.json', location: 'policies.json (see docs/admin.md for its folder on each platform)',
      content: firefoxPolicies(ids.firefox, values, options.firefoxInstallUrl ?? FIREFOX_INSTALL_URL_PLACEHOLDER),
    },
  ];
}

// --- Linux and Firefox: JSON -------------------------------------------------------------------

function linuxPolicyFile(id: string, values: JsonObject): string {
  return `${JSON.stringify({ '3rdparty': { extensions: { [id]: values } } }, null, 2)}\n`;
}

function firefoxPolicies(id: string, values: JsonObject, installUrl: string): string {
  const policies = {
    policies: {
      ExtensionSettings: { [id]: { installation_mode: 'force_installed', install_url: installUrl } },
      '3rdparty': { Extensions: { [id]: values } },
    },
  };
  return `${JSON.stringify(policies, null, 2)}\n`;
}

// --- Windows: .reg -------------------------------------------------------------------------------

/**
 * A .reg file for regedit / `reg import`. It first deletes the key, so values left over from an
 * earlier policy go away, then writes the new values. Strings outside printable ASCII are written
 * as hex(1) (REG_SZ as UTF-16LE bytes), so the file means the same whatever encoding it is saved in.
 */
function registryFile(key: string, values: JsonObject, browserName: string): string {
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    `; Vendor Guard organisation policy for ${browserName}.`,
    '; Deletes any earlier Vendor Guard policy, then writes this one.',
    `[-${key}]`,
    '',
    `[${key}]`,
  ];
  const lists: [string, string[]][] = [];
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
      lists.push([name, value as string[]]);
    } else {
      lines.push(registryValue(name, value));
    }
  }
  for (const [name, items] of lists) {
    lines.push('', `[${key}\\${name}]`);
    items.forEach((item, index) => lines.push(registryValue(String(index + 1), item)));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function registryValue(name: string, value: JsonValue): string {
  const quotedName = `"${escapeRegistryString(name)}"`;
  if (typeof value === 'boolean') return `${quotedName}=dword:${value ? '00000001' : '00000000'}`;
  const text = typeof value === 'string' ? value : asciiJson(value);
  // Printable ASCII only: anything else (line breaks, accents) goes as hex(1).
  if (/^[\x20-\x7e]*$/.test(text)) return `${quotedName}="${escapeRegistryString(text)}"`;
  return hexRegSz(quotedName, text);
}

/** Inside a quoted .reg string only the backslash and the double quote are escaped. */
export function escapeRegistryString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** JSON with every non-ASCII character as \uXXXX, so the value stays printable ASCII. */
function asciiJson(value: JsonValue): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** REG_SZ as hex(1): UTF-16LE code units plus the terminating NUL, wrapped as regedit does. */
function hexRegSz(quotedName: string, text: string): string {
  const bytes: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    bytes.push(hex2(unit & 0xff), hex2(unit >> 8));
  }
  bytes.push('00', '00');
  const head = `${quotedName}=hex(1):`;
  const rows: string[] = [];
  let row = head;
  for (const [index, byte] of bytes.entries()) {
    const piece = index < bytes.length - 1 ? `${byte},` : byte;
    if (row.length + piece.length > 77) {
      rows.push(`${row}\\`);
      row = '  ';
    }
    row += piece;
  }
  rows.push(row);
  return rows.join('\r\n');
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

// --- macOS: configuration profile and property list ---------------------------------------------

function mobileconfig(domain: string, values: JsonObject, browserName: string): string {
  const inner = [
    ['PayloadDisplayName', `Vendor Guard policy for ${browserName}`],
    ['PayloadIdentifier', `${domain}.vendor-guard`],
    ['PayloadType', domain],
    ['PayloadUUID', stableUuid(`${domain}/payload`)],
    ['PayloadVersion', 1],
  ] as const;
  const outer = [
    ['PayloadDescription', `Configures the Vendor Guard extension in ${browserName}.`],
    ['PayloadDisplayName', `Vendor Guard (${browserName})`],
    ['PayloadIdentifier', `vendor-guard.${domain}`],
    ['PayloadScope', 'System'],
    ['PayloadType', 'Configuration'],
    ['PayloadUUID', stableUuid(`${domain}/profile`)],
    ['PayloadVersion', 1],
  ] as const;
  const lines = [...PLIST_HEAD, '<dict>', '  <key>PayloadContent</key>', '  <array>', '    <dict>'];
  for (const [key, value] of inner) lines.push(...plistEntry(key, value, 6));
  for (const [key, value] of Object.entries(values)) lines.push(...plistEntry(key, value, 6));
  lines.push('    </dict>', '  </array>');
  for (const [key, value] of outer) lines.push(...plistEntry(key, value, 2));
  lines.push('</dict>', '</plist>');
  return `${lines.join('\n')}\n`;
}

/** The bare property list of the preference domain, for MDMs that ask for a domain and a plist. */
function plistDocument(domain: string, values: JsonObject): string {
  const lines = [...PLIST_HEAD.slice(0, 2), `<!-- Preference domain: ${domain} -->`, ...PLIST_HEAD.slice(2), '<dict>'];
  for (const [key, value] of Object.entries(values)) lines.push(...plistEntry(key, value, 2));
  lines.push('</dict>', '</plist>');
  return `${lines.join('\n')}\n`;
}

const PLIST_HEAD = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
  '<plist version="1.0">',
];

function plistEntry(key: string, value: JsonValue, indent: number): string[] {
  return [`${' '.repeat(indent)}<key>${escapeXml(key)}</key>`, ...plistValue(value, indent)];
}

function plistValue(value: JsonValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string') return [`${pad}<string>${escapeXml(value)}</string>`];
  if (typeof value === 'boolean') return [`${pad}<${value}/>`];
  if (typeof value === 'number') return [Number.isInteger(value) ? `${pad}<integer>${value}</integer>` : `${pad}<real>${value}</real>`];
  if (value === null) return [`${pad}<string></string>`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}<array/>`];
    return [`${pad}<array>`, ...value.flatMap((item) => plistValue(item, indent + 2)), `${pad}</array>`];
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return [`${pad}<dict/>`];
  return [`${pad}<dict>`, ...entries.flatMap(([key, item]) => plistEntry(key, item, indent + 2)), `${pad}</dict>`];
}

/**
 * Text as XML character data. XML 1.0 cannot carry most control characters even as references,
 * so those (never meaningful in policy text) become U+FFFD; tab, line feed and carriage return stay.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

/**
 * A UUID that is the same every time for the same name (RFC 9562 version 8, "custom"), so
 * re-deploying an updated profile replaces the installed one instead of adding a second.
 */
function stableUuid(name: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => fnv1a(name, seed));
  const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('').split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`.toUpperCase();
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
