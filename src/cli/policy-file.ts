/**
 * Reading an organisation's policy file for the CLI: the JSON object of policy keys, or a
 * Chrome/Linux policy file or Firefox policies.json wrapping it; checked strictly, problems worded
 * as the options page words them in English.
 */
import { readFileSync } from 'node:fs';
import { VENDOR_GUARD_IDS } from '../core/identity.ts';
import { compilePolicy, type CompiledPolicy } from '../core/policy/compile.ts';
import { mergeSettings, type EffectiveSettings } from '../core/policy/merge.ts';
import { parsePolicyFile } from '../core/policy/schema.ts';
import { DEFAULT_SETTINGS } from '../core/policy/settings.ts';
import { englishProblem } from './english.ts';

/** Where in the file ("" for the whole file), and what is wrong there in English. */
export interface CliProblem {
  path: string;
  text: string;
}

/** A policy ready to apply, or the problems that stop the CLI from using the file. */
export type LoadedPolicy =
  | { ok: true; settings: EffectiveSettings; compiled: CompiledPolicy }
  | { ok: false; problems: CliProblem[]; note?: string }
  | { ok: false; unreadable: string };

export function loadPolicy(file: string): LoadedPolicy {
  let contents: string;
  try {
    contents = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    return { ok: false, unreadable: `cannot read the policy file ${file}: ${why}` };
  }
  const unwrapped = unwrap(contents);
  if ('problem' in unwrapped) return { ok: false, problems: [{ path: '', text: unwrapped.problem }] };
  const parsed = parsePolicyFile(unwrapped.contents);
  if (parsed.problems.length > 0) {
    const problems = parsed.problems.map((problem) => ({ path: problem.path, text: englishProblem(problem) }));
    return unwrapped.where ? { ok: false, problems, note: `in ${unwrapped.where}` } : { ok: false, problems };
  }
  const { effective } = mergeSettings({ ...DEFAULT_SETTINGS, allowedSites: [...DEFAULT_SETTINGS.allowedSites] }, parsed.policy);
  return { ok: true, settings: effective, compiled: compilePolicy(effective) };
}

/**
 * The policy object inside a Chrome/Linux policy file ({"3rdparty":{"extensions":{id:{…}}}}) or
 * a Firefox policies.json ({"policies":{"3rdparty":{"Extensions":{id:{…}}}}}); anything else is
 * passed on as it is, for parsePolicyFile to judge.
 */
function unwrap(contents: string): { contents: string; where?: string } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(contents);
  } catch {
    return { contents };
  }
  if (!isRecord(json)) return { contents };
  if ('3rdparty' in json) return pick(json['3rdparty'], 'extensions', '3rdparty.extensions', VENDOR_GUARD_IDS.chrome);
  if ('policies' in json && isRecord(json['policies']) && '3rdparty' in json['policies']) {
    return pick(json['policies']['3rdparty'], 'Extensions', 'policies.3rdparty.Extensions', VENDOR_GUARD_IDS.firefox);
  }
  return { contents };
}

function pick(
  section: unknown,
  key: string,
  where: string,
  preferredId: string,
): { contents: string; where: string } | { problem: string } {
  const extensions = isRecord(section) ? section[key] : undefined;
  if (!isRecord(extensions)) return { problem: `has no "${where}" object` };
  const ids = Object.keys(extensions);
  const id = ids.includes(preferredId) ? preferredId : ids.length === 1 ? ids[0] : undefined;
  if (id === undefined) {
    return { problem: `has no policy for ${preferredId} in "${where}"${ids.length ? ` (found: ${ids.join(', ')})` : ''}` };
  }
  return { contents: JSON.stringify(extensions[id]), where: `${where}.${id}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
