import { verdictWithoutSignals } from '../core/classify/page.ts';
import { isFlagged, type Verdict } from '../core/classify/verdict.ts';
import { classifyWithPolicy } from '../core/policy/compile.ts';
import { blockRulesFor, type Context, type Worker } from './context.ts';

/*
 * The settings or the organisation's policy changed (or the worker was installed or started):
 * the block rules follow the mode, and every tab the worker knows is judged again.
 */

/** Installs the block rules in block mode, and none otherwise (or when there are too many to install). */
export async function applyBlockRules(worker: Worker, ctx: Context): Promise<void> {
  const { effective } = ctx.state.merged;
  const compiled = blockRulesFor(ctx, worker.ports);
  const refused = await worker.ports.blockRules.install(
    effective.mode === 'block' && compiled.overLimit.length === 0 ? compiled.rules : [],
  );
  if (refused.length) console.warn(`Vendor Guard: the browser refused ${refused.length} block rule patterns`, refused);
}

export async function reapplyEverywhere(worker: Worker): Promise<void> {
  const ctx = await worker.refreshed();
  await applyBlockRules(worker, ctx).catch((error: unknown) => console.warn('Vendor Guard: block rules not installed', error));
  const { tabs } = worker.ports;
  const again = <T extends { url: string; verdict: Verdict }>(page: T): T => ({
    ...page,
    verdict: verdictWithoutSignals(page.verdict, classifyWithPolicy(page.url, ctx.policy)),
  });
  for (const [tabId, stored] of await worker.ports.tabStore.all()) {
    // Frames do not report again (only the top page is asked to): their verdicts are kept as judged now.
    const record = stored.frames?.length
      ? ((await worker.ports.tabStore.update(tabId, (current) =>
          current ? { ...current, frames: current.frames?.map(again).filter((frame) => isFlagged(frame.verdict)) } : null,
        )) ?? stored)
      : stored;
    const fresh = record.url ? again(record) : record;
    await tabs.send(tabId, { type: 'warning-changed', view: await worker.apply(tabId, fresh, ctx) });
    // What the page showed is judged again under the new settings (pages without the content script ignore this).
    await tabs.send(tabId, { type: 'url-changed' });
  }
}
