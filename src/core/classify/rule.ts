import { tokenIn, type CompiledRegistry, type CompiledVendor } from './compile.ts';
import { domainParts, type DomainParts, type UrlParts } from './url-parts.ts';
import type { PageKind, ReasonCode, Verdict } from './verdict.ts';

/** What a rule sees: the URL taken apart, and the registry. */
export class UrlContext {
  private cachedDomain: DomainParts | undefined;
  constructor(
    readonly parts: UrlParts,
    readonly registry: CompiledRegistry,
  ) {}

  /** Public-suffix facts, computed on first use only (most URLs never need them). */
  get domain(): DomainParts {
    this.cachedDomain ??= domainParts(this.parts.host);
    return this.cachedDomain;
  }

  /** The vendor named by a brand or distinctive product token in `text`, if any. */
  vendorNamedIn(text: string): CompiledVendor | undefined {
    return tokenIn(text, this.registry)?.vendor;
  }
}

/**
 * One detector: a small pure function declared next to the real URLs it must accept and
 * reject (test/unit/classify/rules.test.ts runs every rule against its examples).
 */
export interface UrlRule<Subject = UrlContext> {
  id: string;
  /** The kind of verdict the rule gives when it matches. */
  kind: PageKind;
  match(subject: Subject): Verdict | null;
  examples: {
    /** URLs this rule must classify as `kind`. */
    matches: string[];
    /** URLs that look close but this rule must not match. */
    rejects: string[];
  };
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

export function verdict(vendor: CompiledVendor | string | null, kind: PageKind, ...reasons: ReasonCode[]): Verdict {
  const id = vendor === null ? null : typeof vendor === 'string' ? vendor : vendor.id;
  return { vendor: id, kind, reasons };
}

/** True when `host` is one of `hosts` or a subdomain of one. */
export function hostIn(host: string, hosts: { has(host: string): boolean }): boolean {
  for (let rest = host; ; ) {
    if (hosts.has(rest)) return true;
    const dot = rest.indexOf('.');
    if (dot < 0) return false;
    rest = rest.slice(dot + 1);
  }
}

const INSTALLER_EXTENSIONS =
  /\.(?:exe|msi|msix|msixbundle|appx|appxbundle|dmg|pkg|mpkg|apk|xapk|apks|ipa|deb|rpm|zip|7z|rar|iso|img|tar\.gz|tgz|run|bin|sh)$/;

export function isInstallerFile(fileName: string): boolean {
  return INSTALLER_EXTENSIONS.test(fileName);
}

export const ARTICLE_WORDS: ReadonlySet<string> = new Set([
  'how', 'guide', 'review', 'reviews', 'vs', 'versus', 'comparison', 'compare', 'best', 'top', 'news', 'blog',
  'article', 'articles', 'forum', 'forums', 'thread', 'threads', 'topic', 'question', 'questions', 'answers',
  'wiki', 'help', 'manual', 'faq', 'doc', 'docs', 'document', 'tutorial', 'uninstall', 'remove', 'disable',
  'ban', 'bans', 'banned', 'crack', 'keygen', 'forgot', 'problem', 'error', 'fix', 'issue', 'alternative',
  'alternatives', 'statement', 'sanctions', 'lawsuit', 'hack', 'hacked', 'spy', 'russia', 'russian',
]);

/** The path reads like an article, a thread or documentation rather than a listing. */
export function looksLikeArticle(parts: UrlParts): boolean {
  if (/\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\//.test(parts.path)) return true;
  return parts.segments.some((segment) => segment.split(/[^\p{L}\p{N}]+/u).some((word) => ARTICLE_WORDS.has(word)));
}
