/**
 * Made-up proxy logs for the CLI's tests and the benchmark: the same requests written as Squid's
 * native access.log, the Common or Combined Log Format, CSV or TSV. Deterministic (a seeded
 * generator), so a test can know every count in advance.
 */

/** One request as a log records it. */
export interface LoggedRequest {
  /** An absolute URL, or "host:port" when `method` is CONNECT. */
  url: string;
  method: string;
  client: string;
  /** null: the log's "-". */
  user: string | null;
}

export type GeneratedFormat = 'squid' | 'common' | 'combined' | 'csv' | 'tsv';

/** mulberry32: a small seeded PRNG (the benchmark's corpus uses it too). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` requests drawn from `urls` (a URL, or "CONNECT host:port"), by clients 10.0.0.1–
 * `clients`, a third of them with a user name.
 */
export function* requests(urls: readonly string[], count: number, clients = 50, seed = 14): Generator<LoggedRequest> {
  const rand = seeded(seed);
  for (let i = 0; i < count; i++) {
    const picked = urls[Math.floor(rand() * urls.length)]!;
    const n = 1 + Math.floor(rand() * clients);
    const connect = picked.startsWith('CONNECT ');
    yield {
      url: connect ? picked.slice('CONNECT '.length) : picked,
      method: connect ? 'CONNECT' : 'GET',
      client: `10.0.${n >> 8}.${n & 255}`,
      user: n % 3 === 0 ? `user${n}` : null,
    };
  }
}

/** The header line of a CSV or TSV log. */
export const csvHeader = (format: 'csv' | 'tsv') =>
  ['time', 'client_ip', 'username', 'method', 'url', 'status'].join(format === 'csv' ? ',' : '\t');

const CLF_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `request` as one line of `format` (without its newline), logged `second` seconds into 1 Dec 2026. */
export function logLine(format: GeneratedFormat, request: LoggedRequest, second: number): string {
  const time = 1_796_083_200 + second;
  const user = request.user ?? '-';
  switch (format) {
    case 'squid':
      return `${time}.${String(second % 1000).padStart(3, '0')}    ${(second % 900) + 12} ${request.client} TCP_MISS/200 ${(second * 37) % 90_000} ${request.method} ${request.url} ${user} HIER_DIRECT/192.0.2.10 text/html`;
    case 'common':
    case 'combined': {
      const date = new Date(time * 1000);
      const stamp = `${String(date.getUTCDate()).padStart(2, '0')}/${CLF_MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${date.toISOString().slice(11, 19)} +0000`;
      const common = `${request.client} - ${user} [${stamp}] "${request.method} ${request.url} HTTP/1.1" 200 ${(second * 37) % 90_000}`;
      return format === 'common' ? common : `${common} "-" "Mozilla/5.0 (X11; Linux x86_64)"`;
    }
    case 'csv':
    case 'tsv': {
      const separator = format === 'csv' ? ',' : '\t';
      const quote = (cell: string) => (format === 'csv' && /[",\s]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
      return [new Date(time * 1000).toISOString(), request.client, request.user ?? '', request.method, request.url, '200']
        .map(quote)
        .join(separator);
    }
  }
}
