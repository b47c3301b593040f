import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { contentScriptMatches } from './src/core/classify/content-script-matches.ts';

/**
 * One config for every browser: `vite build` writes dist/chrome (Chrome and Edge);
 * `--mode firefox` is reserved for the Firefox build (dist/firefox).
 */
export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const manifest = {
    ...baseManifest,
    // The sites the content script runs on; also what block mode may redirect (see core/policy/block-rules.ts).
    host_permissions: contentScriptMatches(),
    content_scripts: [
      {
        // Vendor sites, known resellers, download portals and app stores; nothing else.
        matches: contentScriptMatches(),
        js: ['src/content/index.ts'],
        run_at: 'document_idle',
      },
    ],
  } as ManifestV3Export;
  return {
    plugins: [preact(), crx({ manifest, browser })],
    build: {
      outDir: `dist/${browser}`,
      // The blocking page is reached by redirect, not from the manifest, so crxjs needs it named.
      rollupOptions: { input: { blocked: 'src/ui/blocked/index.html' } },
      emptyOutDir: true,
      target: 'chrome120',
    },
    server: { cors: { origin: [/chrome-extension:\/\//] } },
  };
});
