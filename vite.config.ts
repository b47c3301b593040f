import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { contentScriptMatches } from './src/core/classify/content-script-matches.ts';
import { FIREFOX_ADDON_ID } from './src/core/identity.ts';
import { privacyPage } from './scripts/privacy-page.ts';

/**
 * The oldest Firefox the build supports: 140 ESR. It reads `data_collection_permissions`, and
 * addons-linter warns when strict_min_version is older than the keys the manifest uses.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android reads `data_collection_permissions` from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

type Browser = 'chrome' | 'firefox';

/**
 * One source manifest (manifest.json, written for Chrome and Edge), adapted per browser:
 *
 * - Chrome/Edge: as written, with the content-script hosts filled in (the content script itself
 *   is declared by contentScriptAsOneFile). The fixed `key` keeps the
 *   extension id stable, and `storage.managed_schema` declares the enterprise policy.
 * - Firefox: the background runs as an event page (`background.scripts`; Firefox has no
 *   extension service workers), `browser_specific_settings.gecko` names the add-on and says it
 *   collects no data, and the Chrome-only keys go: `key` (Firefox ids come from `gecko.id`),
 *   `minimum_chrome_version`, and `storage.managed_schema` (Firefox reads policy from
 *   policies.json, see docs/admin.md).
 */
export function manifestFor(browser: Browser): ManifestV3Export {
  const matches = contentScriptMatches();
  const common = {
    ...baseManifest,
    // The sites the content script runs on; also what block mode may redirect (see core/policy/block-rules.ts).
    host_permissions: matches,
  };
  if (browser === 'chrome') return common as ManifestV3Export;

  const { key: _key, minimum_chrome_version: _minChrome, storage: _storage, background: _background, ...firefox } = common;
  return {
    ...firefox,
    background: { scripts: ['src/background/index.ts'], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  } as unknown as ManifestV3Export;
}

/**
 * Vendor Guard never renders HTML from data (page content, URLs and admin text are shown as
 * text; test/unit/i18n.test.ts checks the sources), so it has no use for preact's
 * `dangerouslySetInnerHTML`. Preact still ships the code path that assigns it to `innerHTML`,
 * the one unsafe assignment in the bundle (addons-linter: UNSAFE_VAR_ASSIGNMENT). This plugin
 * takes that assignment out of preact's build: using `dangerouslySetInnerHTML` now throws instead
 * of parsing HTML. The build fails if preact's code changes shape, so the plugin is updated rather
 * than silently doing nothing.
 */
export function preactWithoutInnerHtml(): Plugin {
  const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
  // Minified: `<dom>.innerHTML=<newHtml>.__html` (see preact/src/diff/index.js, diffElementNodes).
  const ASSIGNMENT = /([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html/g;
  const REFUSAL = '(()=>{throw new Error("Vendor Guard renders no HTML: dangerouslySetInnerHTML is not supported")})()';
  return {
    name: 'vendor-guard:preact-without-innerhtml',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_DIST.test(id.split('?')[0] ?? '')) return null;
      const found = code.match(ASSIGNMENT)?.length ?? 0;
      if (found !== 1) {
        this.error(
          `preact's innerHTML assignment not found as expected (${found} matches in ${id}): update preactWithoutInnerHtml in vite.config.ts`,
        );
      }
      return { code: code.replace(ASSIGNMENT, REFUSAL), map: null };
    },
  };
}

/** The content script's file in the build: one classic script, see contentScriptAsOneFile. */
export const CONTENT_SCRIPT_FILE = 'content.js';

/**
 * Builds the content script as one self-contained classic script and declares it in the written
 * manifest. crxjs would emit a loader that import()s its chunks, and a page can only load those
 * if `web_accessible_resources` exposes them to its site: any such site could then tell that
 * Vendor Guard is installed, and "check every shopping and download site"
 * (src/platform/scanning.ts), which registers the same file everywhere, would need them exposed
 * to every site. One file needs no web-accessible resources at all.
 */
export function contentScriptAsOneFile(browser: Browser): Plugin {
  return {
    name: 'vendor-guard:content-script-as-one-file',
    enforce: 'post',
    // crxjs writes manifest.json with the bundle; the content script is built and added after it.
    async writeBundle(options) {
      const outDir = options.dir ?? '';
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: browser === 'firefox' ? 'firefox140' : 'chrome120',
          lib: { entry: 'src/content/index.ts', formats: ['iife'], name: 'vendorGuardContent', fileName: () => CONTENT_SCRIPT_FILE },
          rollupOptions: { output: { extend: true } },
        },
      });
      const file = path.join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      // Vendor sites, known resellers, download portals and app stores; nothing else. From the
      // document's start (the warning can be there before the page paints), in every frame (a
      // store embedded in another site's page).
      manifest['content_scripts'] = [
        { matches: contentScriptMatches(), js: [CONTENT_SCRIPT_FILE], run_at: 'document_start', all_frames: true },
      ];
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

/**
 * The example URLs in src/data/ (each vendor's, each table row's) are there for the test that
 * walks them all (test/unit/classify/examples.test.ts) and for the next engineer; the extension
 * has no use for them. This drops every "examples" member from those JSON files as the build
 * reads them (vitest and the CLI read the files whole). test/e2e/build.test.ts checks the bundles.
 */
/** Keys that hold URLs only the tests read: examples by kind, and requests that must not count as installed software. */
const EXAMPLE_KEYS: ReadonlySet<string> = new Set(['examples', 'notExamples']);

export function dataWithoutExamples(): Plugin {
  const DATA_FILE = /[\\/]src[\\/]data[\\/].+\.json$/;
  return {
    name: 'vendor-guard:data-without-examples',
    enforce: 'pre',
    transform(code, id) {
      if (!DATA_FILE.test(id.split('?')[0] ?? '')) return null;
      const data: unknown = JSON.parse(code, (key, value: unknown) => (EXAMPLE_KEYS.has(key) ? undefined : value));
      return { code: JSON.stringify(data), map: null };
    },
  };
}

/**
 * `vite build` writes dist/chrome (Chrome and Edge); `vite build --mode firefox` writes
 * dist/firefox. `npm run build` runs both.
 */
export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      dataWithoutExamples(),
      preactWithoutInnerHtml(),
      preact(),
      crx({ manifest: manifestFor(browser), browser }),
      contentScriptAsOneFile(browser),
      privacyPage('docs/privacy.md'),
    ],
    build: {
      outDir: `dist/${browser}`,
      // The blocking page is reached by redirect, not from the manifest, so crxjs needs it named.
      rollupOptions: { input: { blocked: 'src/ui/blocked/index.html' } },
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox140' : 'chrome120',
    },
    server: { cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] } },
  };
});
