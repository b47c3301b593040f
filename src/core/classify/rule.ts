import { ARTICLE_WORDS, wordsOf } from '../vocabulary.ts';
import { tokenIn, type CompiledRegistry, type CompiledVendor } from './compile.ts';
import { TokenAutomaton } from './token-automaton.ts';
import { domainParts, type DomainParts, type UrlParts } from './url-parts.ts';
import type { PageKind, ReasonCode, UrlRuleId } from './verdict.ts';

/** What a rule sees: the URL taken apart, and the registry. */
export class UrlContext {
  private cachedDomain: DomainParts | undefined;
  private cachedArticle: boolean | undefined;
  /** The forms of the path a storefront rule tries (rules/vendor-site.ts), once worked out. */
  storefrontForms: string[] | undefined;
  constructor(
    readonly parts: UrlParts,
    readonly registry: CompiledRegistry,
  ) {}

  /** Public-suffix facts, computed on first use only (most URLs never need them). */
  get domain(): DomainParts {
    this.cachedDomain ??= domainParts(this.parts.host);
    return this.cachedDomain;
  }

  /** looksLikeArticle on this URL, worked out once however many rules ask. */
  get isArticle(): boolean {
    this.cachedArticle ??= looksLikeArticle(this.parts);
    return this.cachedArticle;
  }

  /** The vendor named by a brand or distinctive product token in `text`, if any. */
  vendorNamedIn(text: string): CompiledVendor | undefined {
    return tokenIn(text, this.registry)?.vendor;
  }
}

/** What a rule found: the vendor (null when the rule clears a URL) and why. */
export interface RuleMatch {
  vendor: CompiledVendor | null;
  reasons: readonly ReasonCode[];
}

/**
 * One detector: a small pure function. Its examples are data, beside what they exercise: a
 * vendor's own URLs in its definition (src/data/vendors/), a shop's, portal's or store's in its
 * table row (src/data/); test/unit/classify/examples.test.ts runs every rule against them all.
 */
export interface UrlRule<Subject = UrlContext> {
  id: UrlRuleId;
  /** The kind of verdict the rule gives when it matches. */
  kind: PageKind;
  /**
   * Rules earlier in the order whose URLs this rule matches too (the earlier one decides them):
   * the examples test accepts this rule firing on their examples and no others.
   */
  overlaps?: readonly UrlRuleId[];
  /** The last rule of its list: it matches every URL the rules before it leave. */
  fallback?: true;
  match(subject: Subject): RuleMatch | null;
}

/** A vendor-host rule also gets the vendor that owns the host and the host's subdomain. */
export interface VendorHostSubject {
  context: UrlContext;
  vendor: CompiledVendor;
  /** Labels left of the vendor domain ("usa", "" for the bare domain). */
  subdomain: string;
  /** The host belongs to one of the vendor's regional storefront domains (kaspersky.<tld>). */
  storefrontDomain: boolean;
}

export const found = (vendor: CompiledVendor | null, ...reasons: ReasonCode[]): RuleMatch => ({ vendor, reasons });

/** True when `host` is one of `hosts` or a subdomain of one. */
export function hostIn(host: string, hosts: { has(host: string): boolean }): boolean {
  for (let rest = host; ;) {
    if (hosts.has(rest)) return true;
    const dot = rest.indexOf('.');
    if (dot < 0) return false;
    rest = rest.slice(dot + 1);
  }
}

/** Every article word, to see at a glance whether a path may hold one at all. */
const ARTICLE_WORD_AUTOMATON = new TokenAutomaton([...ARTICLE_WORDS]);

/** The path reads like an article, a thread or documentation rather than a listing. */
export function looksLikeArticle(parts: UrlParts): boolean {
  if (/\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\//.test(parts.path)) return true;
  // A whole word must be one of them, so the path must hold one somewhere.
  if (ARTICLE_WORD_AUTOMATON.firstMatch(parts.path) === null) return false;
  return parts.segments.some((segment) => wordsOf(segment).some((word) => ARTICLE_WORDS.has(word)));
}
