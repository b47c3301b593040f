import { hostIn } from '../classify/rule.ts';
import type { Reader } from '../reader.ts';
import { escapeRegExp } from '../text.ts';
import { reachOf } from '../vendors/standing.ts';
import { INSTALLER_EXTENSIONS } from '../vocabulary.ts';
import type { CompiledPolicy } from './compile.ts';
import type { EffectiveSettings } from './merge.ts';

/**
 * declarativeNetRequest rules for block mode, as plain data (the platform layer installs
 * them). They redirect top-level navigations to a vendor's store and download pages and to
 * installer files before anything loads; pages only recognisable from their content are
 * handled after load by the background and the content script.
 */
export interface BlockRule {
  id: number;
  priority: number;
  action: { type: 'allow' } | { type: 'block' } | { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: {
    regexFilter?: string;
    requestDomains?: string[];
    resourceTypes: ['main_frame'];
    isUrlFilterCaseSensitive: false;
  };
}

/** Chrome's limits for dynamic rules (redirects count as "unsafe") and regex rules. */
export const RULE_LIMITS = { dynamicUnsafe: 5_000, dynamic: 30_000, regex: 1_000, regexChars: 160 } as const;

/**
 * Why the rules do not fit the browser's limits, with the names of the values each message takes,
 * in order ($1, $2, …). Core gives codes; the words are in _locales (`options_rules_over_limit_<code>`).
 */
export const OVER_LIMIT_VALUES = {
  /** More rules than the browser holds for an extension. */
  too_many_rules: ['rules', 'limit'],
  /** More pattern (regex) rules than the browser holds. */
  too_many_pattern_rules: ['rules', 'limit'],
  /** One rule's pattern is longer than the browser may accept (the rule's id is text: it is not a count). */
  pattern_too_long: ['rule', 'length', 'limit'],
} as const satisfies Record<string, readonly string[]>;

export type OverLimitCode = keyof typeof OVER_LIMIT_VALUES;

export interface OverLimit {
  code: OverLimitCode;
  /** Counts and limits stay numbers, so each reader formats them for its language. */
  values: (string | number)[];
}

export interface CompiledBlockRules {
  rules: BlockRule[];
  /** Why the policy does not fit the browser's limits (empty when it fits). */
  overLimit: OverLimit[];
  counts: { rules: number; regexRules: number; domains: number };
}

const ALLOW_PRIORITY = 4;
const REMOVAL_TOOL_PRIORITY = 3;
const REDIRECT_PRIORITY = 2;
/** Installer names on any host: below the redirects, so a vendor host still gets the blocking page. */
const ANY_HOST_PRIORITY = 1;
/*
 * Chrome compiles each regexFilter with a 2 KB memory limit, which a long alternation or a
 * host-specific prefix exceeds quickly (measured with declarativeNetRequest.isRegexSupported).
 * So hosts go in requestDomains, the prefix stays generic, and alternatives are packed into
 * chunks of at most this many characters.
 */
const CHUNK_CHARS = 60;
const ANY_HOST = '^https?://[^/]+/';
const LOCALE = '(?:[a-z]{2}(?:[-_][a-z]{2,4})?/)?';
const END = '(?:[/?#]|$)';

/** "^/(?:store|buy)(?:/|$)" → "(?:store|buy)": the path part of a vendor path pattern, for RE2. */
function pathBody(source: string): string | null {
  const match = /^\^\/(.*)\(\?:\/\|\$\)$/.exec(source);
  if (!match?.[1] || /\(\?[=!<]/.test(match[1])) return null; // RE2 has no look-around
  return match[1];
}

/** "^kavremvr\\.exe$" → "kavremvr\\.exe". */
const fileBody = (source: string) => source.replace(/^\^/, '').replace(/\$$/, '');

/**
 * "(?:a|b(?:c|d))" → ["a", "b(?:c|d)"]. A trailing optional group ("(?:a|b)(?:-mac)?") is
 * dropped: the rules then match a little less, and the after-load check covers the rest.
 * Anything else stays whole.
 */
function alternativesOf(body: string): string[] {
  if (!body.startsWith('(?:')) return [body];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 3; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\\') {
      current += char + (body[++i] ?? '');
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && depth-- === 0) {
      const rest = body.slice(i + 1);
      return rest === '' || /^\(.*\)\?$/.test(rest) ? [...parts, current] : [body];
    }
    if (char === '|' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  return [body];
}

/** The installer extensions in groups short enough for one rule each ("tar.gz" written "tar[.]gz"). */
const EXTENSION_CHUNKS = chunks(INSTALLER_EXTENSIONS.map((extension) => extension.replace(/\./g, '[.]')));

/** Packs alternatives into "(?:a|b|c)" groups of at most CHUNK_CHARS characters. */
function chunks(alternatives: string[]): string[] {
  const groups: string[][] = [];
  for (const alternative of alternatives) {
    const last = groups[groups.length - 1];
    if (last && [...last, alternative].join('|').length <= CHUNK_CHARS) last.push(alternative);
    else groups.push([alternative]);
  }
  return groups.map((group) => `(?:${group.join('|')})`);
}

/**
 * `permittedHosts` are the hosts the extension may redirect (its host permissions). Elsewhere
 * a rule can only block; the background then replaces the browser's error page with the
 * blocking page. Only vendors whose pages decide() would block for `reader` get rules: those
 * with the full warning under the reader's `warnFor` (core/vendors/standing.ts reachOf); a
 * notice never blocks (a maker's pages, for a private reader).
 */
export function compileBlockRules(
  policy: CompiledPolicy,
  settings: EffectiveSettings,
  blockedPageUrl: string,
  permittedHosts: ReadonlySet<string>,
  reader: Reader,
): CompiledBlockRules {
  const rules: BlockRule[] = [];
  // Only the matched start of the URL is replaced; the rest (query, fragment) follows inside our fragment.
  const redirectAction = { type: 'redirect' as const, redirect: { regexSubstitution: `${blockedPageUrl}#\\0` } };
  const base = { resourceTypes: ['main_frame'] as ['main_frame'], isUrlFilterCaseSensitive: false as const };
  const add = (priority: number, action: BlockRule['action'], condition: Omit<BlockRule['condition'], keyof typeof base>) =>
    rules.push({ id: rules.length + 1, priority, action, condition: { ...condition, ...base } });
  const permitted = (domains: string[]) => domains.every((domain) => hostIn(domain, permittedHosts));
  const redirectOrBlock = (requestDomains: string[], regexFilter: string) =>
    add(REDIRECT_PRIORITY, permitted(requestDomains) ? redirectAction : { type: 'block' }, { requestDomains, regexFilter });

  const allowed = [...new Set([...settings.exemptDomains, ...settings.allowedSites])];
  if (allowed.length) add(ALLOW_PRIORITY, { type: 'allow' }, { requestDomains: allowed });

  const blocking = policy.vendors.filter((vendor) => {
    const reach = reachOf(vendor.restrictions, reader, settings.warnFor);
    return reach.warns && reach.level === 'warning';
  });
  for (const vendor of blocking) {
    const { site, installers } = vendor;
    // Regional storefront hosts (www.kaspersky.de, usa.kaspersky.com, …); the bare domain would
    // also cover support and blog subdomains, so its pages are left to the after-load check.
    const storefrontHosts = vendor.domains
      .filter((domain) => vendor.ownedDomainLabels.includes(domain.split('.')[0] ?? ''))
      .flatMap((domain) => site.storefrontSubdomains.filter(Boolean).map((sub) => `${sub}.${domain}`));
    if (storefrontHosts.length) {
      const alternatives = [...site.purchasePaths, ...site.downloadPaths]
        .map(pathBody)
        .filter((body): body is string => body !== null)
        .flatMap(alternativesOf);
      // A maker that sells only through others says its home page informs ("^/$"): not blocked.
      if (!site.infoPaths.includes('^/$')) redirectOrBlock(storefrontHosts, `${ANY_HOST}${LOCALE}(?:[?#]|$)`);
      for (const chunk of chunks(alternatives)) redirectOrBlock(storefrontHosts, `${ANY_HOST}${LOCALE}${chunk}${END}`);
    }
    if (site.storeHosts.length) redirectOrBlock(site.storeHosts, ANY_HOST);
    if (site.downloadHosts.length) {
      for (const chunk of EXTENSION_CHUNKS) redirectOrBlock(site.downloadHosts, `${ANY_HOST}[^?#]*[.]${chunk}(?:[?#]|$)`);
    }
    for (const chunk of chunks(installers.distinctive.map(fileBody))) {
      add(ANY_HOST_PRIORITY, { type: 'block' }, { regexFilter: `/${chunk}(?:[?#]|$)` });
    }
    for (const prefix of installers.namePrefixes) {
      for (const chunk of EXTENSION_CHUNKS) {
        add(ANY_HOST_PRIORITY, { type: 'block' }, { regexFilter: `/${escapeRegExp(prefix)}[\\w .%-]*[.]${chunk}(?:[?#]|$)` });
      }
    }
    for (const chunk of chunks(installers.removalTools.map(fileBody))) {
      add(REMOVAL_TOOL_PRIORITY, { type: 'allow' }, { regexFilter: `/${chunk}(?:[?#]|$)` });
    }
  }

  const regexRules = rules.filter((rule) => rule.condition.regexFilter !== undefined);
  const domains = rules.reduce((sum, rule) => sum + (rule.condition.requestDomains?.length ?? 0), 0);
  const overLimit: OverLimit[] = [];
  if (rules.length > RULE_LIMITS.dynamicUnsafe)
    overLimit.push({ code: 'too_many_rules', values: [rules.length, RULE_LIMITS.dynamicUnsafe] });
  if (regexRules.length > RULE_LIMITS.regex)
    overLimit.push({ code: 'too_many_pattern_rules', values: [regexRules.length, RULE_LIMITS.regex] });
  for (const rule of regexRules) {
    const size = rule.condition.regexFilter!.length;
    if (size > RULE_LIMITS.regexChars)
      overLimit.push({ code: 'pattern_too_long', values: [String(rule.id), size, RULE_LIMITS.regexChars] });
  }
  return { rules, overLimit, counts: { rules: rules.length, regexRules: regexRules.length, domains } };
}
