import * as v from 'valibot';
import { READER_ROLES, WARN_FOR } from '../reader.ts';
import { BUILT_IN_VENDOR_IDS } from '../vendors/index.ts';
import { code, issueCode, type FallbackCode, type Problem } from './problems.ts';
import { regionCode } from './schema-parts.ts';

/*
 * The organisation policy: one schema for managed storage (Chrome/Edge), Firefox's
 * policies.json `3rdparty` section and the organisation-profile file an admin imports.
 * public/managed_schema.json describes the same keys (a test keeps them in step).
 */

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Limits that keep a policy within what a browser can hold (see RULE_LIMITS in block-rules.ts for DNR). */
export const POLICY_LIMITS = {
  domains: 100_000,
  extraVendors: 50,
  vendorDomains: 1_000,
  productNames: 200,
  alternatives: 30,
  jurisdictions: 50,
  text: 1_000,
  name: 100,
} as const;

const hostname = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.transform((host) => host.replace(/^\*\./, '').replace(/\.$/, '')),
  v.regex(HOSTNAME, code('not_hostname')),
);

const hostnames = (max: number) =>
  v.pipe(
    v.array(hostname, code('not_hostname_list')),
    v.maxLength(max, code('too_many')),
    v.transform((hosts) => [...new Set(hosts)]),
  );

const webUrl = (protocols: readonly string[]) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.check(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      code(protocols.includes('http:') ? 'not_web_url' : 'not_https_url'),
    ),
  );

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, code('too_long')));
const name = v.pipe(text(POLICY_LIMITS.name), v.minLength(1, code('empty')));

const AlternativeSchema = v.strictObject({
  name,
  url: webUrl(['https:']),
});

const ExtraVendorSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,31}$/, code('not_vendor_id'))),
  name,
  domains: v.pipe(hostnames(POLICY_LIMITS.vendorDomains), v.minLength(1, code('no_domains'))),
  productNames: v.optional(v.pipe(v.array(name), v.maxLength(POLICY_LIMITS.productNames, code('too_many'))), []),
  restriction: text(POLICY_LIMITS.text),
  sourceUrl: webUrl(['https:']),
});

export type ExtraVendor = v.InferOutput<typeof ExtraVendorSchema>;
export type PolicyAlternative = v.InferOutput<typeof AlternativeSchema>;

/** Each field on its own, so one bad field in managed storage is ignored alone. */
export const POLICY_FIELDS = {
  mode: v.picklist(['off', 'warn', 'block'], code('not_mode')),
  allowProceed: v.boolean(code('not_boolean')),
  allowUserAllowlist: v.boolean(code('not_boolean')),
  extraVendors: v.pipe(
    v.array(ExtraVendorSchema, code('not_vendor_list')),
    v.maxLength(POLICY_LIMITS.extraVendors, code('too_many')),
    v.check((vendors) => new Set(vendors.map((vendor) => vendor.id)).size === vendors.length, code('duplicate_vendor_id')),
  ),
  blockedDomains: hostnames(POLICY_LIMITS.domains),
  exemptDomains: hostnames(POLICY_LIMITS.domains),
  alternatives: v.pipe(v.array(AlternativeSchema, code('not_alternative_list')), v.maxLength(POLICY_LIMITS.alternatives, code('too_many'))),
  organizationName: text(POLICY_LIMITS.name),
  supportUrl: webUrl(['https:', 'http:']),
  supportEmail: v.pipe(v.string(), v.trim(), v.email(code('not_email'))),
  message: text(POLICY_LIMITS.text),
  downloadGuard: v.picklist(['off', 'warn', 'block'], code('not_mode')),
  /** Checking every shopping and download site (an optional site permission only the user can grant); see scan-all-sites.ts. */
  scanAllSites: v.boolean(code('not_boolean')),
  /** Where the organisation's people are (ISO 3166-1 alpha-2): their actions come first; sets and locks "Where you are". */
  jurisdictions: v.pipe(
    v.array(regionCode, code('not_region_list')),
    v.minLength(1, code('empty')),
    v.maxLength(POLICY_LIMITS.jurisdictions, code('too_many')),
    v.transform((regions) => [...new Set(regions)]),
  ),
  /** The readers' role (core/reader.ts READER_ROLES); sets and locks "Who you are". */
  audience: v.picklist(READER_ROLES, code('not_audience')),
  /** Which flagged pages get the warning (core/reader.ts WARN_FOR). */
  warnFor: v.picklist(WARN_FOR, code('not_warn_for')),
  /** The built-in vendors that are on (their ids); the others are off. Sets and locks the options' vendor switches. */
  vendors: v.pipe(
    v.array(v.picklist(BUILT_IN_VENDOR_IDS, code('not_builtin_vendor')), code('not_vendor_list')),
    v.transform((ids) => [...new Set(ids)]),
  ),
} as const;

