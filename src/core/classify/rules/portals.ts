import portals from '../../../data/download-portals.json' with { type: 'json' };
import type { UrlExample } from '../../vendors/types.ts';
import { DOWNLOAD_SLUG } from '../../vocabulary.ts';
import { found, type UrlContext, type UrlRule } from '../rule.ts';

/**
 * A download portal or APK mirror (src/data/download-portals.json), by registrable-domain label
 * (so every country domain counts). `listing` restricts the rule to the part of the site that
 * hands out software (CNET and Softpedia also publish news; those pages must stay unflagged).
 */
export interface PortalRow {
  label: string;
  /** Where the content script runs (default: <label>.com and its subdomains). */
  hosts?: string[];
  /** Pattern the subdomain (or the host, without one) must match. */
  host?: string;
  /** Pattern the path of a listing must match. */
  listing?: string;
  /** Real-shaped URLs of the portal and what each must give. */
  examples: UrlExample[];
}

export const PORTAL_ROWS: readonly PortalRow[] = portals;

interface PortalSite {
  host?: RegExp;
  listing?: RegExp;
}

/** Portal label → its patterns, compiled once. */
const DOWNLOAD_PORTALS: ReadonlyMap<string, PortalSite> = new Map(
  PORTAL_ROWS.map((row) => [
    row.label,
    { ...(row.host ? { host: new RegExp(row.host) } : {}), ...(row.listing ? { listing: new RegExp(row.listing) } : {}) },
  ]),
);

/** Every portal's registrable-domain label. */
export const PORTAL_LABELS: ReadonlySet<string> = new Set(DOWNLOAD_PORTALS.keys());

/** The hosts (with their subdomains) of every portal, for the content script and host permissions. */
export function portalHosts(): string[] {
  return PORTAL_ROWS.flatMap((row) => row.hosts ?? [`${row.label}.com`]);
}

/** A host that reads like a download site ("downloadastro", "apkfab"). */
const PORTAL_LIKE_LABEL = /download|apk/;

export const downloadPortalListing: UrlRule = {
  id: 'download-portal-listing',
  kind: 'download',
  // A retailer's slug often says "download" for a digital licence; the retailer rule decides it first.
  overlaps: ['reseller-listing'],
  match: (context: UrlContext) => {
    const { path, host } = context.parts;
    const { label, subdomain, isIp } = context.domain;
    if (isIp) return null;
    const portal = DOWNLOAD_PORTALS.get(label);
    if (!portal) {
      // Elsewhere only a path segment that names the vendor *and* says download will do.
      if (!PORTAL_LIKE_LABEL.test(label) && !context.parts.segments.some((s) => DOWNLOAD_SLUG.test(s) && context.vendorNamedIn(s)))
        return null;
      if (context.isArticle) return null;
    } else if ((portal.listing && !portal.listing.test(path)) || (portal.host && !portal.host.test(subdomain || host))) {
      return null;
    }
    const where = portal ? `${subdomain} ${path}` : path;
    const vendor = context.vendorNamedIn(where);
    return vendor ? found(vendor, 'download-portal') : null;
  },
};
