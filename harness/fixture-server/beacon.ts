/**
 * The page-side beacon, for browsers a test cannot drive (stock Firefox): the fixture server adds
 * a small script to a page opened with `beaconUrl`, and the script reports to the server whether
 * the extension's banner appeared, and what the page's paint probe (paint-probe.ts) counted.
 *
 * The banner's host element has a fresh name on every page; the beacon finds it as a page script
 * can: the element directly under <html> (or in a dialog, or the fullscreen element) that the
 * page did not make.
 */
import type http from 'node:http';

/** The query parameter that asks for the beacon script, and the path it reports to. */
export const BEACON_PARAM = 'vg-beacon';
const BEACON_PATH = '/__vendor-guard-beacon';

/** One report from a page: whether the banner's host element was in the page. */
export interface BeaconReport {
  /** The `vg-beacon` value the page was opened with. */
  id: string;
  /** `found`: the banner appeared (sent at once); `final`: the state when the page stopped watching. */
  phase: 'found' | 'final';
  banner: boolean;
  /** Milliseconds from the page's navigation start. */
  at: number;
  /** With `final`, on a page that runs the paint probe: animation frames seen since `found`, and those with the banner painted. */
  frames?: number;
  painted?: number;
}

/** Reports received by one server, and a way to wait for one. */
export class BeaconLog {
  readonly reports: BeaconReport[] = [];
  private waiters = new Set<() => void>();

  add(report: BeaconReport): void {
    this.reports.push(report);
    for (const wake of [...this.waiters]) wake();
  }

  /** The first report of page `id` in `phase`, waiting up to `timeoutMs` for it. */
  wait(id: string, phase: BeaconReport['phase'], timeoutMs: number): Promise<BeaconReport> {
    const find = () => this.reports.find((r) => r.id === id && r.phase === phase);
    return new Promise((resolve, reject) => {
      const done = () => {
        const report = find();
        if (!report) return;
        cleanup();
        resolve(report);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`No "${phase}" beacon from page "${id}" within ${timeoutMs} ms (reports: ${JSON.stringify(this.reports)})`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
      };
      this.waiters.add(done);
      done();
    });
  }
}

export interface BeaconOptions {
  /** How long after `load` the page watches when no banner appears (default 8000 ms). */
  watchMs?: number;
  /** How long after the banner appeared the page sends `final` (default 1000 ms). */
  holdMs?: number;
  /** Where the page goes once it has sent its `final` report: chains pages in one tab. */
  next?: string;
}

/**
 * `<page URL>?vg-beacon=<id>`: the page served with a script that watches for the banner's host
 * element and reports to the fixture server by a same-origin GET: `found` the moment the element
 * appears, then `final` (whether it is still there, and the paint probe's counts since `found`)
 * `holdMs` later, or `watchMs` after load if it never appears. Then it goes on to `next`, if
 * given. The page is unchanged otherwise.
 */
export function beaconUrl(pageUrl: string, id: string, options: BeaconOptions = {}): string {
  const url = new URL(pageUrl);
  url.searchParams.set(BEACON_PARAM, id);
  if (options.watchMs !== undefined) url.searchParams.set('vg-watch', String(options.watchMs));
  if (options.holdMs !== undefined) url.searchParams.set('vg-hold', String(options.holdMs));
  if (options.next !== undefined) url.searchParams.set('vg-next', options.next);
  return url.href;
}

function beaconScript(id: string, watchMs: number, holdMs: number, next: string | null): string {
  // Plain ES5 so any browser runs it; JSON.stringify makes each value a string literal.
  const literal = (value: string | null) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<script>(function () {
  var id = ${literal(id)}, next = ${literal(next)}, done = false, timer = null;
  function own(el) { return el === document.head || el === document.body || el.hasAttribute('data-page') || el.localName === 'script' || el.localName === 'style'; }
  function has() {
    var top = document.documentElement.children;
    for (var i = 0; i < top.length; i++) if (!own(top[i])) return true;
    var parents = Array.prototype.slice.call(document.getElementsByTagName('dialog'));
    if (document.fullscreenElement) parents.push(document.fullscreenElement);
    for (var d = 0; d < parents.length; d++) for (var j = 0; j < parents[d].children.length; j++) if (!own(parents[d].children[j])) return true;
    return false;
  }
  function send(phase, banner) {
    var query = '?id=' + encodeURIComponent(id) + '&phase=' + phase + '&banner=' + (banner ? 1 : 0) + '&at=' + Math.round(performance.now());
    var probe = window.__vgPaint;
    if (phase === 'final' && probe) query += '&frames=' + probe.frames + '&painted=' + probe.painted;
    return fetch(${literal(BEACON_PATH)} + query, { cache: 'no-store' }).catch(function () {});
  }
  function finish() {
    if (done) return;
    done = true;
    clearInterval(poll);
    send('final', has()).then(function () { if (next) location.href = next; });
  }
  var poll = setInterval(function () {
    if (timer === null && has()) {
      send('found', true);
      clearTimeout(deadline);
      if (window.__vgPaint) { window.__vgPaint.frames = 0; window.__vgPaint.painted = 0; }
      timer = setTimeout(finish, ${holdMs});
    }
  }, 100);
  var deadline = null;
  addEventListener('load', function () { if (timer === null) deadline = setTimeout(finish, ${watchMs}); });
})();</script>`;
}

/** The page body with the beacon script added before `</body>` when the request asked for it. */
export function withBeaconScript(body: Buffer, requestUrl: string | undefined): Buffer {
  let params: URLSearchParams;
  try {
    params = new URL(requestUrl ?? '/', 'http://fixture.invalid').searchParams;
  } catch {
    return body;
  }
  const id = params.get(BEACON_PARAM);
  if (id === null) return body;
  const watch = Number(params.get('vg-watch') ?? '8000');
  const hold = Number(params.get('vg-hold') ?? '1000');
  const next = params.get('vg-next');
  const within = (value: number, fallback: number) => (Number.isFinite(value) && value >= 0 ? Math.min(value, 60_000) : fallback);
  const script = beaconScript(id, within(watch, 8000), within(hold, 1000), next);
  const html = body.toString('utf8');
  const at = html.lastIndexOf('</body>');
  return Buffer.from(at === -1 ? html + script : html.slice(0, at) + script + html.slice(at), 'utf8');
}

/** Records a report sent to BEACON_PATH; true when the request was one. */
export function handleBeacon(req: http.IncomingMessage, res: http.ServerResponse, beacons: BeaconLog): boolean {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://fixture.invalid');
  } catch {
    return false;
  }
  if (url.pathname !== BEACON_PATH) return false;
  const id = url.searchParams.get('id') ?? '';
  const phase = url.searchParams.get('phase');
  if (id && (phase === 'found' || phase === 'final')) {
    const count = (name: string) => (url.searchParams.has(name) ? { [name]: Number(url.searchParams.get(name)) } : {});
    beacons.add({
      id,
      phase,
      banner: url.searchParams.get('banner') === '1',
      at: Number(url.searchParams.get('at') ?? 0),
      ...count('frames'),
      ...count('painted'),
    });
  }
  res.writeHead(204, { 'Cache-Control': 'no-store' });
  res.end();
  return true;
}
