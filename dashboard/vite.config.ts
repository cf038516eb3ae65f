import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/* Run from the repository root (`npm run build:dashboard`); everything is relative to this folder. */
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Small enough to inline nothing but icons; the app has none, so every asset is a file the CDN caches.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  // `vite dev` serves the pure modules the page imports from functions/ (fold-text, upload-grant) too.
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
