import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostIn } from '../../../src/core/classify/rule.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { parseUrl, parseUrlParts, siteOf } from '../../../src/core/classify/url-parts.ts';
import { NO_VERDICT, type Verdict } from '../../../src/core/classify/verdict.ts';
import { classifyWithPolicy, compilePolicy, type CompiledPolicy } from '../../../src/core/policy/compile.ts';
import { classifyDownload } from '../../../src/core/policy/download.ts';
import { mergeSettings } from '../../../src/core/policy/merge.ts';
import type { OrgPolicy } from '../../../src/core/policy/schema.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';
import { POLICY_VENDOR_ID } from '../../../src/core/vendors/view.ts';
import { SEED_URLS } from '../fuzz/arbitraries.ts';

/*
 * One navigation parses its URL once: the site, the classification and the organisation's
 * exemptions all read the same ParsedUrl (url-parts.ts parseUrl).
 */

const compiled = (policy: OrgPolicy): CompiledPolicy => compilePolicy(mergeSettings(DEFAULT_SETTINGS, policy).effective);
const EXEMPTING = compiled({
  exemptDomains: ['kaspersky.de', 'exempt.example'],
  blockedDomains: ['shady-keys.example', 'kaspersky.co.uk'],
});
const PLAIN = compiled({});

/** classifyWithPolicy as it was before parse-once: the classifier, then a second parse for the exempt host. */
function classifiedTwice(url: string, policy: CompiledPolicy): Verdict {
  const verdict = classifyUrl(url, policy.registry);
  let host: string | null;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    host = null;
  }
  if (policy.exemptDomains.size > 0 && host && hostIn(host, policy.exemptDomains))
    return { vendor: null, kind: 'none', reasons: ['policy-exempt'], rule: 'policy-exempt' };
  if (verdict.vendor === POLICY_VENDOR_ID)
    return { vendor: POLICY_VENDOR_ID, kind: 'purchase', reasons: ['policy-blocked-domain'], rule: 'policy-blocked-domain' };
  return verdict;
}

const EDGE_URLS = [
  'https://SHOP.Kaspersky.DE./premium',
  'https://usa.kaspersky.com./premium',
  'https://www.kaspersky.co.uk/plus',
  'https://partner.exempt.example/kaspersky-premium-download',
  'https://shady-keys.example/',
  'ftp://exempt.example/kaspersky-setup.exe',
  'ftp://usa.kaspersky.com/premium',
  'javascript:alert(1)',
  'not a url',
  '',
  'https://',
  '  https://usa.kaspersky.com/premium  ',
  'http://127.0.0.1:8080/kaspersky-premium',
];

describe('parseUrl', () => {
  it('gives the parts, the host and the site of an http(s) URL from one parse', () => {
    const parsed = parseUrl('https://SHOP.Kaspersky.DE./Premium?Ref=1');
    expect(parsed.url).toBe('https://SHOP.Kaspersky.DE./Premium?Ref=1');
    expect(parsed.parts).toMatchObject({ host: 'shop.kaspersky.de', path: '/premium', query: 'ref=1' });
    expect(parsed.host).toBe('shop.kaspersky.de');
    expect(parsed.site).toBe('kaspersky.de');
    // The public-suffix lookup is done once and kept.
    expect(parsed.domain).toBe(parsed.domain);
  });

  it('has no parts and no site for text that is no URL, and never throws', () => {
    for (const input of [
      'not a url',
      '',
      'https://',
      '//usa.kaspersky.com/premium',
      42 as unknown as string,
      undefined as unknown as string,
    ]) {
      const parsed = parseUrl(input);
      expect(parsed.parts, String(input)).toBeNull();
      expect(parsed.host, String(input)).toBe('');
      expect(parsed.domain, String(input)).toBeNull();
      expect(parsed.site, String(input)).toBe('');
    }
  });

  it('keeps the host of another scheme (for exemptions) but gives it no parts and no site', () => {
    const parsed = parseUrl('ftp://Files.Exempt.Example./kaspersky-setup.exe');
    expect(parsed.parts).toBe('unsupported');
    expect(parsed.host).toBe('files.exempt.example');
    expect(parsed.site).toBe('');
    expect(parseUrl('javascript:alert(1)')).toMatchObject({ parts: 'unsupported', host: '' });
  });

  it('agrees with parseUrlParts and siteOf on every URL the project carries', () => {
    for (const url of [...SEED_URLS, ...EDGE_URLS]) {
      const parsed = parseUrl(url);
      expect(parsed.parts, url).toEqual(parseUrlParts(url));
      expect(parsed.site, url).toBe(siteOf(url));
    }
  });
});

