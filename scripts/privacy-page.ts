/**
 * The privacy policy inside the extension: docs/privacy.md rendered to privacy.html at build
 * time (marked, a devDependency: nothing of it ships but the HTML), so the options page links to
 * the policy of exactly this version, offline, with no address outside the extension.
 */
import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import type { Plugin } from 'vite';

/** Where the page is in the build (the options page links to `/${PRIVACY_PAGE}`). */
export const PRIVACY_PAGE = 'privacy.html';

const STYLE = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid color-mix(in srgb, currentColor 30%, transparent); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
code { font-size: 0.9em; }`;

/** The HTML page of the Markdown policy at `source` (our own text: its HTML is trusted). */
export function privacyPageHtml(source: string): string {
  const markdown = readFileSync(source, 'utf8');
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? 'Privacy policy';
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n<style>${STYLE}\n</style>\n</head>\n<body>\n<main>\n${body}</main>\n</body>\n</html>\n`;
}

export function privacyPage(source: string): Plugin {
  return {
    name: 'vendor-guard:privacy-page',
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: PRIVACY_PAGE, source: privacyPageHtml(source) });
    },
  };
}
