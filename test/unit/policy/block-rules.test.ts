import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionHosts } from '../../../src/core/classify/content-script-matches.ts';
import { hostIn } from '../../../src/core/classify/rule.ts';
import { CHROME_EXTENSION_ID } from '../../../src/core/identity.ts';
import { englishMessage } from '../../../src/cli/english.ts';
import { overLimitMessageKey } from '../../../src/core/i18n/keys.ts';
import {
  compileBlockRules,
  OVER_LIMIT_VALUES,
  RULE_LIMITS,
  type BlockRule,
  type OverLimitCode,
} from '../../../src/core/policy/block-rules.ts';
import { compilePolicy } from '../../../src/core/policy/compile.ts';
import { mergeSettings, readerOf } from '../../../src/core/policy/merge.ts';
import type { OrgPolicy } from '../../../src/core/policy/schema.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';
import { classifyDownload } from '../../../src/core/policy/download.ts';

const BLOCKED_PAGE = `chrome-extension://${CHROME_EXTENSION_ID}/src/ui/blocked/index.html`;
const PERMITTED = new Set(extensionHosts());

/**
 * The rules for a policy, for its reader as the worker finds it (core/policy/merge.ts readerOf):
 * the policy's place and role, else `region` (the browser's; en-US by default).
 */
function compile(policy: OrgPolicy, browserRegion: string | null = 'US') {
  const { effective } = mergeSettings(DEFAULT_SETTINGS, { mode: 'block', ...policy });
  const reader = readerOf(effective, browserRegion);
  return {
    compiled: compilePolicy(effective),
    rules: compileBlockRules(compilePolicy(effective), effective, BLOCKED_PAGE, PERMITTED, reader),
  };
}

/** What declarativeNetRequest would do with a top-level navigation (RE2 filters read as JS regexes). */
function outcome(rules: BlockRule[], url: string): 'allow' | 'block' | 'redirect' | 'none' {
  const host = new URL(url).hostname;
  const matching = rules.filter(
    (rule) =>
      (!rule.condition.requestDomains || rule.condition.requestDomains.some((domain) => hostIn(host, new Set([domain])))) &&
      (!rule.condition.regexFilter || new RegExp(rule.condition.regexFilter, 'i').test(url)),
  );
  if (!matching.length) return 'none';
  const top = Math.max(...matching.map((rule) => rule.priority));
  const winners = matching.filter((rule) => rule.priority === top).map((rule) => rule.action.type);
  // Chrome's order among equal priorities: allow beats block beats redirect.
  return winners.includes('allow') ? 'allow' : winners.includes('block') ? 'block' : 'redirect';
}

describe('compileBlockRules', () => {
  const { rules } = compile({ exemptDomains: ['licences.example.com'] }).rules;

  it.each([
    'https://usa.kaspersky.com/premium',
    'https://www.kaspersky.co.uk/plus?campaign=x',
    'https://www.kaspersky.com/',
    'https://www.kaspersky.com/?ignoreredirects=true',
    'https://www.kaspersky.de/renewal-center/home',
    'https://www.kaspersky.com/downloads/thank-you/free-virus-removal-tool',
    'https://www.kaspersky.ca/fr/premium',
    'https://downloads.kaspersky-labs.com/main/kaspersky_standard/latest/full/kaspersky_standard.exe',
    'https://store.kaspersky.fr/store/cart',
  ])('redirects %s to the blocking page before it loads', (url) => {
    expect(outcome(rules, url)).toBe('redirect');
  });

  it.each([
    'https://www.kaspersky.com/blog/some-post/123/',
    'https://support.kaspersky.com/KIS/2017/en-EN/71345.htm',
    'https://usa.kaspersky.com/resource-center/threats/naikon',
    'https://securelist.com/',
    'https://media.kaspersky.com/utilities/ConsumerUtilities/kavremvr.exe',
    'https://www.example.org/',
  ])('leaves %s alone', (url) => {
    expect(['none', 'allow']).toContain(outcome(rules, url));
  });

  it('blocks installers on hosts it cannot redirect (the background then shows the blocking page)', () => {
    expect(outcome(rules, 'https://files.example-mirror.net/pub/kis21.3.10.391en_26096.exe')).toBe('block');
    expect(outcome(rules, 'https://files.example-mirror.net/pub/vlc-3.0.21-win64.exe')).toBe('none');
  });

  it('lets exempt and allowed sites through', () => {
    const { rules: withExempt } = compile({ exemptDomains: ['kaspersky.co.uk'] }).rules;
    expect(outcome(withExempt, 'https://www.kaspersky.co.uk/plus')).toBe('allow');
    expect(outcome(withExempt, 'https://usa.kaspersky.com/premium')).toBe('redirect');
  });

  it('blocks every page of blocked domains with one rule, however many there are', () => {
    const domains = Array.from({ length: 100_000 }, (_, i) => `shop${i}.example`);
    const { rules: big, counts, overLimit } = compile({ blockedDomains: domains }).rules;
    expect(outcome(big, 'https://www.shop99999.example/anything')).toBe('block');
    expect(outcome(big, 'https://shop5.example/')).toBe('block');
    expect(counts.rules).toBe(compile({}).rules.counts.rules + 1);
    expect(counts.domains).toBeGreaterThanOrEqual(100_000);
    expect(overLimit).toEqual([]);
  });

  it('stays within the browser limits and says so when a policy would not', () => {
    const { counts, overLimit } = compile({}).rules;
    expect(counts.rules).toBeLessThan(RULE_LIMITS.dynamicUnsafe);
    expect(counts.regexRules).toBeLessThan(RULE_LIMITS.regex);
    expect(overLimit).toEqual([]);
    const productNames = Array.from({ length: 200 }, (_, i) => `Product line number ${i} with a long name`);
    const extraVendors = Array.from({ length: 10 }, (_, i) => ({
      id: `acme-${i}`,
      name: `Acme ${i}`,
      domains: [`acme${i}.example`],
      productNames,
      restriction: 'r',
      sourceUrl: 'https://acme.example/',
    }));
    const huge = compile({ extraVendors }).rules;
    expect(huge.counts.regexRules).toBeGreaterThan(RULE_LIMITS.regex);
    expect(huge.overLimit).toContainEqual({ code: 'too_many_pattern_rules', values: [huge.counts.regexRules, RULE_LIMITS.regex] });
    const english = huge.overLimit.map(({ code, values }) => englishMessage(overLimitMessageKey(code), values.map(String)));
    expect(english.join('\n')).toMatch(/pattern rules; the browser allows 1000/);
    for (const rule of compile({}).rules.rules) expect(rule.condition.regexFilter?.length ?? 0).toBeLessThanOrEqual(RULE_LIMITS.regexChars);
  });
});

