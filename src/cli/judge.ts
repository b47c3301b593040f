/**
 * What the extension would make of one logged request: the verdict, the decision under the
 * organisation's policy (or the default settings), and whether the vendor's installed software
 * made it. Everything the decision depends on comes in one `DecisionInputs`, so an option that
 * feeds the decision (a reader's region or audience, say) is one more field here and one more
 * entry in options.ts.
 */
import { siteOf } from '../core/classify/url-parts.ts';
import { hostAndPathOf } from '../core/classify/url-parts.ts';
import { buildRegistry, classifyUrl } from '../core/classify/url.ts';
import { isFlagged, NO_VERDICT, type Verdict } from '../core/classify/verdict.ts';
import { classifyWithPolicy, findVendor, type CompiledPolicy } from '../core/policy/compile.ts';
import { decide } from '../core/policy/decide.ts';
import { POLICY_DEFAULTS, readerOf, type EffectiveSettings } from '../core/policy/merge.ts';
import type { ReaderRole } from '../core/reader.ts';
import { reachOf, restrictionsFor } from '../core/vendors/standing.ts';
import { DEFAULT_SETTINGS } from '../core/policy/settings.ts';
import { VENDORS } from '../core/vendors/index.ts';
import { compileSoftwareTraffic } from '../core/vendors/software-traffic.ts';
import type { LogRequest } from './log-formats.ts';
import type { CliDecision } from './summary.ts';

/** What the decision depends on besides the page: the organisation's policy, if any, and the reader. */
export interface DecisionInputs {
  policy: { settings: EffectiveSettings; compiled: CompiledPolicy } | null;
  /** --region and --audience, over the policy's jurisdictions and audience. */
  region: string | null;
  audience: ReaderRole | null;
}

export interface Judgement {
  verdict: Verdict;
  decision: CliDecision;
  /** Lower case, without a trailing dot; null when the request has none (a path, text that is no URL). */
  host: string | null;
  /** The vendor whose installed software made the request, or null. */
  software: string | null;
  /** The ids of the vendor's government actions that apply to the reader, most relevant first. */
  actions: string[];
}

/** Rules that decide from the host alone: they still hold when a tunnel hides the path. */
const HOST_RULES = new Set(['vendor-store-host', 'vendor-download-host-other', 'vendor-service-subdomain', 'policy-blocked-domain']);

export function createJudge(inputs: DecisionInputs): (request: LogRequest) => Judgement {
  const { policy } = inputs;
  const registry = policy ? policy.compiled.registry : buildRegistry();
  const settings: EffectiveSettings = policy ? policy.settings : { ...POLICY_DEFAULTS, ...DEFAULT_SETTINGS };
  // A vendor the policy switches off is left out here too.
  const software = compileSoftwareTraffic(
    policy ? VENDORS.filter((vendor) => policy.compiled.vendors.some((on) => on.id === vendor.id)) : VENDORS,
  );
  const reader = readerOf(
    {
      ...settings,
      jurisdictions: inputs.region ? [inputs.region] : settings.jurisdictions,
      audience: inputs.audience ?? settings.audience,
    },
    null,
  );
  const vendorOf = (id: string | null) => (policy ? findVendor(policy.compiled, id) : VENDORS.find((vendor) => vendor.id === id));
  const classify = (url: string): Verdict => (policy ? classifyWithPolicy(url, policy.compiled) : classifyUrl(url, registry));
  const decisionOf = (url: string, verdict: Verdict): CliDecision => {
    if (!isFlagged(verdict)) return 'none';
    const vendor = vendorOf(verdict.vendor);
    const reach = vendor ? reachOf(vendor.restrictions, reader, settings.warnFor) : undefined;
    const decision = decide(verdict, settings, siteOf(url), { dismissed: false, proceeded: false }, reach);
    if (decision.block) return 'block';
    if (!decision.banner) return 'none';
    return decision.level === 'notice' ? 'notice' : 'warn';
  };
  /** The actions that apply to the reader: where they are, or binding their role. */
  const actionsOf = (verdict: Verdict): string[] => {
    const vendor = isFlagged(verdict) ? vendorOf(verdict.vendor) : undefined;
    if (!vendor) return [];
    const { ranked } = restrictionsFor(vendor.restrictions, vendor.primaryRestriction, reader);
    return ranked.filter(({ standing }) => standing.here || standing.forReader).map(({ record }) => record.id);
  };

  return (request) => {
    if (request.target === 'path') return { verdict: NO_VERDICT, decision: 'none', host: null, software: null, actions: [] };
    if (request.target === 'tunnel') {
      const host = tunnelHost(request.url);
      if (host === null) return { verdict: classify(request.url), decision: 'none', host: null, software: null, actions: [] };
      const url = `https://${host}/`;
      // Only the host is known: what the host alone decides stands; any other page of a vendor's is its page.
      const whole = classify(url);
      const verdict: Verdict =
        whole.rule !== null && HOST_RULES.has(whole.rule)
          ? whole
          : whole.vendor !== null
            ? { vendor: whole.vendor, kind: 'vendor', reasons: ['vendor-domain'], rule: 'vendor-other-page' }
            : whole;
      return { verdict, decision: decisionOf(url, verdict), host, software: software.vendorOf(host, null), actions: actionsOf(verdict) };
    }
    const verdict = classify(request.url);
    const where = hostAndPathOf(request.url);
    return {
      verdict,
      decision: decisionOf(request.url, verdict),
      host: where?.host ?? null,
      software: where ? software.vendorOf(where.host, where.path) : null,
      actions: actionsOf(verdict),
    };
  };
}

/** The host of a tunnel's "host:port" (or "[v6]:port"), lower case; null when it is none. */
function tunnelHost(target: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:/\s]+)(?::\d+)?$/i.exec(target);
  if (!match) return null;
  const host = match[1]!.toLowerCase().replace(/\.$/, '');
  return host || null;
}
