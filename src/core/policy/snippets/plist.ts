import { build, type PlistValue } from 'plist';
import type { JsonObject, JsonValue } from './json.ts';
import { profileUuid } from './uuid.ts';

/*
 * macOS: a configuration profile (.mobileconfig) and the bare property list of a preference
 * domain. The values are built here; the `plist` package writes the XML (its browser build in
 * the options page, its Node build in tests and scripts: the same property list either way).
 */

type PlistDict = { [key: string]: PlistValue };

/** The configuration profile's property list: one payload for the browser's preference domain. */
export function mobileconfigPayload(domain: string, values: JsonObject, browserName: string): PlistDict {
  const payloadIdentifier = `${domain}.vendor-guard`;
  const profileIdentifier = `vendor-guard.${domain}`;
  return {
    PayloadContent: [
      {
        PayloadDisplayName: `Vendor Guard policy for ${browserName}`,
        PayloadIdentifier: payloadIdentifier,
        PayloadType: domain,
        PayloadUUID: profileUuid(payloadIdentifier),
        PayloadVersion: 1,
        ...plistDict(values),
      },
    ],
    PayloadDescription: `Configures the Vendor Guard extension in ${browserName}.`,
    PayloadDisplayName: `Vendor Guard (${browserName})`,
    PayloadIdentifier: profileIdentifier,
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: profileUuid(profileIdentifier),
    PayloadVersion: 1,
  };
}

export function mobileconfig(domain: string, values: JsonObject, browserName: string): string {
  return `${build(mobileconfigPayload(domain, values, browserName))}\n`;
}

/** The bare property list of the preference domain, for MDMs that ask for a domain and a plist. */
export function plistDocument(values: JsonObject): string {
  return `${build(plistDict(values))}\n`;
}

/** The policy's values as a property-list dictionary (a plist has no null: null values are left out). */
export function plistDict(values: JsonObject): PlistDict {
  const dict: PlistDict = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== null) dict[plistText(key)] = plistValue(value);
  }
  return dict;
}

function plistValue(value: Exclude<JsonValue, null>): PlistValue {
  if (typeof value === 'string') return plistText(value);
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(plistValue);
  if (typeof value === 'object') return plistDict(value);
  return value;
}

/**
 * Text a property list can carry. XML 1.0 has no way to write most control characters, the
 * non-characters U+FFFE and U+FFFF or a lone surrogate, even as references, so those (never
 * meaningful in policy text) become U+FFFD. Line breaks become "\n", as every XML reader
 * normalises them anyway.
 */
export function plistText(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) out += isXmlChar(char.codePointAt(0) ?? 0) ? char : '\ufffd';
  return out;
}

/** XML 1.0's Char production; a lone surrogate (iterated as one code unit) is not one. */
const isXmlChar = (code: number) =>
  code === 0x09 ||
  code === 0x0a ||
  code === 0x0d ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  code >= 0x10000;
