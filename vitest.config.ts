import { defineConfig } from 'vitest/config';

/* `core` is the pure core and the CLI (run under several time zones); `aws` is the CDK app,
   the handlers and the adapters (mocked SDK clients and real local services). */
export default defineConfig({
  test: {
    projects: [
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
    ],
  },
});
