/**
 * URL verdicts against peers, and their cost under organisation policies of growing size.
 *
 * Peers, on the same URLs in the same process, interleaved round by round:
 * - `tldts.parse` alone: the host parsing (with the public suffix list) any classifier needs;
 * - uBlock Origin's static network filtering engine (@gorhill/ubo-core) with one document filter
 *   per vendor domain (`||kaspersky.com^$document`): a production URL matcher that answers the
 *   narrower question "is this a vendor page".
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { StaticNetFilteringEngine } from '@gorhill/ubo-core';
import { parse as parseDomain } from 'tldts';
import { compileRegistry } from '../src/core/classify/compile.ts';
import { buildRegistry, classifyUrl } from '../src/core/classify/url.ts';
import { scanUrl, UrlScan } from '../src/core/classify/scan.ts';
import { classifyWithPolicy, compilePolicy } from '../src/core/policy/compile.ts';
import { mergeSettings } from '../src/core/policy/merge.ts';
import { DEFAULT_SETTINGS } from '../src/core/policy/settings.ts';
import { VENDORS } from '../src/core/vendors/index.ts';
import { buildCorpus, syntheticDomains, type Corpus } from './corpus.ts';
import { median } from './stats.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let sink = 0;

/** ns per URL of one pass of `fn` over `urls`. */
function pass(urls: readonly string[], fn: (url: string) => unknown): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < urls.length; i++) if (fn(urls[i]!)) sink++;
  return Number(process.hrtime.bigint() - start) / urls.length;
}

/** Median ns/URL over `rounds` passes per contender, contenders interleaved round by round (after a warm-up pass each). */
function race(urls: readonly string[], contenders: Record<string, (url: string) => unknown>, rounds: number): Record<string, number> {
  const names = Object.keys(contenders);
  for (const name of names) pass(urls, contenders[name]!);
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) for (const name of names) times[name]!.push(pass(urls, contenders[name]!));
  return Object.fromEntries(names.map((name) => [name, median(times[name]!)]));
}

export interface UrlBenchResult {
  urls: number;
  relatedUrls: number;
  flagged: number;
  /** Built-in vendors in the registry classifyUrl uses. */
  vendors: number;
  nsPerUrl: { classifyUrl: number; tldtsParse: number; ubo: number | null; whatwgUrl: number; scan: number; readEveryUnit: number };
  byClass: { unrelated: { classifyUrl: number; tldtsParse: number }; related: { classifyUrl: number; tldtsParse: number } };
  /** The same URLs with Kaspersky alone in the registry, to show what the other vendors cost. */
  oneVendor: { nsPerUrl: number; unrelated: number; related: number; flagged: number };
  uboMatches: number | null;
  uboFilters: number;
  uboError?: string;
}

