/**
 * A script for the page's own world that watches, frame by frame, whether the extension's banner
 * is on screen and usable: the fight pages load it from the fixture server (`PAINT_PROBE_PATH`),
 * the benchmark adds it to any page through the DevTools protocol, and in Firefox its figures
 * reach the test through the beacon (beacon.ts).
 *
 * In each animation frame, after the page's own tasks and the extension's repairs and before the
 * browser renders the frame, the banner counts as painted when its host element (an element the
 * page did not make, under <html> or inside a dialog: its name is fresh on every page) is in the
 * top layer, at least 30 px tall and 90% of the viewport wide, and a hit test at three points
 * across its top finds the host itself (nothing covers it, nothing hides it, it is not inert).
 * The host is looked for under <html>, in dialogs and in the fullscreen element; the page marks
 * elements of its own there with `data-page` (scripts and style sheets are the page's too).
 *
 * A page opened with `?probe=0` runs without it. `window.__vgPaint` holds: `frames` and `painted` (counted while `counting`), `firstPaintedAt`
 * (the first painted frame's time, from navigation start) and `fcp` (first contentful paint).
 */

export const PAINT_PROBE_PATH = '/__vg-paint-probe.js';

export interface PaintProbe {
  frames: number;
  painted: number;
  counting: boolean;
  firstPaintedAt: number | null;
  fcp: number | null;
}

/** Plain ES2017, for Chromium and Firefox alike; safe to run twice. */
export const PAINT_PROBE_SOURCE = `(function () {
  if (window.__vgPaint || new URLSearchParams(location.search).get('probe') === '0') return;
  var probe = window.__vgPaint = { frames: 0, painted: 0, counting: true, firstPaintedAt: null, fcp: null };
  var own = function (el) { return el === document.head || el === document.body || el.hasAttribute('data-page') || el.localName === 'script' || el.localName === 'style'; };
  function host() {
    var top = document.documentElement ? document.documentElement.children : [];
    for (var i = 0; i < top.length; i++) if (!own(top[i])) return top[i];
    var parents = Array.prototype.slice.call(document.getElementsByTagName('dialog'));
    if (document.fullscreenElement) parents.push(document.fullscreenElement);
    for (var d = 0; d < parents.length; d++) {
      for (var j = 0; j < parents[d].children.length; j++) if (!own(parents[d].children[j])) return parents[d].children[j];
    }
    return null;
  }
  function painted() {
    var el = host();
    if (!el || !el.matches(':popover-open')) return false;
    var r = el.getBoundingClientRect();
    if (r.height < 30 || r.width < innerWidth * 0.9) return false;
    var y = r.top + 12;
    var xs = [r.left + 8, r.left + r.width / 2, r.right - 8];
    for (var i = 0; i < xs.length; i++) if (document.elementFromPoint(xs[i], y) !== el) return false;
    return true;
  }
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) { if (entry.name === 'first-contentful-paint') probe.fcp = entry.startTime; });
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { /* no paint timing */ }
  function frame(time) {
    var ok = painted();
    if (ok && probe.firstPaintedAt === null) probe.firstPaintedAt = time;
    if (probe.counting) { probe.frames++; if (ok) probe.painted++; }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();`;
