/**
 * Fuzzing `classifyWithPolicy` under an organisation policy (own vendor, blocked and exempt
 * domains): total and valid, and the organisation's lists mean exactly what they say.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostIn } from '../../../src/core/classify/rule.ts';
import { isFlagged } from '../../../src/core/classify/verdict.ts';
import { classifyWithPolicy, compilePolicy } from '../../../src/core/policy/compile.ts';
import { POLICY_VENDOR_ID } from '../../../src/core/vendors/view.ts';
import { mergeSettings } from '../../../src/core/policy/merge.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';
import { assembledUrl, mutatedUrl, verdictProblem, webUrl } from './arbitraries.ts';

const BLOCKED = ['blocked.example', 'shop.blocked-too.example', 'amazon.de', 'kaspersky.co.uk'];
const EXEMPT = ['exempt.example', 'kaspersky.de'];

const policy = compilePolicy(
  mergeSettings(DEFAULT_SETTINGS, {
    blockedDomains: BLOCKED,
    exemptDomains: EXEMPT,
    extraVendors: [
      {
        id: 'nordvale',
        name: 'Nordvale Security',
        domains: ['nordvale.example', 'nordvale-downloads.example'],
        productNames: ['Nordvale Shield'],
        restriction: 'Not approved.',
        sourceUrl: 'https://intranet.example/nordvale',
      },
    ],
  }).effective,
);

const hostOf = (url: string) => {
  try {
    const u = new URL(url.trim());
    return ['http:', 'https:'].includes(u.protocol) ? u.hostname.toLowerCase().replace(/\.$/, '') : null;
  } catch {
    return null;
  }
};

const policyHostUrl = fc
  .tuple(
    fc.constantFrom(...BLOCKED, ...EXEMPT, 'nordvale.example', 'www.nordvale.example', 'notblocked.example', 'blocked.example.net'),
    fc.constantFrom('', 'www.', 'a.b.', 'SHOP.'),
    fc.webPath(),
    fc.constantFrom('', '.'),
  )
  .map(([host, sub, path, dot]) => `https://${sub}${host}${dot}/${path.replace(/^\//, '')}`);

describe('classifyWithPolicy under fuzzing', () => {
  it('is valid, blocks exactly the blocked hosts and never flags an exempt one (30,000 URLs)', () => {
    const ids = new Set(policy.vendors.map((vendor) => vendor.id));
    const exempt = new Set(EXEMPT);
    const blocked = new Set(BLOCKED);
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(policyHostUrl, assembledUrl, mutatedUrl, webUrl), { minLength: 100, maxLength: 100 }), (urls) => {
        for (const url of urls) {
          const verdict = classifyWithPolicy(url, policy);
          const problem = verdictProblem(verdict, policy.registry);
          if (problem || (verdict.vendor !== null && !ids.has(verdict.vendor))) throw new Error(`${problem} for ${JSON.stringify(url)}`);
          const host = hostOf(url);
          const isExempt = host !== null && hostIn(host, exempt);
          const isBlocked = host !== null && hostIn(host, blocked);
          if (isExempt && (isFlagged(verdict) || !verdict.reasons.includes('policy-exempt')))
            throw new Error(`exempt ${url} → ${JSON.stringify(verdict)}`);
          if (!isExempt && isBlocked && (verdict.vendor !== POLICY_VENDOR_ID || !isFlagged(verdict)))
            throw new Error(`blocked ${url} → ${JSON.stringify(verdict)}`);
          if (verdict.vendor === POLICY_VENDOR_ID && !isBlocked) throw new Error(`not blocked ${url} → ${JSON.stringify(verdict)}`);
          checked++;
        }
      }),
      { numRuns: 300, endOnFailure: true },
    );
    expect(checked).toBe(30_000);
  }, 60_000);
});
