import type { PageSignals } from '../core/classify/page-signals.ts';
import type { TileLink } from '../core/classify/tiles.ts';
import type { Verdict } from '../core/classify/verdict.ts';
import type { CompiledBlockRules } from '../core/policy/block-rules.ts';
import type { Decision } from '../core/policy/decide.ts';
import type { EffectiveSettings, LockedKey } from '../core/policy/merge.ts';
import type { OrgPolicy, PolicyProblem } from '../core/policy/schema.ts';
import type { Settings, SettingsProblem } from '../core/policy/settings.ts';
import type { Reader } from '../core/reader.ts';
import type { WarningLevel } from '../core/vendors/standing.ts';
import type { VendorView } from '../core/vendors/view.ts';

export type { VendorView };

/** The organisation's contact and message, when it set them. */
export interface OrganizationView {
  name: string;
  message: string;
  supportUrl: string;
  supportEmail: string;
}

/** Everything the in-page warning needs, prepared by the background (the content script decides nothing). */
export interface WarningView {
  decision: Decision;
  vendor: VendorView | null;
  /** The page is a shop's, portal's or app store's page about no vendor: its product tiles may get marks (content/marks.ts). */
  markTiles: boolean;
}

/**
 * The background's answer to a page's signals: what to show, and whether it wants the page's
 * main area read (the signals or the URL named a vendor and nothing cheap settled the page).
 */
export interface PageSignalsAnswer {
  view: WarningView;
  needsContent: boolean;
}

/** Product tiles on a list page (search results, a category) to mark, by index in the links sent, with their vendors. */
export interface TileMarksView {
  marks: { index: number; vendor: number }[];
  vendors: VendorView[];
  /** Each vendor's level, in the same order: the full warning's mark or the calmer notice's. */
  levels: WarningLevel[];
}

/** The state of one tab as the background sees it. */
export interface TabState {
  url: string;
  /** The site the allowlist works on (registrable domain, or the host). */
  site: string;
  decision: Decision;
  vendor: VendorView | null;
  /** Whom the popup speaks to (where they are, their role): it orders every vendor's actions for them. */
  reader: Reader;
  /** The address of the frame whose page decided, when a frame inside the page did (not the page itself). */
  frameUrl?: string;
}

/** What the blocking page shows for a URL. */
export interface BlockInfo {
  url: string;
  site: string;
  verdict: Verdict;
  vendor: VendorView | null;
  /** How strongly the vendor's actions speak to this reader: a page that hid a notice is shown as a notice. */
  level: WarningLevel;
  organization: OrganizationView;
  allowProceed: boolean;
  /** "Don't warn me again" may be offered (with allowProceed). */
  allowUserAllowlist: boolean;
}

/** What the options page shows and edits. */
export interface OptionsState {
  /** The user's own settings (what "reset" and edits change). */
  settings: Settings;
  /** What applies after the organisation's policy. */
  effective: EffectiveSettings;
  locked: LockedKey[];
  settingsProblems: SettingsProblem[];
  /** Problems in the managed policy (ignored keys) and what is used instead. */
  policyProblems: PolicyProblem[];
  /** The organisation profile imported from a file, if any. */
  importedPolicy: OrgPolicy | null;
  /** The managed (enterprise) policy as applied, if any. */
  managedPolicy: OrgPolicy | null;
  blockRules: Pick<CompiledBlockRules, 'counts' | 'overLimit'>;
  extensionId: string;
  /** The first region of the browser's languages: what "Where you are" means when set to automatic. */
  browserRegion: string | null;
  /** The vendors the extension has built in, for their on/off switches. */
  builtInVendors: { id: string; name: string }[];
}

/** Messages to the background, from content scripts and extension pages. */
export type BackgroundRequest =
  // From content scripts:
  | { type: 'page-start' }
  | { type: 'page-signals'; signals: PageSignals }
  | { type: 'warning-overpowered' }
  | { type: 'dismiss-page' }
  | { type: 'allow-site' }
  | { type: 'listing-tiles'; links: TileLink[] }
  // From extension pages:
  | { type: 'get-tab-state'; tabId: number }
  | { type: 'get-block-info'; url: string }
  /** `warned`: from the page that shows the warning in place of a page that kept hiding the banner. */
  | { type: 'proceed'; url: string; remember: boolean; warned?: boolean }
  | { type: 'get-options-state' }
  | { type: 'save-settings'; settings: Settings }
  | { type: 'import-policy'; contents: string }
  | { type: 'clear-imported-policy' };

/** What the background answers to each request type. */
export interface BackgroundResponse {
  'page-start': WarningView;
  'page-signals': PageSignalsAnswer;
  'warning-overpowered': { replaced: boolean };
  'dismiss-page': WarningView;
  'allow-site': WarningView;
  'listing-tiles': TileMarksView;
  'get-tab-state': TabState | null;
  'get-block-info': BlockInfo;
  proceed: { ok: boolean };
  'get-options-state': OptionsState;
  'save-settings': OptionsState;
  'import-policy': { ok: true; state: OptionsState } | { ok: false; problems: PolicyProblem[] };
  'clear-imported-policy': OptionsState;
}

export const CONTENT_REQUESTS = [
  'page-start',
  'page-signals',
  'warning-overpowered',
  'dismiss-page',
  'allow-site',
  'listing-tiles',
] as const;
export const PAGE_REQUESTS = [
  'get-tab-state',
  'get-block-info',
  'proceed',
  'get-options-state',
  'save-settings',
  'import-policy',
  'clear-imported-policy',
] as const;

/** Messages from the background to a tab's content script. */
export type ContentMessage = { type: 'warning-changed'; view: WarningView } | { type: 'url-changed' };
