import type { JsonObject, JsonValue } from './json.ts';
import { stableUuid } from './uuid.ts';

/* macOS: a configuration profile (.mobileconfig) and the bare property list of a preference domain. */

export function mobileconfig(domain: string, values: JsonObject, browserName: string): string {
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
export function plistDocument(domain: string, values: JsonObject): string {
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
  let escaped = '';
  for (const char of text) escaped += XML_ESCAPES[char] ?? (notXmlCharacter(char.charCodeAt(0)) ? '\ufffd' : char);
  return escaped;
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Control characters but tab, line feed and carriage return, and the two non-characters U+FFFE and U+FFFF. */
const notXmlCharacter = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
