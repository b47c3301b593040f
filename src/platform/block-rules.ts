import browser from 'webextension-polyfill';
import type { BlockRule } from '../core/policy/block-rules.ts';

type DnrRule = Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0]['addRules'] extends (infer R)[] | undefined
  ? R
  : never;

/**
 * Replaces the extension's dynamic rules with `rules` (none outside block mode); dynamic rules
 * survive restarts. A pattern the browser cannot compile is left out rather than failing the
 * whole update; the ones left out are returned.
 */
export async function installBlockRules(candidates: BlockRule[]): Promise<BlockRule[]> {
  const checks = await Promise.all(
    candidates.map(
      async (rule) =>
        rule.condition.regexFilter === undefined ||
        (await browser.declarativeNetRequest.isRegexSupported({ regex: rule.condition.regexFilter, isCaseSensitive: false })).isSupported,
    ),
  );
  const rules = candidates.filter((_, index) => checks[index]);
  const refused = candidates.filter((_, index) => !checks[index]);
  const existing = await browser.declarativeNetRequest.getDynamicRules();
  const next = JSON.stringify(rules);
  const current = JSON.stringify(existing.map(({ id, priority, action, condition }) => ({ id, priority, action, condition })));
  if (next !== current) {
    await browser.declarativeNetRequest.updateDynamicRules({
      removeRuleIds: existing.map((rule) => rule.id),
      addRules: rules as unknown as DnrRule[],
    });
  }
  return refused;
}

/** Lets the user through to `host` until the browser closes ("Proceed" on the blocking page). */
export async function allowHostForSession(host: string): Promise<void> {
  const existing = await browser.declarativeNetRequest.getSessionRules();
  if (existing.some((rule) => rule.condition.requestDomains?.includes(host))) return;
  const id = Math.max(0, ...existing.map((rule) => rule.id)) + 1;
  await browser.declarativeNetRequest.updateSessionRules({
    addRules: [
      {
        id,
        priority: 10,
        action: { type: 'allow' },
        condition: { requestDomains: [host], resourceTypes: ['main_frame'] },
      } as unknown as DnrRule,
    ],
  });
}

/** The page the rules redirect to; the blocked URL follows as the fragment. */
export function blockedPageUrl(): string {
  return browser.runtime.getURL('src/ui/blocked/index.html');
}

export function extensionId(): string {
  return browser.runtime.id;
}