describe('over-limit codes', () => {
  it.each(['en', 'de', 'fr', 'es'])('each has a message in %s, taking its values by name, in order', (locale) => {
    const messages = JSON.parse(
      readFileSync(new URL(`../../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'),
    ) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
    for (const code of Object.keys(OVER_LIMIT_VALUES) as OverLimitCode[]) {
      const entry = messages[overLimitMessageKey(code)];
      expect(entry?.message.trim(), `${locale}: ${code}`).toBeTruthy();
      const names = OVER_LIMIT_VALUES[code];
      expect(
        Object.entries(entry?.placeholders ?? {}).map(([name, p]) => [name, p.content]),
        `${locale}: ${code}`,
      ).toEqual(names.map((name, i) => [name, `$${i + 1}`]));
      for (const name of names) expect(entry?.message, `${locale}: ${code}`).toContain(`$${name.toUpperCase()}$`);
    }
  });
});

describe('classifyDownload', () => {
  const { compiled } = compile({ blockedDomains: ['bad.example'], exemptDomains: ['mirror.corp.example'] });
  const download = (url: string, filename = '') => classifyDownload({ url, finalUrl: url, filename }, compiled);

  it('recognises installers by URL, by host and by the saved file name', () => {
    expect(download('https://downloads.kaspersky-labs.com/main/kaspersky_plus/latest/full/kaspersky_plus.dmg')).toMatchObject({
      vendor: 'kaspersky',
      kind: 'download',
    });
    expect(download('https://cdn.example.net/d/8f3a9', '/home/me/Downloads/kis21.3.10.391en_26096.exe')).toMatchObject({
      vendor: 'kaspersky',
      kind: 'download',
    });
    expect(download('https://bad.example/tool.exe')).toMatchObject({ reasons: ['policy-blocked-domain'] });
  });

  it('leaves other downloads, removal tools and exempt hosts alone', () => {
    expect(download('https://cdn.example.net/vlc.exe', '/tmp/vlc-3.0.21-win64.exe').kind).toBe('none');
    expect(download('https://media.kaspersky.com/utilities/ConsumerUtilities/kavremvr.exe', 'kavremvr.exe').kind).not.toBe('download');
    expect(download('https://mirror.corp.example/kis21.3.10.391en_26096.exe').kind).toBe('none');
  });
});

describe('block rules follow the level and the choice of when to warn, as page decisions do', () => {
  const MAKER_PAGES = [
    'https://store.dji.com/product/dji-mini-4-pro?vid=140891',
    'https://www.dji.com/mini-4-pro',
    'https://us.hikvision.com/en/products/cameras/network-camera/value-series/ds-2cd2047g2-l',
    'https://consumer.huawei.com/uk/shop/product/huawei-matebook-d-16-2024/',
  ];
  const KASPERSKY = 'https://usa.kaspersky.com/premium';

  it("a private reader gets no rules for the makers' pages (a notice never blocks), Kaspersky's still", () => {
    for (const region of ['US', 'DE', null]) {
      const { rules } = compile({}, region).rules;
      for (const url of MAKER_PAGES) expect(outcome(rules, url), `${url} ${region}`).toBe('none');
      expect(outcome(rules, KASPERSKY)).toBe('redirect');
    }
  });

  it('a US federal contractor gets them for the makers §889 covers (Hikvision, Huawei), not for DJI (no §889 record)', () => {
    const { rules } = compile({ audience: 'federal_contractor' }).rules;
    expect(outcome(rules, MAKER_PAGES[2]!)).toBe('redirect');
    expect(outcome(rules, MAKER_PAGES[3]!)).toBe('redirect');
    expect(outcome(rules, MAKER_PAGES[0]!)).toBe('none');
    expect(outcome(rules, KASPERSKY)).toBe('redirect');
  });

  it('a vendor whose actions do not meet warnFor gets no rules (its pages keep only the badge)', () => {
    // In Germany only the BSI's warning (no ban) and other countries' bans: nothing binding applies to a private reader there.
    const { rules } = compile({ warnFor: 'bans' }, 'DE').rules;
    expect(outcome(rules, KASPERSKY)).toBe('none');
    expect(outcome(compile({ warnFor: 'bans' }).rules.rules, KASPERSKY)).toBe('redirect');
  });

  it("an organisation's blocked domains are blocked for every reader", () => {
    const { rules } = compile({ blockedDomains: ['blocked.example'] }, 'DE').rules;
    expect(outcome(rules, 'https://www.blocked.example/anything')).not.toBe('none');
  });
});