async function uboEngine(): Promise<{ match: (url: string) => boolean; filters: number } | { error: string }> {
  try {
    const snfe = await StaticNetFilteringEngine.create();
    const domains = [...new Set(VENDORS.flatMap((vendor) => [...vendor.domains, ...vendor.site.storeHosts]))];
    await snfe.useLists([{ name: 'vendor-domains', raw: domains.map((domain) => `||${domain}^$document`).join('\n') }]);
    return { match: (url) => snfe.matchRequest({ originURL: url, url, type: 'main_frame' }) !== 0, filters: domains.length };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export async function benchUrls(corpus: Corpus = buildCorpus(), rounds = 5): Promise<UrlBenchResult> {
  const { urls, related } = corpus;
  const ubo = await uboEngine();
  const ours = (url: string) => classifyUrl(url).kind !== 'none';
  const kasperskyOnly = buildRegistry(VENDORS.filter((vendor) => vendor.id === 'kaspersky'));
  const oneVendor = (url: string) => classifyUrl(url, kasperskyOnly).kind !== 'none';
  const tldts = (url: string) => parseDomain(url).domain;
  // Not a peer: the WHATWG URL parser alone, the floor under any classifier built on it.
  const scan = new UrlScan();
  const { automaton } = buildRegistry();
  const contenders: Record<string, (url: string) => unknown> = {
    classifyUrl: ours,
    oneVendor,
    tldtsParse: tldts,
    whatwgUrl: (url) => new URL(url),
    // The floor: the verdict must see every character, since a vendor's name may be anywhere.
    scan: (url) => scanUrl(url, scan, automaton),
    readEveryUnit: (url) => {
      let sum = 0;
      for (let i = 0; i < url.length; i++) sum += url.charCodeAt(i);
      return sum;
    },
  };
  if ('match' in ubo) contenders['ubo'] = ubo.match;
  const all = race(urls, contenders, rounds);

  const relatedUrls = urls.filter((_, i) => related[i]);
  const unrelatedUrls = urls.filter((_, i) => !related[i]);
  const unrelatedTimes = race(unrelatedUrls, { classifyUrl: ours, oneVendor, tldtsParse: tldts }, rounds);
  const relatedTimes = race(relatedUrls, { classifyUrl: ours, oneVendor, tldtsParse: tldts }, rounds);

  return {
    urls: urls.length,
    relatedUrls: relatedUrls.length,
    flagged: urls.filter(ours).length,
    vendors: VENDORS.length,
    oneVendor: {
      nsPerUrl: all['oneVendor']!,
      unrelated: unrelatedTimes['oneVendor']!,
      related: relatedTimes['oneVendor']!,
      flagged: urls.filter(oneVendor).length,
    },
    nsPerUrl: {
      classifyUrl: all['classifyUrl']!,
      tldtsParse: all['tldtsParse']!,
      ubo: all['ubo'] ?? null,
      whatwgUrl: all['whatwgUrl']!,
      scan: all['scan']!,
      readEveryUnit: all['readEveryUnit']!,
    },
    byClass: {
      unrelated: { classifyUrl: unrelatedTimes['classifyUrl']!, tldtsParse: unrelatedTimes['tldtsParse']! },
      related: { classifyUrl: relatedTimes['classifyUrl']!, tldtsParse: relatedTimes['tldtsParse']! },
    },
    uboMatches: 'match' in ubo ? urls.filter(ubo.match).length : null,
    uboFilters: 'filters' in ubo ? ubo.filters : 0,
    ...('error' in ubo ? { uboError: ubo.error } : {}),
  };
}

export interface ScalingRow {
  extraDomains: number;
  compileMs: number;
  heapDeltaMB: number;
  nsPerUrl: number;
  /** The same policy with Kaspersky as the only built-in vendor. */
  oneVendorNsPerUrl: number;
  /** URLs of the corpus the policy blocks (its domains are made up, so a few on purpose). */
  blockedHits: number;
}

/** classifyWithPolicy with an organisation policy adding `sizes` blocked domains each. */
export function benchScaling(corpus: Corpus = buildCorpus(), sizes = [200, 10_000, 100_000], rounds = 3): ScalingRow[] {
  const pool = syntheticDomains(Math.max(...sizes));
  const rows: ScalingRow[] = [];
  for (const size of sizes) {
    const domains = pool.slice(0, size);
    // A few URLs on blocked hosts, so the lookups that hit are timed too.
    const urls = [...corpus.urls, ...domains.slice(0, 100).map((domain) => `https://shop.${domain}/cart`)];
    const { effective } = mergeSettings(DEFAULT_SETTINGS, { blockedDomains: domains });
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    const policy = compilePolicy(effective);
    const compileMs = Number(process.hrtime.bigint() - start) / 1e6;
    gc();
    const heapDeltaMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const kasperskyOnly = policy.vendors.filter(
      (vendor) => !VENDORS.some((builtIn) => builtIn.id === vendor.id && vendor.id !== 'kaspersky'),
    );
    const onePolicy = { ...policy, vendors: kasperskyOnly, registry: compileRegistry(kasperskyOnly) };
    const times = race(
      urls,
      {
        policy: (url) => classifyWithPolicy(url, policy).kind !== 'none',
        oneVendor: (url) => classifyWithPolicy(url, onePolicy).kind !== 'none',
      },
      rounds,
    );
    rows.push({
      extraDomains: size,
      compileMs,
      heapDeltaMB,
      nsPerUrl: times['policy']!,
      oneVendorNsPerUrl: times['oneVendor']!,
      blockedHits: urls.filter((url) => classifyWithPolicy(url, policy).vendor === 'organization').length,
    });
  }
  return rows;
}

/** Keeps the optimiser from discarding the timed work. */
export const checksum = () => sink;

/** The default registry, compiled once at import (not timed). */
export const registryCompiledOnce = buildRegistry();
