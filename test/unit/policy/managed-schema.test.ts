import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VENDOR_GUARD_IDS } from '../../../src/core/identity.ts';
import { POLICY_FIELDS, parseManagedPolicy, parsePolicyFile } from '../../../src/core/policy/schema.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const managedSchema = JSON.parse(readFileSync(`${root}public/managed_schema.json`, 'utf8')) as SchemaNode;

/** A node of a JSON schema as Chrome reads it (only what these tests look at). */
interface SchemaNode {
  type?: unknown;
  title?: unknown;
  description?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  [keyword: string]: unknown;
}

/** The JSON shape a key must have: the part of a schema both sides must agree on. */
type JsonShape =
  | { type: 'string' | 'boolean' | 'integer' | 'number' }
  | { type: 'array'; items: JsonShape }
  | { type: 'object'; properties: Record<string, JsonShape> };

/** What the valibot schema objects expose: `.type`, plus `.item`, `.entries`, `.wrapped` and `.pipe`. */
interface ValibotNode {
  type: string;
  item?: ValibotNode;
  entries?: Record<string, ValibotNode>;
  wrapped?: ValibotNode;
  pipe?: readonly ValibotNode[];
}

/** The JSON shape a valibot schema accepts. */
function shapeOfValibot(schema: ValibotNode): JsonShape {
  // A pipe spreads its first schema, so `.type` is already the base type; `.pipe[0]` says so explicitly.
  const base = schema.pipe?.[0] ?? schema;
  switch (base.type) {
    case 'string':
    case 'picklist':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'array':
      if (!base.item) throw new Error('array schema without item');
      return { type: 'array', items: shapeOfValibot(base.item) };
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(base.entries ?? {}).map(([key, entry]) => [key, shapeOfValibot(entry)])),
      };
    case 'optional':
    case 'exact_optional':
      if (!base.wrapped) throw new Error('optional schema without wrapped');
      return shapeOfValibot(base.wrapped);
    default:
      throw new Error(`no JSON type for a valibot "${base.type}" schema: extend shapeOfValibot`);
  }
}

/** The JSON shape a managed_schema.json node declares. */
function shapeOfJsonSchema(node: SchemaNode): JsonShape {
  if (node.type === 'array') return { type: 'array', items: shapeOfJsonSchema(node.items ?? {}) };
  if (node.type === 'object') {
    return {
      type: 'object',
      properties: Object.fromEntries(Object.entries(node.properties ?? {}).map(([key, entry]) => [key, shapeOfJsonSchema(entry)])),
    };
  }
  return { type: node.type as 'string' };
}

/** Does a value have the declared shape (what Chrome checks before the extension sees a value)? */
function fits(value: unknown, shape: JsonShape): boolean {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value) && value.every((item) => fits(item, shape.items));
    case 'object':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(([key, item]) => key in shape.properties && fits(item, shape.properties[key]!))
      );
  }
}

/** Keywords Chrome's schema parser understands (components/policy/core/common/schema.cc). */
const CHROME_KEYWORDS = new Set([
  'type',
  'title',
  'description',
  'properties',
  'additionalProperties',
  'patternProperties',
  'items',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'required',
  'id',
  'sensitiveValue',
]);
const CHROME_TYPES = new Set(['string', 'boolean', 'integer', 'number', 'array', 'object']);

/** Every problem with a node of the schema, as "path: what is wrong". */
function draft03Problems(node: SchemaNode, path: string): string[] {
  const problems: string[] = [];
  if (typeof node.type !== 'string' || !CHROME_TYPES.has(node.type))
    problems.push(`${path}: must have exactly one type, one of ${[...CHROME_TYPES].join(', ')}`);
  if ('$ref' in node) problems.push(`${path}: has $ref (this schema uses types only)`);
  for (const keyword of Object.keys(node)) if (!CHROME_KEYWORDS.has(keyword)) problems.push(`${path}: unknown keyword ${keyword}`);
  if (typeof node.title !== 'string' || !node.title.trim()) problems.push(`${path}: needs a title`);
  if (typeof node.description !== 'string' || !node.description.trim()) problems.push(`${path}: needs a description`);
  if (node.type === 'array') {
    if (!node.items) problems.push(`${path}: array without items`);
    else problems.push(...draft03Problems(node.items, `${path}[]`));
  }
  if (node.type === 'object') {
    if (!node.properties || Object.keys(node.properties).length === 0) problems.push(`${path}: object without properties`);
    for (const [key, child] of Object.entries(node.properties ?? {})) problems.push(...draft03Problems(child, `${path}.${key}`));
  }
  return problems;
}

