import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          // Every core (Vitest leaves one free by default: half of this 2-core machine). The e2e
          // files, one at a time, start once these are done.
          maxWorkers: '100%',
        },
      },
      {
        // Checks of the built extension and the store packages that start no browser: beside the
        // unit tests, on every core.
        test: {
          name: 'packages',
          include: ['test/packages/**/*.test.ts'],
          environment: 'node',
          maxWorkers: '100%',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One real browser at a time on a 2-core machine, after the unit and package tests.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // The files share one module graph (playwright-core and the harness load once, not per
          // file: about a second each); each file still launches and closes its own browser and server.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
