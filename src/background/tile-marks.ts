import { parseTileLinks, vendorTiles } from '../core/classify/tiles.ts';
import { siteOf } from '../core/classify/url-parts.ts';
import { isFlagged, type Verdict } from '../core/classify/verdict.ts';
import { findVendor } from '../core/policy/compile.ts';
import { decide } from '../core/policy/decide.ts';
import { vendorViewOf } from '../core/vendors/view.ts';
import type { TileMarksView } from '../platform/messages.ts';
import type { Worker } from './context.ts';
import type { ContentSender, RequestOf } from './requests.ts';

/**
 * Marks for the vendor's product tiles on a list page. None where the page itself carries the
 * warning, or where the warning would be silenced anyway (warnings off, the site allowed).
 */
export async function listingTiles(worker: Worker, request: RequestOf<'listing-tiles'>, sender: ContentSender): Promise<TileMarksView> {
  const ctx = await worker.context();
  const none: TileMarksView = { marks: [], vendors: [] };
  const links = parseTileLinks(request.links);
  const record = await worker.ports.tabStore.read(sender.tabId);
  if (!links || (record && isFlagged(record.verdict))) return none;
  const pageUrl = sender.url;
  const site = siteOf(pageUrl);
  const vendorIds: string[] = [];
  const marks = vendorTiles(pageUrl, links, ctx.policy.registry).flatMap(({ index, vendor }) => {
    const verdict: Verdict = { vendor, kind: 'purchase', reasons: [], rule: null };
    if (!decide(verdict, ctx.state.merged.effective, site, { dismissed: false, proceeded: false }).badge) return [];
    if (!vendorIds.includes(vendor)) vendorIds.push(vendor);
    return [{ index, vendor: vendorIds.indexOf(vendor) }];
  });
  const vendors = vendorIds.flatMap((id) => {
    const vendor = findVendor(ctx.policy, id);
    return vendor ? [vendorViewOf(vendor, ctx.reader)] : [];
  });
  return vendors.length === vendorIds.length ? { marks, vendors } : none;
}