describe('public/managed_schema.json', () => {
  it('is an object at the top level with one property per policy key, and nothing else there', () => {
    expect(managedSchema.type).toBe('object');
    expect(Object.keys(managedSchema).sort()).toEqual(['properties', 'type']);
    expect(Object.keys(managedSchema.properties ?? {})).toEqual(Object.keys(POLICY_FIELDS));
  });

  it('is in the draft-03 subset Chrome accepts: every property one type, arrays with items, objects with properties', () => {
    const problems = Object.entries(managedSchema.properties ?? {}).flatMap(([key, node]) => draft03Problems(node, key));
    expect(problems).toEqual([]);
  });

  it('describes the same keys and JSON types as POLICY_FIELDS, nested ones included', () => {
    const fromValibot = Object.fromEntries(
      Object.entries(POLICY_FIELDS).map(([key, schema]) => [key, shapeOfValibot(schema as unknown as ValibotNode)]),
    );
    const fromJson = Object.fromEntries(
      Object.entries(managedSchema.properties ?? {}).map(([key, node]) => [key, shapeOfJsonSchema(node)]),
    );
    expect(fromJson).toEqual(fromValibot);
  });

  it('maps valibot schemas to JSON types as expected (the mapper itself)', () => {
    expect(shapeOfValibot(POLICY_FIELDS.mode as unknown as ValibotNode)).toEqual({ type: 'string' });
    expect(shapeOfValibot(POLICY_FIELDS.allowProceed as unknown as ValibotNode)).toEqual({ type: 'boolean' });
    expect(shapeOfValibot(POLICY_FIELDS.blockedDomains as unknown as ValibotNode)).toEqual({ type: 'array', items: { type: 'string' } });
    expect(shapeOfValibot(POLICY_FIELDS.alternatives as unknown as ValibotNode)).toEqual({
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, url: { type: 'string' } } },
    });
    expect(() => shapeOfValibot({ type: 'number' })).toThrow(/extend shapeOfValibot/);
  });
});

describe('docs/policies samples', () => {
  const dir = `${root}docs/policies/`;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const shapes = Object.fromEntries(Object.entries(managedSchema.properties ?? {}).map(([key, node]) => [key, shapeOfJsonSchema(node)]));

  /** The object of policy keys in a sample (inside 3rdparty for Firefox's policies.json). */
  const policyPart = (name: string): unknown => {
    const json = JSON.parse(readFileSync(dir + name, 'utf8')) as Record<string, unknown>;
    if (name !== 'firefox-policies.json') return json;
    const policies = json.policies as Record<string, Record<string, Record<string, unknown>>>;
    return policies['3rdparty']?.Extensions?.[VENDOR_GUARD_IDS.firefox];
  };

  it('has every documented sample', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'block-locked.json',
        'exempt-licence-portal.json',
        'extra-vendor.json',
        'firefox-policies.json',
        'government-germany.json',
        'warn-with-contact.json',
      ]),
    );
  });

  it.each(files)('%s validates with zero problems, managed and strict, and fits managed_schema.json', (name) => {
    const policy = policyPart(name);
    expect(policy).toBeTypeOf('object');
    expect(parseManagedPolicy(policy).problems).toEqual([]);
    expect(parsePolicyFile(JSON.stringify(policy)).problems).toEqual([]);
    for (const [key, value] of Object.entries(policy as Record<string, unknown>)) {
      expect(fits(value, shapes[key]!), `${name}: ${key}`).toBe(true);
    }
  });

  it('block-locked.json is a locked block-mode policy with a contact and a message', () => {
    expect(parsePolicyFile(readFileSync(`${dir}block-locked.json`, 'utf8')).policy).toMatchObject({
      mode: 'block',
      allowProceed: false,
      allowUserAllowlist: false,
      downloadGuard: 'block',
      supportEmail: expect.any(String),
      message: expect.any(String),
    });
  });

  it('firefox-policies.json force-installs the add-on from an https URL and configures it under 3rdparty', () => {
    const json = JSON.parse(readFileSync(`${dir}firefox-policies.json`, 'utf8')) as {
      policies: {
        ExtensionSettings: Record<string, { installation_mode: string; install_url: string }>;
        '3rdparty': { Extensions: Record<string, unknown> };
      };
    };
    const install = json.policies.ExtensionSettings[VENDOR_GUARD_IDS.firefox];
    expect(install?.installation_mode).toBe('force_installed');
    expect(install?.install_url).toMatch(/^https:\/\/.+\.xpi$/);
    expect(Object.keys(json.policies['3rdparty'].Extensions)).toEqual([VENDOR_GUARD_IDS.firefox]);
  });
});

describe('docs/admin.md examples', () => {
  const DOC_EXTENSION_ID = '<extension-id>';
  const text = readFileSync(`${root}docs/admin.md`, 'utf8');
  const blocks = [...text.matchAll(/```json\n([^]*?)```/g)].map((match) => match[1]!);

  it('has JSON examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((block, index) => [index, block] as const))(
    'JSON example %i parses, and any Vendor Guard policy in it is valid',
    (_index, block) => {
      const json = JSON.parse(block) as Record<string, unknown>;
      // The doc writes <extension-id> where each organisation's id goes (it depends on how it installs).
      const extensions = (json['3rdparty'] as { extensions?: Record<string, unknown> } | undefined)?.extensions;
      if (extensions) expect(Object.keys(extensions)).toEqual([DOC_EXTENSION_ID]);
      const chrome = extensions?.[DOC_EXTENSION_ID];
      const firefox = (
        (json.policies as Record<string, unknown> | undefined)?.['3rdparty'] as { Extensions?: Record<string, unknown> } | undefined
      )?.Extensions?.[VENDOR_GUARD_IDS.firefox];
      for (const policy of [chrome, firefox].filter((part) => part !== undefined)) {
        expect(parseManagedPolicy(policy)).toMatchObject({ problems: [] });
      }
      const forcelist = json.ExtensionInstallForcelist;
      if (forcelist !== undefined) expect(forcelist).toEqual([expect.stringMatching(/^<extension-id>;https:\/\/[^;]+$/)]);
    },
  );
});
