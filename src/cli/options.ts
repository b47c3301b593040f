/**
 * The CLI's options, as one table: each entry names the option, whether it takes a value, its
 * line in --help, and what it sets. A new option (one that feeds the decision, say) is one more
 * entry here and one more field in `Options`.
 */
import { isRegionCode, READER_ROLES, type ReaderRole } from '../core/reader.ts';
import { LOG_FORMATS, type LogFormat } from './log-formats.ts';

export interface Options {
  help: boolean;
  policyFile: string | null;
  /** The reader's region (--region), upper case; null: the policy's jurisdictions, else unknown. */
  region: string | null;
  /** The reader's role (--audience); null: the policy's audience, else "personal". */
  audience: ReaderRole | null;
  format: LogFormat | 'auto';
  urlColumn: string | null;
  clientColumn: string | null;
  userColumn: string | null;
  /** Column names for CSV/TSV input without a header line (a split of a larger file). */
  columns: string[] | null;
  summary: boolean;
  json: boolean;
  merge: boolean;
  clients: boolean;
  top: number;
  maxLineLength: number;
  /** URLs given as arguments. */
  urls: string[];
  /** Log files given as arguments ("-" for standard input). */
  files: string[];
}

export class UsageError extends Error {}

interface OptionSpec {
  name: string;
  /** The value's placeholder in --help; absent for a flag. */
  value?: string;
  help: string;
  set(options: Options, value: string): void;
}

const positive = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} needs a whole number above 0`);
  return n;
};

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'policy',
    value: 'FILE',
    help: `Apply an organisation policy: the JSON object of policy keys an administrator puts in
managed storage (see docs/admin.md and docs/policies/); a Chrome/Linux policy file or a Firefox
policies.json is accepted too. Each URL's line then also has "decision": "none", "notice"
(the calmer notice, which never blocks), "warn" or "block". The file is checked strictly: on any problem every problem is printed and the exit
code is 2; nothing is classified.`,
    set: (o, v) => {
      if (o.policyFile !== null) throw new UsageError('--policy given more than once');
      o.policyFile = v;
    },
  },
  {
    name: 'region',
    value: 'CODE',
    help: `Where the reader is (ISO 3166-1 alpha-2, e.g. DE): each URL's line then also has "actions", the
government actions that apply to the reader there (most relevant first), and "decision". Overrides
the policy's jurisdictions.`,
    set: (o, v) => {
      const region = v.trim().toUpperCase();
      if (!isRegionCode(region)) throw new UsageError(`--region: unknown region "${v}" (an ISO 3166-1 alpha-2 code such as DE)`);
      o.region = region;
    },
  },
  {
    name: 'audience',
    value: 'ROLE',
    help: `The reader's role: ${READER_ROLES.join(', ')} (default: the policy's audience, else personal).`,
    set: (o, v) => {
      if (!(READER_ROLES as readonly string[]).includes(v)) {
        throw new UsageError(`--audience: unknown audience "${v}" (one of ${READER_ROLES.join(', ')})`);
      }
      o.audience = v as ReaderRole;
    },
  },
  {
    name: 'format',
    value: 'FORMAT',
    help: `The input's format: ${LOG_FORMATS.join(', ')} (combined is common), or auto (the default:
told from the first lines).`,
    set: (o, v) => {
      const format = v === 'combined' ? 'common' : v;
      if (format !== 'auto' && !(LOG_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`--format must be one of auto, ${LOG_FORMATS.join(', ')}, combined`);
      }
      o.format = format as Options['format'];
    },
  },
  {
    name: 'url-column',
    value: 'NAME',
    help: 'CSV/TSV: the column holding the URL (default: the first named url, uri, cs-uri, …).',
    set: (o, v) => (o.urlColumn = v),
  },
  {
    name: 'client-column',
    value: 'NAME',
    help: 'CSV/TSV: the column holding the client (default: client, client_ip, c-ip, src_ip, …).',
    set: (o, v) => (o.clientColumn = v),
  },
  {
    name: 'user-column',
    value: 'NAME',
    help: 'CSV/TSV: the column holding the user (default: user, username, cs-username, …).',
    set: (o, v) => (o.userColumn = v),
  },
  {
    name: 'columns',
    value: 'A,B,…',
    help: 'CSV/TSV without a header line (a part of a split file): the column names; a line equal to them is skipped.',
    set: (o, v) => (o.columns = v.split(/[,\t]/).map((name) => name.trim())),
  },
  { name: 'summary', help: 'Print counts instead of one line per request.', set: (o) => (o.summary = true) },
  { name: 'json', help: 'With --summary or --merge: the summary as one line of JSON (mergeable).', set: (o) => (o.json = true) },
  {
    name: 'merge',
    help: 'Add up JSON summaries (one per line, from the files or standard input): the reducer.',
    set: (o) => (o.merge = true),
  },
  { name: 'no-clients', help: 'Leave clients and users out of the summary.', set: (o) => (o.clients = false) },
  { name: 'top', value: 'N', help: 'Rows per table in the summary (default 20).', set: (o, v) => (o.top = positive('top', v)) },
  {
    name: 'max-line-length',
    value: 'N',
    help: 'Longer lines are counted as malformed, unread (default 1048576 characters).',
    set: (o, v) => (o.maxLineLength = positive('max-line-length', v)),
  },
  { name: 'help', help: 'Show this help.', set: (o) => (o.help = true) },
];

