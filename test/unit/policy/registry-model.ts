/**
 * A model of how Chrome reads 3rdparty extension policy from the Windows registry after an
 * administrator imports a .reg file (components/policy/core/common/registry_dict.cc:
 * RegistryDict::ConvertToJSON and ConvertRegistryValue), for the .reg writer's round-trip tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const managedSchema = JSON.parse(readFileSync(`${root}public/managed_schema.json`, 'utf8')) as SchemaNode;

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

// --- A model of how Chrome reads 3rdparty extension policy from the Windows registry -------------
// (components/policy/core/common/registry_dict.cc: RegistryDict::ConvertToJSON and ConvertRegistryValue)

type RegData = string | number;
interface RegKey {
  values: Map<string, RegData>;
  keys: Map<string, RegKey>;
}

/** Applies a .reg file as regedit would: every key, by lower-case path, with its path as written and its values. */
type RegTree = Map<string, { path: string; values: Map<string, RegData> }>;
function applyRegFile(text: string): RegTree {
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only
  const keys: RegTree = new Map();
  let current: Map<string, RegData> | null = null;
  for (let i = 1; i < lines.length; i += 1) {
    let line = lines[i] ?? '';
    // A trailing backslash continues hex data on the next line.
    while (line.endsWith('\\')) line = line.slice(0, -1) + (lines[++i] ?? '').trim();
    if (line === '' || line.startsWith(';')) continue;
    const deleted = /^\[-(.+)\]$/.exec(line);
    if (deleted) {
      const path = deleted[1]!.toLowerCase();
      for (const key of [...keys.keys()]) if (key === path || key.startsWith(`${path}\\`)) keys.delete(key);
      current = null;
      continue;
    }
    const opened = /^\[(.+)\]$/.exec(line);
    if (opened) {
      const path = opened[1]!;
      const entry = keys.get(path.toLowerCase()) ?? { path, values: new Map<string, RegData>() };
      keys.set(path.toLowerCase(), entry);
      current = entry.values;
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!value || !current) throw new Error(`not a .reg line: ${line}`);
    current.set(unescapeReg(value[1]!), regData(value[2]!));
  }
  return keys;
}

function unescapeReg(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function regData(data: string): RegData {
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(data);
  if (quoted) return unescapeReg(quoted[1]!);
  const dword = /^dword:([0-9a-f]{8})$/.exec(data);
  if (dword) return parseInt(dword[1]!, 16);
  const hex = /^hex\(1\):((?:[0-9a-f]{2},)*[0-9a-f]{2})$/.exec(data);
  if (hex) {
    const bytes = hex[1]!.split(',').map((byte) => parseInt(byte, 16));
    let text = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
    expect(text.endsWith('\u0000')).toBe(true);
    // Chrome reads a REG_SZ as a NUL-terminated string: it ends at the first NUL.
    return text.slice(0, text.indexOf('\u0000'));
  }
  throw new Error(`unsupported .reg data: ${data}`);
}

/** The RegistryDict under one key: its values and, recursively, its subkeys. */
function registryDict(keys: RegTree, path: string): RegKey {
  const lower = path.toLowerCase();
  const dict: RegKey = { values: keys.get(lower)?.values ?? new Map(), keys: new Map() };
  for (const [key, entry] of keys) {
    if (!key.startsWith(`${lower}\\`)) continue;
    const name = entry.path.slice(lower.length + 1);
    if (!name.includes('\\')) dict.keys.set(name, registryDict(keys, entry.path));
  }
  return dict;
}

/** Chrome keeps a key's values and subkeys in a map ordered by case-insensitive name. */
const chromeOrder = <T>(entries: Iterable<[string, T]>) =>
  [...entries].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
const numerical = (name: string) => /^[+-]?\d+$/.test(name);

function convertKey(dict: RegKey, schema: SchemaNode | undefined): unknown {
  const type = schema?.type ?? 'object';
  if (type === 'object') {
    const result: Record<string, unknown> = {};
    for (const [name, value] of chromeOrder(dict.values)) {
      const converted = convertValue(value, schema?.properties?.[name]);
      if (converted !== undefined) result[name] = converted;
    }
    for (const [name, key] of chromeOrder(dict.keys)) {
      const converted = convertKey(key, schema?.properties?.[name]);
      if (converted !== undefined) result[name] = converted;
    }
    return result;
  }
  if (type === 'array') {
    const items: unknown[] = [];
    for (const [name, key] of chromeOrder(dict.keys)) if (numerical(name)) items.push(convertKey(key, schema?.items));
    for (const [name, value] of chromeOrder(dict.values)) {
      if (!numerical(name)) continue;
      const converted = convertValue(value, schema?.items);
      if (converted !== undefined) items.push(converted);
    }
    return items;
  }
  return undefined;
}

function convertValue(value: RegData, schema: SchemaNode | undefined): unknown {
  if (!schema) return value;
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      if (typeof value === 'number') return value !== 0;
      return /^[+-]?\d+$/.test(value) ? Number(value) !== 0 : undefined;
    case 'array':
    case 'object': {
      if (typeof value !== 'string') return undefined;
      try {
        const json: unknown = JSON.parse(value);
        const isArray = Array.isArray(json);
        return (schema.type === 'array') === isArray && typeof json === 'object' && json !== null ? json : undefined;
      } catch {
        return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** What an extension would find in storage.managed after the .reg file is imported: `content` applied, `location` read. */
export function chromeReadsRegistry(snippet: { content: string; location: string }): unknown {
  const keys = applyRegFile(snippet.content);
  return convertKey(registryDict(keys, snippet.location), managedSchema);
}
