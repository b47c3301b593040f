/**
 * A restricted vendor, described as data: adding a vendor means adding one of these,
 * not changing the classifier. Path and file patterns are regular-expression sources,
 * matched case-insensitively.
 */
export interface VendorDefinition {
  /** Short stable id, used in verdicts, storage and messages. */
  id: string;
  /** Display name (a proper noun, not translated). */
  name: string;
  /** Registrable domains and hosts the vendor controls; every subdomain is included. */
  domains: string[];
  /**
   * Second-level labels the vendor holds under every public suffix (its regional sites):
   * "kaspersky" covers kaspersky.ie or kaspersky.com.mx without listing each.
   */
  ownedDomainLabels: string[];
  /** Words that name the vendor in URL slugs and page text, lower case ("kaspersky"). */
  brandTokens: string[];
  /** Distinctive product names that name the vendor on their own (tool names), lower case. */
  distinctiveProductTokens: string[];
  /**
   * Names that count only as whole words, never inside a longer word: short brands ("dji" is not
   * in "Djibouti", "zte" not in "Aztec") and names of several words. Lower case; a space stands
   * for one separator or none ("autel robotics" is also "Autel-Robotics" and "autelrobotics").
   */
  wordTokens?: string[];
  /**
   * Product lines and model numbers that name the vendor on their own, as regular-expression
   * sources (lower case, non-capturing groups only), matched as whole words like `wordTokens`
   * (a space is one separator or none): "ds-2cd\\d{4}" for a Hikvision camera, "mavic" for DJI.
   * Keep them distinctive: a shop's slug or a page title that matches one is taken to be the
   * vendor's product.
   */
  modelPatterns?: string[];
  /**
   * Whether shops sell the vendor's products as software licences, so licence terms in a slug
   * ("3-devices-1-year", "key", "lizenz") mark a listing of them (default true). False for makers
   * of equipment: a slug that names them with "license" is news about an Android licence.
   */
  soldAsLicences?: boolean;
  /** Product names, current and legacy, as people write them. */
  productNames: string[];
  /** How the vendor's own sites are laid out. */
  site: VendorSiteRules;
  /** Installer and package file names made by the vendor. */
  installers: InstallerRules;
  /** App-store and extension-store identifiers of the vendor's apps. */
  apps: VendorApps;
  /** Government actions restricting the vendor, oldest first. */
  restrictions: RestrictionRecord[];
  /** Id of the record the in-page banner quotes in one line. */
  primaryRestriction: string;
  /** Where people can go instead; listed neutrally, not an endorsement. */
  alternatives: Alternative[];
}

export interface VendorSiteRules {
  /**
   * Subdomain labels (of a vendor domain) that serve the regional storefront: the site root
   * there is a store front, and product paths are sales pages. "" is the bare domain.
   */
  storefrontSubdomains: string[];
  /** Whole hosts that only sell (a partner-run store, for example). */
  storeHosts: string[];
  /** Hosts whose files are installers and packages (a host here also covers its subdomains). */
  downloadHosts: string[];
  /** Paths on a storefront that sell: stores, carts, renewals, product pages. */
  purchasePaths: string[];
  /** Paths on a storefront that hand out software. */
  downloadPaths: string[];
  /** Paths that look like products but only inform (checked first). */
  infoPaths: string[];
}

export interface InstallerRules {
  /** File names distinctive enough to identify the vendor on any host. */
  distinctive: string[];
  /**
   * Names that, at the start of an installer file's name, identify the vendor on any host
   * ("kaspersky" for "Kaspersky Internet Security.dmg"); the file must end in an installer
   * extension (src/data/vocabulary.json).
   */
  namePrefixes: string[];
  /** File names that only mean the vendor when served from its download hosts. */
  onVendorHostsOnly: string[];
  /** Tools that remove the vendor's software: never flagged. */
  removalTools: string[];
}

export interface VendorApps {
  /** Google Play package names; an entry ending in "." is a prefix. */
  googlePlay: string[];
  /** Apple App Store numeric ids (without the "id" prefix). */
  appleAppStore: string[];
  /** Chrome Web Store extension ids. */
  chromeWebStore: string[];
  /** Safari extension bundle-id prefixes. */
  safariBundlePrefixes: string[];
}

/**
 * What a government action does. Binding effects say what is forbidden; `official_warning` and
 * `nonbinding_resolution` bind no one, and the wording must say so.
 */
export const RESTRICTION_EFFECTS = [
  /** Sales (new agreements, updates) to people in the jurisdiction are forbidden. */
  'sales_ban',
  /** The products may not be used (by those it applies to). */
  'use_ban',
  /** Those it applies to may not buy (procure) the products. */
  'procurement_ban',
  /** Those it applies to must replace (diversify away from) the products. */
  'replacement_duty',
  /** New equipment models may not be authorized, imported or marketed; authorized ones stay legal. */
  'authorization_ban',
  /** Public subsidies may not pay for the products. */
  'funding_ban',
  /** Exports to the company need a licence; buying its products is not restricted. */
  'export_restriction',
  /** Asset freezes or other sanctions against the company. */
  'sanctions',
  /** Internet providers must block the company's sites. */
  'site_block',
  /** An authority's public warning or advice: not a ban. */
  'official_warning',
  /** A parliament's resolution: binds no one. */
  'nonbinding_resolution',
] as const;
export type RestrictionEffect = (typeof RESTRICTION_EFFECTS)[number];

