import type { Catalog } from '../core/catalog/schema.ts';
import { terminalProgress, type Progress } from './progress.ts';

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
    loadCatalog: async (dir) => (await import('../core/catalog/load.ts')).loadCatalog(dir),
  };
}
