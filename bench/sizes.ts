/**
 * Built size of each part of the extension, read from dist/chrome as Chromium loads it: the
 * content script (the loader the manifest lists and every chunk it imports), the service worker
 * (its loader and imports), and the popup and options pages (their HTML, scripts, style sheets
 * and everything those import). Bytes as built and gzip-compressed (level 9).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PartSize {
  part: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
  /** Gzip budget in bytes, when the issue sets one. */
  budgetGzipBytes: number | null;
}

const IMPORTS = [
  /\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g, // import x from "./a.js", import "./a.js"
  /\bimport\(\s*["']([^"']+)["']\s*\)/g, // import("./a.js")
  /\bexport\s*[\w*{}\s,$]*from\s*["']([^"']+)["']/g, // export { x } from "./a.js"
  /getURL\(\s*["']([^"']+)["']\s*\)/g, // chrome.runtime.getURL("assets/a.js") in crxjs loaders
];
const HTML_ASSETS = /<(?:script[^>]*\ssrc|link[^>]*\shref)=["']([^"']+)["']/g;

/** Every file a JS, CSS or HTML file pulls in, transitively, as paths relative to `dist`. */
function closure(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(path.join(dist, file))) continue;
    seen.add(file);
    const text = readFileSync(path.join(dist, file), 'utf8');
    const patterns = file.endsWith('.html') ? [HTML_ASSETS] : file.endsWith('.js') ? IMPORTS : [];
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const ref = match[1]!;
        if (/^(?:[a-z]+:)?\/\//i.test(ref) || ref.startsWith('data:')) continue;
        // "/assets/x.js" and "assets/x.js" are from the root; "./x.js" and "../x.js" from the file.
        const resolved = ref.startsWith('/') ? ref.slice(1) : ref.startsWith('.') ? path.posix.join(path.posix.dirname(file), ref) : ref;
        queue.push(path.posix.normalize(resolved));
      }
    }
  }
  return [...seen];
}

function measure(dist: string, part: string, entries: string[], budgetGzipBytes: number | null): PartSize {
  const files = closure(dist, entries);
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(dist, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { part, files, bytes, gzipBytes, budgetGzipBytes };
}

interface Manifest {
  content_scripts?: { js?: string[] }[];
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

export function measureSizes(dist: string): PartSize[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as Manifest;
  const contentScripts = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  const parts: PartSize[] = [measure(dist, 'content script', contentScripts, 15 * 1024)];
  if (manifest.background?.service_worker) parts.push(measure(dist, 'service worker', [manifest.background.service_worker], null));
  if (manifest.action?.default_popup) parts.push(measure(dist, 'popup', [manifest.action.default_popup], 40 * 1024));
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) parts.push(measure(dist, 'options page', [options], null));
  return parts;
}