export type PolicyKey = keyof typeof POLICY_FIELDS;
export type OrgPolicy = { [K in PolicyKey]?: v.InferOutput<(typeof POLICY_FIELDS)[K]> };
export const POLICY_KEYS = Object.keys(POLICY_FIELDS) as PolicyKey[];

/** What was wrong where (see problems.ts), and what is used instead. */
export interface PolicyProblem extends Problem {
  fallback: FallbackCode;
}

export interface ParsedPolicy {
  policy: OrgPolicy;
  problems: PolicyProblem[];
}

function issuePath(key: string, issue: v.BaseIssue<unknown>): string {
  let path = key;
  for (const item of issue.path ?? []) {
    path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  }
  return path;
}

/**
 * Managed storage and policies.json: every valid field applies, every invalid or unknown one
 * is ignored alone and reported with what is used instead.
 */
export function parseManagedPolicy(input: unknown): ParsedPolicy {
  if (input === undefined || input === null) return { policy: {}, problems: [] };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { policy: {}, problems: [{ path: '', code: 'not_object', values: [], fallback: 'no_policy' }] };
  }
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!(key in POLICY_FIELDS)) {
      problems.push({ path: key, code: 'unknown_key', values: [], fallback: 'ignored' });
      continue;
    }
    const result = v.safeParse(POLICY_FIELDS[key as PolicyKey], value);
    if (result.success) policy[key] = result.output;
    else {
      for (const issue of result.issues) {
        problems.push({ path: issuePath(key, issue), ...issueCode(issue), fallback: 'default' });
      }
    }
  }
  return { policy: policy as OrgPolicy, problems };
}

/**
 * An imported organisation-profile file: all or nothing. Any problem rejects the whole file,
 * with every problem listed, so the current settings stay exactly as they were.
 */
export function parsePolicyFile(contents: string): ParsedPolicy {
  const rejected = (problem: Omit<PolicyProblem, 'fallback' | 'path'>): ParsedPolicy => ({
    policy: {},
    problems: [{ path: '', ...problem, fallback: 'not_imported' }],
  });
  if (!contents.trim()) return rejected({ code: 'file_empty', values: [] });
  let json: unknown;
  try {
    json = JSON.parse(contents);
  } catch (error) {
    return rejected(jsonErrorAt(contents, error));
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return rejected({ code: 'not_object', values: [] });
  const parsed = parseManagedPolicy(json);
  if (parsed.problems.length === 0) return parsed;
  return { policy: {}, problems: parsed.problems.map((problem) => ({ ...problem, fallback: 'not_imported' })) };
}

/**
 * Where the JSON parser stopped, as line and column, when its message says (engines word it
 * differently: "line 2 column 5" in Firefox and newer V8, "position 17" in older V8); else only
 * that the file is not JSON. The message itself is the engine's English, so it is not shown.
 */
function jsonErrorAt(contents: string, error: unknown): Omit<PolicyProblem, 'fallback' | 'path'> {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { code: 'not_json_at', values: [Number(lineColumn[1]), Number(lineColumn[2])] };
  const position = /position (\d+)/.exec(message);
  if (!position) return { code: 'not_json', values: [] };
  const lines = contents.slice(0, Number(position[1])).split('\n');
  return { code: 'not_json_at', values: [lines.length, (lines.at(-1)?.length ?? 0) + 1] };
}
