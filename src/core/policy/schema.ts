import * as v from 'valibot';

/*
 * The organisation policy: one schema for managed storage (Chrome/Edge), Firefox's
 * policies.json `3rdparty` section and the organisation-profile file an admin imports.
 * public/managed_schema.json describes the same keys (a test keeps them in step).
 */

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Limits that keep a policy within what a browser can hold (see LIMITS in rules.ts for DNR). */
export const POLICY_LIMITS = {
  domains: 100_000,
  extraVendors: 50,
  vendorDomains: 1_000,
  productNames: 200,
  alternatives: 30,
  text: 1_000,
  name: 100,
} as const;

const hostname = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.transform((host) => host.replace(/^\*\./, '').replace(/\.$/, '')),
  v.regex(HOSTNAME, 'is not a hostname (like example.com)'),
);

const hostnames = (max: number) =>
  v.pipe(
    v.array(hostname, 'must be a list of hostnames'),
    v.maxLength(max, `has more than ${max.toLocaleString('en-US')} entries`),
    v.transform((hosts) => [...new Set(hosts)]),
  );

const webUrl = (protocols: readonly string[]) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.check((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`),
  );

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `is longer than ${max} characters`));
const name = v.pipe(text(POLICY_LIMITS.name), v.minLength(1, 'must not be empty'));

const AlternativeSchema = v.strictObject({
  name,
  url: webUrl(['https:']),
});

const ExtraVendorSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'must be 2–32 lower-case letters, digits or hyphens')),
  name,
  domains: v.pipe(hostnames(POLICY_LIMITS.vendorDomains), v.minLength(1, 'must list at least one domain')),
  productNames: v.optional(v.pipe(v.array(name), v.maxLength(POLICY_LIMITS.productNames)), []),
  restriction: text(POLICY_LIMITS.text),
  sourceUrl: webUrl(['https:']),
});

export type ExtraVendor = v.InferOutput<typeof ExtraVendorSchema>;
export type PolicyAlternative = v.InferOutput<typeof AlternativeSchema>;

/** Each field on its own, so one bad field in managed storage is ignored alone. */
export const POLICY_FIELDS = {
  mode: v.picklist(['off', 'warn', 'block'], 'must be "off", "warn" or "block"'),
  allowProceed: v.boolean('must be true or false'),
  allowUserAllowlist: v.boolean('must be true or false'),
  extraVendors: v.pipe(
    v.array(ExtraVendorSchema, 'must be a list of vendors'),
    v.maxLength(POLICY_LIMITS.extraVendors, `has more than ${POLICY_LIMITS.extraVendors} vendors`),
    v.check((vendors) => new Set(vendors.map((vendor) => vendor.id)).size === vendors.length, 'has two vendors with the same id'),
  ),
  blockedDomains: hostnames(POLICY_LIMITS.domains),
  exemptDomains: hostnames(POLICY_LIMITS.domains),
  alternatives: v.pipe(v.array(AlternativeSchema, 'must be a list of { name, url }'), v.maxLength(POLICY_LIMITS.alternatives)),
  organizationName: text(POLICY_LIMITS.name),
  supportUrl: webUrl(['https:', 'http:']),
  supportEmail: v.pipe(v.string(), v.trim(), v.email('is not an email address')),
  message: text(POLICY_LIMITS.text),
  downloadGuard: v.picklist(['off', 'warn', 'block'], 'must be "off", "warn" or "block"'),
} as const;

export type PolicyKey = keyof typeof POLICY_FIELDS;
export type OrgPolicy = { [K in PolicyKey]?: v.InferOutput<(typeof POLICY_FIELDS)[K]> };
export const POLICY_KEYS = Object.keys(POLICY_FIELDS) as PolicyKey[];

export interface PolicyProblem {
  /** Where: the key, then any index or nested key ("extraVendors[0].domains[2]"), or "" for the whole input. */
  path: string;
  /** What was wrong, in plain words. */
  message: string;
  /** What is used instead ("the default", "nothing: the file was not imported"). */
  fallback: string;
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
    return { policy: {}, problems: [{ path: '', message: 'is not an object of policy keys', fallback: 'no organisation policy' }] };
  }
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!(key in POLICY_FIELDS)) {
      problems.push({ path: key, message: 'is not a Vendor Guard policy key', fallback: 'ignored' });
      continue;
    }
    const result = v.safeParse(POLICY_FIELDS[key as PolicyKey], value);
    if (result.success) policy[key] = result.output;
    else {
      for (const issue of result.issues) {
        problems.push({ path: issuePath(key, issue), message: issue.message, fallback: 'the default or your own setting for this key' });
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
  const rejected = 'nothing: the file was not imported';
  if (!contents.trim()) return { policy: {}, problems: [{ path: '', message: 'the file is empty', fallback: rejected }] };
  let json: unknown;
  try {
    json = JSON.parse(contents);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'invalid JSON';
    return { policy: {}, problems: [{ path: '', message: `is not JSON (${detail})`, fallback: rejected }] };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { policy: {}, problems: [{ path: '', message: 'is not an object of policy keys', fallback: rejected }] };
  }
  const parsed = parseManagedPolicy(json);
  if (parsed.problems.length === 0) return parsed;
  return { policy: {}, problems: parsed.problems.map((problem) => ({ ...problem, fallback: rejected })) };
}
