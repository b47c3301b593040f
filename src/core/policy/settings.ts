import * as v from 'valibot';
import { READER_ROLES, WARN_FOR } from '../reader.ts';
import { code, issueCode, type Problem } from './problems.ts';
import { regionCode } from './schema-parts.ts';

/** The user's own settings; the organisation policy merges over them (see merge.ts). */
export const SettingsSchema = v.object({
  /** off: silent; warn: banner and badge on flagged pages; block: a blocking page instead. */
  mode: v.picklist(['off', 'warn', 'block'], code('not_mode')),
  /** What happens to a download of a vendor's installer. */
  downloadGuard: v.picklist(['off', 'warn', 'block'], code('not_mode')),
  /** Sites (registrable domains, or hosts without one) the user asked not to be warned on. */
  allowedSites: v.array(v.string()),
  /** Where the reader is (ISO 3166-1 alpha-2); "" takes the first region of the browser's languages. */
  region: v.union([v.literal(''), regionCode]),
  /** The reader's role: which governments' rules bind them (core/reader.ts). */
  audience: v.picklist(READER_ROLES, code('not_audience')),
  /** Which flagged pages get the in-page warning (core/reader.ts). */
  warnFor: v.picklist(WARN_FOR, code('not_warn_for')),
  /** Built-in vendors the user switched off (their ids); the organisation's `vendors` list overrides it. */
  vendorsOff: v.array(v.string()),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type Mode = Settings['mode'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  mode: 'warn',
  downloadGuard: 'warn',
  allowedSites: [],
  region: '',
  audience: 'personal',
  warnFor: 'any',
  vendorsOff: [],
});

/** A stored field that could not be used (its key as the path, or "" for the whole value); see problems.ts. */
export type SettingsProblem = Problem;

export interface LoadedSettings {
  settings: Settings;
  /** What was wrong with the stored value; empty when it was valid. */
  problems: SettingsProblem[];
}

/**
 * Turns whatever was stored into usable settings: missing values take the defaults, a field
 * that fails the schema falls back to its default alone, and every fallback is reported.
 */
export function parseStoredSettings(stored: unknown): LoadedSettings {
  if (stored === undefined) return { settings: copyDefaults(), problems: [] };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { settings: copyDefaults(), problems: [{ path: '', code: 'not_object', values: [] }] };
  }
  const record = stored as Record<string, unknown>;
  const settings = copyDefaults();
  const problems: SettingsProblem[] = [];
  const fields = SettingsSchema.entries;
  for (const key of Object.keys(fields) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const result = v.safeParse(fields[key], record[key]);
    if (result.success) {
      (settings as Record<keyof Settings, unknown>)[key] = result.output;
    } else {
      const [issue] = result.issues;
      problems.push({ path: key, ...issueCode(issue) });
    }
  }
  settings.allowedSites = [...new Set(settings.allowedSites.map((site) => site.trim().toLowerCase()).filter(Boolean))];
  return { settings, problems };
}

function copyDefaults(): Settings {
  return { ...DEFAULT_SETTINGS, allowedSites: [...DEFAULT_SETTINGS.allowedSites], vendorsOff: [] };
}

export function withSiteAllowed(settings: Settings, site: string): Settings {
  if (settings.allowedSites.includes(site)) return settings;
  return { ...settings, allowedSites: [...settings.allowedSites, site].sort() };
}

export function withSiteRemoved(settings: Settings, site: string): Settings {
  return { ...settings, allowedSites: settings.allowedSites.filter((s) => s !== site) };
}
