// @ts-check
/*
 * Lint for the whole tree (`npm run lint`, part of `npm test`): typescript-eslint's recommended
 * rules, and the layer boundaries docs/architecture.md describes, as import rules:
 *
 *   core/      pure: imports nothing from platform/, ui/, content/, background/ nor a browser global
 *   platform/  the only importer of webextension-polyfill
 *   content/   does not import ui/ (what both need lives in core/)
 *   background/ handlers get their ports as arguments: only index.ts imports platform/ code
 *   ui/        renders what the background decided: it does not classify or decide
 *   cli/       core only
 *   src/, scripts/, bench/, harness/: nothing from test/
 *
 * Formatting is Prettier's (`npm run format`), so no stylistic rules here.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Browser and extension globals that pure code must not touch (ES globals such as URL and Intl stay allowed). */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'chrome',
  'browser',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'self',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'MutationObserver',
  'customElements',
  'performance',
].map((name) => ({ name, message: 'core/ is pure: take what you need as an argument, or move the code to platform/.' }));

const testImports = {
  group: ['**/test/**', '../test/*', '../../test/*'],
  message: 'Only tests import from test/: shared helpers live in harness/.',
};
const polyfill = { name: 'webextension-polyfill', message: 'Browser APIs are called from src/platform/ only.' };
const layer = (name, why) => ({ group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`], message: why });

/** no-restricted-imports for one part of the tree: the shared restrictions plus its own. */
const imports = (patterns, paths = [polyfill]) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [testImports, ...patterns] }],
});

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.tmp/**', 'docs/screenshots/**', 'test/fixtures/**/*.html'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // TypeScript checks undefined names itself, with the DOM and Node types each file may use.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only (DESIGN.md).' }],
    },
  },
  { files: ['**/*.ts', '**/*.tsx'], rules: imports([]) },
  {
    files: ['src/core/**'],
    rules: {
      ...imports([
        layer('platform', 'core/ is pure: it never imports platform/.'),
        layer('ui', 'core/ is pure: it never imports ui/.'),
        layer('content', 'core/ is pure: it never imports content/.'),
        layer('background', 'core/ is pure: it never imports background/.'),
        { group: ['preact', 'preact/*'], message: 'core/ renders nothing.' },
      ]),
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  { files: ['src/platform/**'], rules: imports([], []) },
  {
    files: ['src/content/**'],
    rules: imports([
      layer('ui', 'content/ does not import ui/: what both need lives in core/ (the content script stays small and page-safe).'),
    ]),
  },
  {
    files: ['src/background/**'],
    ignores: ['src/background/index.ts'],
    rules: imports([
      {
        ...layer('platform', 'Handlers get their ports as arguments: only background/index.ts wires platform/ (types are fine).'),
        allowTypeImports: true,
      },
    ]),
  },
  {
    files: ['src/ui/**'],
    rules: imports([
      {
        group: [
          '**/core/policy/decide*',
          '**/core/policy/compile*',
          '**/core/classify/url*',
          '**/core/classify/page*',
          '**/core/classify/tiles*',
        ],
        message: 'The UI renders what the background decided; it does not classify or decide (types are fine).',
        allowTypeImports: true,
      },
    ]),
  },
  {
    files: ['src/cli/**'],
    rules: imports([
      layer('platform', 'The CLI runs in Node on core/ alone.'),
      layer('ui', 'The CLI runs in Node on core/ alone.'),
      layer('content', 'The CLI runs in Node on core/ alone.'),
      layer('background', 'The CLI runs in Node on core/ alone.'),
    ]),
  },
  {
    // Tests may stub the browser API themselves.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Config files and module declarations (vite's `?inline` imports) have a default export by definition.
    files: ['eslint.config.js', 'vite.config.ts', 'vitest.config.ts', '**/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
