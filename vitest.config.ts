import { defineConfig } from 'vitest/config';

/* `core` is the pure core and the CLI, `dashboard` the page's pure modules (both run under several time zones); `aws` is the CDK app,
   the handlers and the adapters (mocked SDK clients and real local services); `browser` is
   the dashboard driven in chromium. */
export default defineConfig({
  test: {
    projects: [
      /* the page's pure modules (dashboard/test), run under the time zones like `core` */
      'dashboard/vitest.config.ts',
      {
        test: {
          name: 'core',
          include: ['test/core/**/*.test.ts', 'test/cli/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'aws',
          /* Handlers log JSON for CloudWatch; in tests only warnings and errors reach the console. */
          env: { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_SERVICE_NAME: 'dondoc-test', POWERTOOLS_METRICS_DISABLED: 'true' },
          include: ['test/infra/**/*.test.ts', 'test/handlers/**/*.test.ts', 'test/adapters/**/*.test.ts', 'test/local/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          /* The dashboard in Debian's chromium against the local stack: one build and one browser per run, one file at a time. */
          name: 'browser',
          env: { POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_SERVICE_NAME: 'dondoc-test', POWERTOOLS_METRICS_DISABLED: 'true' },
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