export function defaultOptions(): Options {
  return {
    help: false,
    policyFile: null,
    region: null,
    audience: null,
    format: 'auto',
    urlColumn: null,
    clientColumn: null,
    userColumn: null,
    columns: null,
    summary: false,
    json: false,
    merge: false,
    clients: true,
    top: 20,
    maxLineLength: 1 << 20,
    urls: [],
    files: [],
  };
}

/** An argument that is a URL rather than a file name: it starts with a scheme and "//". */
const looksLikeUrl = (arg: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);

export function parseArgs(args: readonly string[]): Options {
  const options = defaultOptions();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    const spec = OPTIONS.find((option) => option.name === name);
    if (!spec) throw new UsageError(`unknown option ${arg}`);
    if (spec.value === undefined) {
      if (equals >= 0) throw new UsageError(`--${name} takes no value`);
      spec.set(options, '');
      continue;
    }
    const value = equals >= 0 ? arg.slice(equals + 1) : args[++i];
    if (!value) throw new UsageError(`--${name} needs ${spec.name === 'policy' ? 'a file name' : `a value (${spec.value})`}`);
    spec.set(options, value);
  }
  // Arguments are URLs when any of them is one ("not a url" among them is a URL to classify too), else files.
  if (positional.some(looksLikeUrl)) options.urls = positional;
  else options.files = positional;
  if (options.merge && options.urls.length > 0) throw new UsageError('--merge reads summaries from files or standard input');
  return options;
}

export function usage(): string {
  const lines = OPTIONS.map((option) => {
    const head = `  --${option.name}${option.value ? ` ${option.value}` : ''}`;
    const [first = '', ...rest] = option.help.split('\n');
    const pad = ' '.repeat(26);
    return [`${head.padEnd(26)}${first}`, ...rest.map((line) => `${pad}${line}`)].join('\n');
  });
  return `Usage: npm run classify -- [options] [URL... | FILE...]

Classifies URLs as Vendor Guard does: from the arguments (URLs when any argument starts with a
scheme and "//", else log files; "-" is standard input), or from standard input (one URL or log
line per line). Logs: Squid's native access.log, the Common and Combined Log
Formats (Apache, nginx), and CSV/TSV exports with a header naming the URL column; gzip too.
Prints one JSON object per request, in input order: {"url","vendor","kind","reasons"}, with
"client" and "user" when the log names them, "decision" with --policy, and "software" when the
request came from a vendor's installed software (updates, reputation look-ups). kind is
"purchase", "download", "vendor" (a vendor page that sells nothing) or "none". With --summary:
counts by decision, kind, vendor, host, client and user, and the software still installed apart.

Options:
${lines.join('\n')}

Malformed lines are counted and the first few shown with their line numbers; they never stop a
run. Exit codes: 0 after classifying, 2 for a bad policy file, a missing or unreadable input
file, or bad options. Nothing is sent anywhere.
`;
}
