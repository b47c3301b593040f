/**
 * Where the harness finds the project's files. It reads test inputs (the pages the fixture server
 * serves) from test/fixtures/ by path, and imports nothing from test/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The unpacked Chrome build that `vite build` writes. `VENDOR_GUARD_DIST` points the harness at
 * another build (`vite build --outDir dist/chrome-mine`), so two people can build and test at once.
 */
export const DIST = path.resolve(ROOT, process.env['VENDOR_GUARD_DIST'] ?? 'dist/chrome');

/** The HTML pages the fixture server serves. */
export const FIXTURE_PAGES_DIR = path.join(ROOT, 'test/fixtures/pages');
