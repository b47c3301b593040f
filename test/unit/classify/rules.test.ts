import { describe, expect, it } from 'vitest';
import { buildRegistry, classifyUrl, THIRD_PARTY_RULES, vendorOwning } from '../../../src/core/classify/url.ts';
import { VENDOR_SITE_RULES } from '../../../src/core/classify/rules/vendor-site.ts';
import { UrlContext } from '../../../src/core/classify/rule.ts';
import { parseUrlParts } from '../../../src/core/classify/url-parts.ts';

/** Every rule is declared next to the URLs it must match and reject; this runs them all. */
const context = (url: string) => {
  const parts = parseUrlParts(url);
  if (parts === null || parts === 'unsupported') throw new Error(`bad example ${url}`);
  return new UrlContext(parts, buildRegistry());
};

describe.each(VENDOR_SITE_RULES.map((rule) => [rule.id, rule] as const))('vendor-site rule %s', (_id, rule) => {
  it.each(rule.examples.matches)('matches %s', (url) => {
    const owner = vendorOwning(context(url));
    expect(owner, 'example must be on a vendor host').not.toBeNull();
    expect(rule.match(owner!)?.kind).toBe(rule.kind);
    expect(classifyUrl(url).kind).toBe(rule.kind);
  });
  it.each(rule.examples.rejects)('rejects %s', (url) => {
    const owner = vendorOwning(context(url));
    expect(owner ? rule.match(owner) : null).toBeNull();
  });
});

describe.each(THIRD_PARTY_RULES.map((rule) => [rule.id, rule] as const))('third-party rule %s', (_id, rule) => {
  it.each(rule.examples.matches)('matches %s', (url) => {
    expect(vendorOwning(context(url)), 'example must not be on a vendor host').toBeNull();
    expect(rule.match(context(url))?.kind).toBe(rule.kind);
    expect(classifyUrl(url).kind).toBe(rule.kind);
  });
  it.each(rule.examples.rejects)('rejects %s', (url) => {
    expect(rule.match(context(url))).toBeNull();
  });
});
