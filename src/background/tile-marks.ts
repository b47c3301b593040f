import { parseTileLinks, vendorTiles } from '../core/classify/tiles.ts';
import { siteOf } from '../core/classify/url-parts.ts';
import { isFlagged, type Verdict } from '../core/classify/verdict.ts';
import { findVendor } from '../core/policy/compile.ts';
import { decide } from '../core/policy/decide.ts';
import type { WarningLevel } from '../core/vendors/standing.ts';
import { vendorViewOf } from '../core/vendors/view.ts';
import type { TileMarksView } from '../platform/messages.ts';
import { vendorReach, type Worker } from './context.ts';
import type { ContentSender, RequestOf } from './requests.ts';

/**
 * Marks for the vendor's product tiles on a list page, each vendor's at the level its pages get
 * (the calmer notice for a maker, for a private reader). None where the page itself carries the
 * warning, or where a page of the vendor would show no warning (warnings off, the site allowed,
 * its actions outside the reader's choice of when to warn).
 */
export async function listingTiles(worker: Worker, request: RequestOf<'listing-tiles'>, sender: ContentSender): Promise<TileMarksView> {
  const ctx = await worker.context();
  const none: TileMarksView = { marks: [], vendors: [], levels: [] };
  const links = parseTileLinks(request.links);
  const record = await worker.ports.tabStore.read(sender.tabId);
  if (!links || (record && isFlagged(record.verdict))) return none;
  const pageUrl = sender.url;
  const site = siteOf(pageUrl);
  const vendorIds: string[] = [];
  const levels: WarningLevel[] = [];
  const marks = vendorTiles(pageUrl, links, ctx.policy.registry).flatMap(({ index, vendor }) => {
    const verdict: Verdict = { vendor, kind: 'purchase', reasons: [], rule: null };
    const decision = decide(verdict, ctx.state.merged.effective, site, { dismissed: false, proceeded: false }, vendorReach(ctx, vendor));
    // What a page of the vendor would show: its banner, or in block mode the blocking page.
    if (!decision.banner && !decision.block) return [];
    if (!vendorIds.includes(vendor)) {
      vendorIds.push(vendor);
      levels.push(decision.level);
    }
    return [{ index, vendor: vendorIds.indexOf(vendor) }];
  });
  const vendors = vendorIds.flatMap((id) => {
    const vendor = findVendor(ctx.policy, id);
    return vendor ? [vendorViewOf(vendor, ctx.reader)] : [];
  });
  return vendors.length === vendorIds.length ? { marks, vendors, levels } : none;
}
