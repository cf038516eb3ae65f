import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/* The page's pure modules (formatting, grouping, checks, the API client and sign-in helpers) in Node; the page itself is tested in chromium (test/browser). */
export default defineConfig({
  test: {
    name: 'dashboard',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/**/*.test.ts'],
  },
});
