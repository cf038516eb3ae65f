import { join } from 'node:path';
import type { Catalog } from '../core/catalog/schema.ts';
import { catalogLoader } from './catalog-cache.ts';
import { terminalProgress, type Progress } from './progress.ts';

/** The folder of the CLI bundle running this code, defined by the bundler (bin/cli-bundle.mjs); not defined when the sources run as they are. */
declare const DONDOC_BUNDLE_DIR: string | undefined;

/** Parsed catalogs are kept only by a bundle, in its own folder: sources run through tsx may change under a cache. */
const CATALOG_CACHE = typeof DONDOC_BUNDLE_DIR === 'string' ? join(DONDOC_BUNDLE_DIR, 'catalogs') : undefined;

/** What a command may touch: its output streams, the clock and the catalog. Tests pass their own. */
export interface CliContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now: () => number;
  progress: Progress;
  loadCatalog: (dir?: string) => Promise<Catalog>;
}

export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    now: Date.now,
    progress: terminalProgress(process.stderr),
    // Loaded when a command asks: the YAML parser and the catalog's schemas take about 70 ms, which `report identity` and `validate` need not pay.
    loadCatalog: catalogLoader(CATALOG_CACHE),
  };
}
