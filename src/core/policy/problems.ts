import type * as v from 'valibot';

/*
 * What can be wrong with a policy, a profile file or the stored settings, as codes with values.
 * Core says what was wrong; the words live in _locales only (`policy_problem_<code>`,
 * `policy_fallback_<code>`, see core/i18n/keys.ts), so the options page shows them in the user's
 * language and the CLI prints the same English.
 */

/** Every problem code, with the names of the values its message takes, in order ($1, $2, …). */
export const PROBLEM_VALUES = {
  /** The whole value is not an object of keys. */
  not_object: [],
  /** A top-level key the policy does not have. */
  unknown_key: [],
  /** A field inside a vendor or an alternative that does not belong there. */
  unknown_field: [],
  /** A required field of a vendor or an alternative is missing. */
  missing_field: [],
  /** A value of the wrong JSON type, in valibot's words for types ("string", "Array", "5"). */
  wrong_type: ['expected', 'received'],
  not_boolean: [],
  not_mode: [],
  /** Not an ISO 3166-1 alpha-2 region code. */
  not_region: [],
  not_region_list: [],
  not_audience: [],
  not_warn_for: [],
  /** Not the id of a vendor the extension has built in. */
  not_builtin_vendor: [],
  not_hostname: [],
  not_hostname_list: [],
  not_vendor_list: [],
  not_alternative_list: [],
  not_vendor_id: [],
  not_https_url: [],
  not_web_url: [],
  not_email: [],
  empty: [],
  too_long: ['max'],
  too_many: ['max'],
  no_domains: [],
  duplicate_vendor_id: [],
  file_empty: [],
  not_json: [],
  /** Not JSON, where the parser says where (1-based). */
  not_json_at: ['line', 'column'],
  /** A profile file over the size (in MB) the options page reads (checked there, before core sees it). */
  file_too_large: ['size'],
  /** The options page could not get a file checked (the error as the browser gives it). */
  import_failed: ['detail'],
  /** The options page could not load the settings (the error as the browser gives it). */
  load_failed: ['detail'],
  /** A check failed that none of the codes above covers. */
  invalid: [],
} as const satisfies Record<string, readonly string[]>;

export type ProblemCode = keyof typeof PROBLEM_VALUES;
export const PROBLEM_CODES = Object.keys(PROBLEM_VALUES) as ProblemCode[];

/** What is used instead of a policy value with a problem. */
export const FALLBACK_CODES = [
  /** Managed policy: the key's default, or the user's own setting. */
  'default',
  /** Managed policy: an unknown key. */
  'ignored',
  /** Managed policy that is not an object at all. */
  'no_policy',
  /** A profile file: all or nothing. */
  'not_imported',
] as const;
export type FallbackCode = (typeof FALLBACK_CODES)[number];

/** Numbers (limits, positions) stay numbers, so each reader formats them for its language. */
export type ProblemValue = string | number;

export interface Problem {
  /** Where: the key, then any index or nested key ("extraVendors[0].domains[2]"), or "" for the whole input. */
  path: string;
  code: ProblemCode;
  values: ProblemValue[];
}

const isProblemCode = (value: unknown): value is ProblemCode => typeof value === 'string' && Object.hasOwn(PROBLEM_VALUES, value);
export const isFallbackCode = (value: unknown): value is FallbackCode => (FALLBACK_CODES as readonly unknown[]).includes(value);

/** A problem as read back from storage: known code, values of the right kinds. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const { path, code, values } = value as Record<string, unknown>;
  return (
    typeof path === 'string' &&
    isProblemCode(code) &&
    Array.isArray(values) &&
    values.length === PROBLEM_VALUES[code].length &&
    values.every((item) => typeof item === 'string' || typeof item === 'number')
  );
}

/**
 * The code for a valibot issue. The schemas pass codes as their messages (`code('too_long')`),
 * and those with a value take the check's limit (maxLength's requirement). valibot's own issues
 * (types, strictObject keys) are mapped here, so its English never reaches anyone.
 */
export function issueCode(issue: v.BaseIssue<unknown>): Pick<Problem, 'code' | 'values'> {
  if (isProblemCode(issue.message)) {
    const limit = typeof issue.requirement === 'number' && PROBLEM_VALUES[issue.message].length === 1 ? [issue.requirement] : [];
    return { code: issue.message, values: limit };
  }
  if (issue.type === 'strict_object' && issue.expected === 'never') return { code: 'unknown_field', values: [] };
  if (issue.kind === 'schema' && issue.received === 'undefined') return { code: 'missing_field', values: [] };
  if (issue.kind === 'schema' && issue.expected !== null) return { code: 'wrong_type', values: [issue.expected, issue.received] };
  return { code: 'invalid', values: [] };
}

/** A code where valibot takes a message: typed, so a misspelt code does not compile. */
export const code = (value: ProblemCode): string => value;
