import { defineConfig } from 'vitest/config';

// Three projects, run by scripts/test-all.sh: fast unit tests, integration tests against real
// services (databases, child processes), and end-to-end tests of web mode in Chromium. The time
// limits only catch hangs: a test must never fail because the machine is slow or busy, and some
// unit tests start real driver processes, which on a loaded 2-core machine take seconds.
export default defineConfig({
  test: {
    // Most test time is spent waiting on child processes, databases and Chromium, not on the CPU,
    // so three files at a time on our 2-core machines more than halves the wall time.
    maxWorkers: 3,
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/support/fast-check-seed.ts'],
          // Unit test files share their workers' module cache: two and a half times faster, and
          // they hold no state between files (each opens its own temp folders and contexts).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/support/fast-check-seed.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: ['test/support/fast-check-seed.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