describe('classifyWithPolicy given a ParsedUrl', () => {
  it('gives the verdict it gives for the string, with and without exemptions, on every URL the project carries', () => {
    for (const policy of [EXEMPTING, PLAIN]) {
      for (const url of [...SEED_URLS, ...EDGE_URLS]) {
        const fromString = classifyWithPolicy(url, policy);
        expect(classifyWithPolicy(parseUrl(url), policy), url).toEqual(fromString);
        expect(fromString, url).toEqual(classifiedTwice(url, policy));
      }
    }
  });

  it('takes the exemption and the site from the same parts (case and trailing dot included)', () => {
    const parsed = parseUrl('https://SHOP.Kaspersky.DE./premium');
    expect(classifyWithPolicy(parsed, EXEMPTING)).toEqual({
      vendor: null,
      kind: 'none',
      reasons: ['policy-exempt'],
      rule: 'policy-exempt',
    });
    expect(parsed.site).toBe('kaspersky.de');
    expect(classifyWithPolicy(parsed, PLAIN)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
  });

  it('still blocks blocked domains and exempts before blocking', () => {
    expect(classifyWithPolicy(parseUrl('https://www.kaspersky.co.uk/blog/'), EXEMPTING)).toEqual({
      vendor: POLICY_VENDOR_ID,
      kind: 'purchase',
      reasons: ['policy-blocked-domain'],
      rule: 'policy-blocked-domain',
    });
    const both = compiled({ blockedDomains: ['shady-keys.example'], exemptDomains: ['partner.shady-keys.example'] });
    expect(classifyWithPolicy(parseUrl('https://partner.shady-keys.example/'), both).reasons).toEqual(['policy-exempt']);
  });

  it('calls invalid and unsupported URLs what classifyUrl calls them, unless their host is exempt', () => {
    expect(classifyWithPolicy(parseUrl('not a url'), EXEMPTING)).toEqual({
      vendor: null,
      kind: 'none',
      reasons: ['invalid-url'],
      rule: null,
    });
    expect(classifyWithPolicy(parseUrl('ftp://usa.kaspersky.com/premium'), EXEMPTING)).toEqual({
      vendor: null,
      kind: 'none',
      reasons: ['unsupported-scheme'],
      rule: null,
    });
    expect(classifyWithPolicy(parseUrl('ftp://exempt.example/kaspersky-setup.exe'), EXEMPTING)).toEqual({
      vendor: null,
      kind: 'none',
      reasons: ['policy-exempt'],
      rule: 'policy-exempt',
    });
    // So a download from an exempt host is not flagged by its file name, whatever the scheme.
    const download = {
      url: 'ftp://exempt.example/kaspersky-setup.exe',
      finalUrl: 'ftp://exempt.example/kaspersky-setup.exe',
      filename: '/tmp/kaspersky-setup.exe',
    };
    expect(classifyDownload(download, EXEMPTING)).toEqual(NO_VERDICT);
    expect(classifyDownload(download, PLAIN)).toMatchObject({ vendor: 'kaspersky', kind: 'download' });
  });
});

describe('parsing once', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** Counts URL parses while `run` runs. */
  function parsesDuring(run: () => void): number {
    let count = 0;
    const Real = globalThis.URL;
    vi.stubGlobal(
      'URL',
      class extends Real {
        constructor(url: string | URL, base?: string | URL) {
          super(url, base);
          count++;
        }
      },
    );
    run();
    vi.unstubAllGlobals();
    return count;
  }

  // Plain URLs are read by the one-pass scanner (core/classify/scan.ts), without the URL parser;
  // the others (userinfo, an IDN host) by the parser, once.
  const PLAIN_URLS = ['https://usa.kaspersky.com/premium', 'https://shop.kaspersky.de/premium', 'https://www.amazon.com/s?k=kaspersky'];
  const PARSER_URLS = ['https://me@usa.kaspersky.com/premium', 'https://www.bücher.example/kaspersky-premium-3-devices'];

  it('parses a navigation once for its site, its classification and its exemption', () => {
    for (const [urls, parses] of [
      [PLAIN_URLS, 0],
      [PARSER_URLS, 1],
    ] as const) {
      for (const url of urls) {
        const count = parsesDuring(() => {
          const parsed = parseUrl(url);
          classifyWithPolicy(parsed, EXEMPTING);
          void parsed.site;
        });
        expect(count, url).toBe(parses);
      }
    }
  });

  it('parses a string once too when the policy exempts domains', () => {
    expect(parsesDuring(() => classifyWithPolicy(PARSER_URLS[0]!, EXEMPTING))).toBe(1);
    expect(parsesDuring(() => classifyWithPolicy(PLAIN_URLS[0]!, EXEMPTING))).toBe(0);
  });
});
