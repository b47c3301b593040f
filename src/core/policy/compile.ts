import { compileRegistry, type CompiledRegistry } from '../classify/compile.ts';
import { slugify } from '../text.ts';
import { hostIn } from '../classify/rule.ts';
import { classifyParts, classifyUrl } from '../classify/url.ts';
import { ParsedUrl, parseUrl } from '../classify/url-parts.ts';
import { VENDORS } from '../vendors/index.ts';
import type { VendorDefinition } from '../vendors/types.ts';
import { POLICY_VENDOR_ID } from '../vendors/view.ts';
import { builtInVendorOn, type EffectiveSettings } from './merge.ts';
import type { ExtraVendor } from './schema.ts';
import type { Verdict } from '../classify/verdict.ts';

/** Store and download paths any vendor's site is likely to use, for vendors described only by policy. */
const GENERIC_SITE = {
  storefrontSubdomains: ['', 'www', 'store', 'shop', 'buy'],
  infoPaths: ['^/(?:blog|news|press|about|support|help|docs?|careers|legal|privacy)(?:/|$)'],
  downloadPaths: ['^/(?:downloads?|trials?|free-[a-z0-9-]+)(?:/|$)'],
  purchasePaths: [
    '^/(?:store|shop|buy[a-z-]*|pricing|prices|checkout|cart|basket|order|renew(?:al)?[a-z-]*|products?|plans?)(?:/|$)',
    '^/$',
  ],
};

/** An admin-defined vendor as registry data: it goes through the same classifier as built-in ones. */
export function vendorFromPolicy(
  extra: ExtraVendor,
  settings: Pick<EffectiveSettings, 'organizationName' | 'alternatives'>,
): VendorDefinition {
  const labels = [...new Set(extra.domains.map((domain) => domain.split('.')[0] ?? ''))].filter((label) => label.length >= 4);
  const nameSlug = slugify(extra.name);
  // The name as written, run together, and the domain labels: "Nordvale Security" on nordvale.example.
  const tokens = [...new Set([nameSlug, nameSlug.replace(/-/g, ''), ...labels])].filter((token) => token.length >= 4);
  const productSlugs = extra.productNames.map(slugify).filter(Boolean);
  return {
    id: extra.id,
    name: extra.name,
    domains: extra.domains,
    ownedDomainLabels: labels,
    brandTokens: tokens,
    distinctiveProductTokens: [],
    productNames: extra.productNames,
    site: {
      ...GENERIC_SITE,
      storeHosts: [],
      // Any installer file on the vendor's own domains is a download.
      downloadHosts: extra.domains,
      purchasePaths: [...GENERIC_SITE.purchasePaths, ...productSlugs.map((slug) => `^/${slug}(?:/|$)`)],
    },
    installers: {
      distinctive: [],
      namePrefixes: tokens,
      onVendorHostsOnly: [],
      removalTools: [],
    },
    apps: { googlePlay: [], appleAppStore: [], chromeWebStore: [], safariBundlePrefixes: [] },
    restrictions: [policyRestriction(extra.id, extra.restriction, extra.sourceUrl, settings.organizationName)],
    primaryRestriction: extra.id,
    alternatives: settings.alternatives ?? [],
  };
}

function policyRestriction(id: string, summary: string, sourceUrl: string, organizationName: string) {
  return {
    id,
    summary,
    authority: organizationName,
    citation: '',
    date: '',
    effective: [],
    jurisdiction: '',
    effect: '' as const,
    appliesTo: [],
    sourceUrl,
  };
}

/** Hosts the organisation blocks outright, as a vendor whose every page is a store. */
function blockedDomainsVendor(settings: EffectiveSettings): VendorDefinition {
  return {
    ...vendorFromPolicy(
      {
        id: POLICY_VENDOR_ID,
        name: '',
        domains: ['blocked.invalid'],
        productNames: [],
        restriction: settings.message,
        sourceUrl: settings.supportUrl,
      },
      settings,
    ),
    domains: settings.blockedDomains,
    ownedDomainLabels: [],
    brandTokens: [],
    installers: { distinctive: [], namePrefixes: [], onVendorHostsOnly: [], removalTools: [] },
    site: { ...GENERIC_SITE, storeHosts: settings.blockedDomains, downloadHosts: [] },
    restrictions: settings.message
      ? [policyRestriction(POLICY_VENDOR_ID, settings.message, settings.supportUrl, settings.organizationName)]
      : [],
  };
}

export interface CompiledPolicy {
  /** Built-in vendors (with the organisation's alternatives, if it set them), its own vendors, and its blocked hosts. */
  vendors: VendorDefinition[];
  registry: CompiledRegistry;
  exemptDomains: ReadonlySet<string>;
}

export function compilePolicy(settings: EffectiveSettings): CompiledPolicy {
  const switchedOn = VENDORS.filter((vendor) => builtInVendorOn(settings, vendor.id));
  const builtIn =
    settings.alternatives === null ? switchedOn : switchedOn.map((vendor) => ({ ...vendor, alternatives: settings.alternatives ?? [] }));
  const vendors = [...builtIn, ...settings.extraVendors.map((extra) => vendorFromPolicy(extra, settings))];
  if (settings.blockedDomains.length > 0) vendors.push(blockedDomainsVendor(settings));
  return { vendors, registry: compileRegistry(vendors), exemptDomains: new Set(settings.exemptDomains) };
}

/**
 * classifyUrl under an organisation's policy: exempt hosts are never flagged; blocked hosts always
 * are. Give it the ParsedUrl a navigation already made (url-parts.ts parseUrl), and the
 * classification and the exemption read the same parts, parsed once.
 */
export function classifyWithPolicy(input: string | ParsedUrl, policy: CompiledPolicy): Verdict {
  // Without exemptions a string needs no host: classifyUrl proves most URLs unrelated without parsing them.
  if (!(input instanceof ParsedUrl) && policy.exemptDomains.size === 0) return withBlockedDomains(classifyUrl(input, policy.registry));
  const parsed = input instanceof ParsedUrl ? input : parseUrl(input);
  if (parsed.host && policy.exemptDomains.size > 0 && hostIn(parsed.host, policy.exemptDomains)) {
    return { vendor: null, kind: 'none', reasons: ['policy-exempt'], rule: 'policy-exempt' };
  }
  return withBlockedDomains(classifyParts(parsed.parts, policy.registry));
}

function withBlockedDomains(verdict: Verdict): Verdict {
  if (verdict.vendor === POLICY_VENDOR_ID)
    return { vendor: POLICY_VENDOR_ID, kind: 'purchase', reasons: ['policy-blocked-domain'], rule: 'policy-blocked-domain' };
  return verdict;
}

export function findVendor(policy: CompiledPolicy, id: string | null): VendorDefinition | undefined {
  return id === null ? undefined : policy.vendors.find((vendor) => vendor.id === id);
}