/** Effects that forbid something to those they apply to (the rest inform or advise). */
export const BINDING_EFFECTS: ReadonlySet<string> = new Set<RestrictionEffect>([
  'sales_ban',
  'use_ban',
  'procurement_ban',
  'replacement_duty',
  'authorization_ban',
  'funding_ban',
  'export_restriction',
  'sanctions',
  'site_block',
]);

/** Whom an action binds or addresses within its jurisdiction. */
export const RESTRICTION_AUDIENCES = [
  /** Everyone in the jurisdiction (people, companies, shops). */
  'everyone',
  /** Government bodies and their systems (for the US: federal agencies). */
  'government',
  /** Operators of critical infrastructure (vital sectors). */
  'critical_infrastructure',
  /** US federal contractors and recipients of federal grants and loans. */
  'federal_contractors',
  /** Users of public telecommunications subsidies (the FCC's Universal Service Fund). */
  'subsidy_recipients',
  /** Internet service providers. */
  'internet_providers',
  /** Suppliers who export to the company. */
  'exporters',
  /** The EU's own institutions. */
  'eu_institutions',
] as const;
export type RestrictionAudience = (typeof RESTRICTION_AUDIENCES)[number];

export interface RestrictionRecord {
  /**
   * Stable id; for built-in vendors the UI looks up `restriction_<id>_title` and
   * `restriction_<id>_summary` in _locales.
   */
  id: string;
  /** Text given by an organisation's policy for its own vendors, shown as written (no i18n keys). */
  summary?: string;
  /** Who issued it, e.g. "US Department of Commerce, Bureau of Industry and Security (BIS)". */
  authority: string;
  /** The instrument's citation, e.g. "89 FR 52434". */
  citation: string;
  /** ISO date it was issued or published ("" when an organisation's policy gives none). */
  date: string;
  /** Dates it took effect, with what changed then (`restriction_<id>_effective_<n>`). */
  effective: { date: string }[];
  /**
   * Where it applies: an ISO 3166-1 alpha-2 code ("DE"), "EU" for the European Union's
   * institutions, or "" for an organisation's own record.
   */
  jurisdiction: string;
  /** What it does: a ban on sales, on use, on procurement, sanctions, a warning, … ("" for an organisation's record). */
  effect: RestrictionEffect | '';
  /** Whom it binds or addresses in its jurisdiction (empty for an organisation's record). */
  appliesTo: RestrictionAudience[];
  /** Where the user can read the primary text. */
  sourceUrl: string;
  /** A plain-language page by the authority, when there is one. */
  infoUrl?: string;
}

/**
 * A real-shaped URL and what the classifier must make of it: the rule that decides it (a URL
 * rule id, see src/core/classify/verdict.ts), or null when nothing must. Where the verdict's
 * vendor is not implied (a shop's, portal's or store's example) it is named.
 */
export interface UrlExample {
  url: string;
  rule: string | null;
  vendor?: string | null;
  /** Why the example gets what it gets, where that is not plain ("the URL names no product: the page decides"). */
  note?: string;
}

/** A built-in vendor's example URLs, by the kind of verdict each must get. */
export interface VendorExamples {
  purchase: UrlExample[];
  download: UrlExample[];
  vendor: UrlExample[];
  none: UrlExample[];
}

/** A vendor shipped with the extension (src/data/vendors/): its definition and the URLs that exercise it. */
export interface BuiltInVendor extends VendorDefinition {
  /**
   * Requests the vendor's installed software makes on its own (updates, reputation look-ups,
   * activation): what an organisation's proxy log shows of software still installed. Not pages a
   * person opens: the extension never flags them; the CLI counts them apart.
   */
  softwareTraffic?: SoftwareTraffic;
  examples: VendorExamples;
}

/** Where a vendor's installed software connects, with public sources (see BuiltInVendor.softwareTraffic). */
export interface SoftwareTraffic {
  /** Hosts, each with its subdomains, that only the installed software calls. */
  hosts: string[];
  /** Whole-host patterns (regular-expression sources) of numbered service hosts ("dnl-01.geo…"). */
  hostPatterns: string[];
  /** Paths (regular-expression sources) that only the installed software requests, on the hosts listed (with their subdomains). */
  paths: { hosts: string[]; path: string; what: string }[];
  /** Requests that must count: URLs, or "host:port" as a proxy logs an HTTPS tunnel. */
  examples: string[];
  /** Requests to the vendor that must not count: pages and downloads a person opens. */
  notExamples: string[];
  /** Public pages that list these hosts and paths. */
  sources: { title: string; url: string }[];
}

export interface Alternative {
  name: string;
  url: string;
  /** i18n key of a short neutral note, if the entry needs one (e.g. "built into Windows"). */
  noteKey?: string;
}
