import type { JsonObject, JsonValue } from './json.ts';

/**
 * A .reg file for regedit / `reg import`. It first deletes the key, so values left over from an
 * earlier policy go away, then writes the new values. Strings outside printable ASCII are written
 * as hex(1) (REG_SZ as UTF-16LE bytes), so the file means the same whatever encoding it is saved in.
 * No library writes .reg files well; test/unit/policy/ round-trips this one through a model of
 * how Chrome reads the registry.
 */
export function registryFile(key: string, values: JsonObject, browserName: string): string {
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
  // Windows reads a REG_SZ up to its first NUL, so a NUL in policy text would cut it short.
  const text = typeof value === 'string' ? value.replace(/\0/g, '\ufffd') : asciiJson(value);
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
