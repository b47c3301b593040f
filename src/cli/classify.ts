import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { siteOf } from '../core/classify/url-parts.ts';
import { classifyUrl } from '../core/classify/url.ts';
import type { Verdict } from '../core/classify/verdict.ts';
import { VENDOR_GUARD_IDS } from '../core/identity.ts';
import { classifyWithPolicy, compilePolicy, type CompiledPolicy } from '../core/policy/compile.ts';
import { decide } from '../core/policy/decide.ts';
import { mergeSettings, type EffectiveSettings } from '../core/policy/merge.ts';
import { parsePolicyFile } from '../core/policy/schema.ts';
import { DEFAULT_SETTINGS } from '../core/policy/settings.ts';
import { englishProblem } from './english.ts';

/*
 * `npm run classify -- [--policy FILE] URL...` or `... | npm run classify [-- --policy FILE]`:
 * one JSON object per input URL, in input order. Malformed URLs get kind "none" with reason
 * "invalid-url". With --policy, the file is validated strictly first: any problem is printed to
 * stderr and the exit code is 2, with nothing classified.
 */

const USAGE = `Usage: npm run classify -- [--policy FILE] [URL...]

Classifies each URL (from the arguments, or one per line on standard input) and prints one
JSON object per URL, in input order: {"url","vendor","kind","reasons"}.
kind is "purchase", "download", "vendor" (a vendor page that sells nothing) or "none".

Options:
  --policy FILE  Apply an organisation policy: the JSON object of policy keys an administrator
                 puts in managed storage (see docs/admin.md and docs/policies/). A Chrome/Linux
                 policy file {"3rdparty":{"extensions":{"<id>":{...}}}} or a Firefox policies.json
                 is accepted too. Each line then also has "decision": "none", "warn" or "block"
                 (what the extension does on that page with this policy and default user
                 settings). The file is checked strictly: on any problem every problem is
                 printed to stderr and the exit code is 2; nothing is classified.
  -h, --help     Show this help.

Exit codes: 0 after classifying (malformed URLs are not errors), 2 for a bad policy file or
bad options.
`;

type CliDecision = 'none' | 'warn' | 'block';

interface Options {
  help: boolean;
  policyFile: string | null;
  urls: string[];
}

class UsageError extends Error {}

function parseArgs(args: string[]): Options {
  const options: Options = { help: false, policyFile: null, urls: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      options.urls.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--policy' || arg.startsWith('--policy=')) {
      const value = arg === '--policy' ? args[++i] : arg.slice('--policy='.length);
      if (!value) throw new UsageError('--policy needs a file name');
      if (options.policyFile !== null) throw new UsageError('--policy given more than once');
      options.policyFile = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.urls.push(arg);
  }
  return options;
}

/** Where in the file ("" for the whole file), and what is wrong there in English. */
interface CliProblem {
  path: string;
  text: string;
}

/** A policy ready to apply, or the problems that stop the CLI from using the file. */
type LoadedPolicy =
  | { ok: true; settings: EffectiveSettings; compiled: CompiledPolicy }
  | { ok: false; problems: CliProblem[]; note?: string }
  | { ok: false; unreadable: string };

function loadPolicy(file: string): LoadedPolicy {
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

function classify(url: string, policy: (LoadedPolicy & { ok: true }) | null): Verdict {
  try {
    return policy ? classifyWithPolicy(url, policy.compiled) : classifyUrl(url);
  } catch {
    return { vendor: null, kind: 'none', reasons: ['invalid-url'], rule: null };
  }
}

function decisionFor(url: string, verdict: Verdict, settings: EffectiveSettings): CliDecision {
  const decision = decide(verdict, settings, siteOf(url), { dismissed: false, proceeded: false });
  return decision.block ? 'block' : decision.banner ? 'warn' : 'none';
}

function line(url: string, policy: (LoadedPolicy & { ok: true }) | null): string {
  const verdict = classify(url, policy);
  const base = { url, vendor: verdict.vendor, kind: verdict.kind, reasons: verdict.reasons };
  return JSON.stringify(policy ? { ...base, decision: decisionFor(url, verdict, policy.settings) } : base);
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`classify: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let policy: (LoadedPolicy & { ok: true }) | null = null;
  if (options.policyFile !== null) {
    const loaded = loadPolicy(options.policyFile);
    if (!loaded.ok && 'unreadable' in loaded) {
      process.stderr.write(`classify: ${loaded.unreadable}\n`);
      return 2;
    }
    if (!loaded.ok) {
      const count = loaded.problems.length;
      process.stderr.write(
        `classify: the policy file ${options.policyFile} was not used (${count} problem${count === 1 ? '' : 's'}${loaded.note ? `, ${loaded.note}` : ''}):\n`,
      );
      for (const problem of loaded.problems) process.stderr.write(`  ${problem.path || '(file)'}: ${problem.text}\n`);
      return 2;
    }
    policy = loaded;
  }
  if (options.urls.length > 0) {
    for (const url of options.urls) process.stdout.write(`${line(url, policy)}\n`);
    return 0;
  }
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of input) {
    const url = raw.trim();
    if (url) process.stdout.write(`${line(url, policy)}\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Classifying never fails on input; anything else (a closed pipe, say) is reported, not thrown.
    process.stderr.write(`classify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 0;
  },
);
