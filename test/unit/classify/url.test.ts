import { describe, expect, it } from 'vitest';
import { buildRegistry, classifyUrl } from '../../../src/core/classify/url.ts';
import { literalStart } from '../../../src/core/classify/compile.ts';
import { siteOf } from '../../../src/core/classify/url-parts.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';

const kaspersky = VENDORS.find((vendor) => vendor.id === 'kaspersky')!;

describe('classifyUrl', () => {
  it.each([
    ['https://kaspersky.com@evil.example/', 'userinfo is not the host'],
    ['https://kaspersky.com.example.net/premium', 'vendor name as a subdomain of another site'],
    ['https://notkaspersky.com/premium', 'vendor name inside another label'],
    ['https://www.kaspersky.com.evil.example/downloads/', 'vendor domain prefixed to another'],
    ['https://xn--kspersky-16g.com/premium', 'Cyrillic homograph in punycode'],
    ['https://kаspersky.com/premium', 'Cyrillic homograph as typed'],
    ['https://kasperksy.com/premium', 'typo domain'],
    ['https://kaspersky-premium-deals.example/', 'combo domain with nothing for sale in the path'],
    ['https://en.wikipedia.org/wiki/Kaspersky_Lab', 'encyclopedia'],
    ['https://www.reuters.com/technology/biden-ban-us-sales-kaspersky-software-2024-06-20/', 'news about the ban'],
    ['https://www.pcmag.com/reviews/kaspersky-premium', 'review'],
    ['https://www.bitdefender.com/en-us/consumer/total-security', 'competitor store'],
  ])('gives none for %s (%s)', (url) => {
    expect(classifyUrl(url)).toMatchObject({ vendor: null, kind: 'none' });
  });

  it.each(['not a url', '', '   ', 'http://', 'https://[::1', '//kaspersky.com/premium'])('marks %j as an invalid URL', (url) => {
    expect(classifyUrl(url)).toEqual({ vendor: null, kind: 'none', reasons: ['invalid-url'], rule: null });
  });

  it.each(['javascript:alert(1)', 'data:text/html,kaspersky', 'file:///C:/kaspersky/startup.exe', 'about:blank', 'chrome://extensions'])(
    'ignores the non-web URL %s',
    (url) => {
      expect(classifyUrl(url)).toEqual({ vendor: null, kind: 'none', reasons: ['unsupported-scheme'], rule: null });
    },
  );

  it('is indifferent to case, ports, trailing dots and fragments on vendor hosts', () => {
    for (const url of [
      'HTTPS://USA.KASPERSKY.COM/Premium',
      'https://usa.kaspersky.com:8443/premium',
      'https://usa.kaspersky.com./premium#buy',
    ]) {
      expect(classifyUrl(url)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
    }
  });

  it('covers regional storefronts that are not listed one by one', () => {
    expect(classifyUrl('https://www.kaspersky.com.mx/premium')).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
    expect(classifyUrl('https://www.kaspersky.ie/blog/some-post/123/')).toMatchObject({ vendor: 'kaspersky', kind: 'vendor' });
  });

  it('works with a registry built from other vendor data', () => {
    const registry = buildRegistry([
      {
        ...kaspersky,
        id: 'acme',
        name: 'Acme',
        domains: ['acme-av.example'],
        ownedDomainLabels: ['acme-av'],
        brandTokens: ['acmeav'],
        distinctiveProductTokens: [],
      },
    ]);
    expect(classifyUrl('https://www.acme-av.example/premium', registry)).toMatchObject({ vendor: 'acme', kind: 'purchase' });
    expect(classifyUrl('https://usa.kaspersky.com/premium', registry).kind).toBe('none');
    expect(classifyUrl('https://www.amazon.com/AcmeAV-Total-Security/dp/B000000000', registry)).toMatchObject({
      vendor: 'acme',
      kind: 'purchase',
    });
  });
});

describe('siteOf', () => {
  it('gives the registrable domain, or the host when there is none', () => {
    expect(siteOf('https://usa.kaspersky.com/premium')).toBe('kaspersky.com');
    expect(siteOf('https://www.amazon.co.uk/dp/B0')).toBe('amazon.co.uk');
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    expect(siteOf('not a url')).toBe('');
  });
});

describe('names and the cheap test', () => {
  it('takes the literal start of a name, or nothing where a name could begin otherwise', () => {
    expect(literalStart('ds-(?:2[a-z]{2}\\d)[a-z0-9]*')).toBe('ds-');
    expect(literalStart('autel robotics')).toBe('autel');
    expect(literalStart('com\\.huawei\\.')).toBe('com.huawei.');
    expect(literalStart('gdmss?')).toBe('gdms');
    expect(literalStart('ab{2}')).toBe('a');
    expect(literalStart('(?:nvr|xvr)\\d{4}')).toBe('');
    expect(literalStart('nvr\\d|xvr\\d')).toBe('');
  });

  it('finds every name the exact pattern finds (the cheap test never misses a vendor)', () => {
    const registry = buildRegistry();
    for (const text of [
      'Hikvision DS-2CD2143G2-I',
      'ipc-hfw2441s-s',
      'autel_robotics_evo',
      'NVR4108HS-4KS2',
      'pd985 radio',
      'Red Magic 9',
    ]) {
      expect(registry.namePattern.test(text), text).toBe(true);
      expect(registry.automaton.firstMatch(text, registry.tokenCount), text).not.toBeNull();
    }
  });
});
