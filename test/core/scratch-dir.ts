import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs `fn` with the system's temporary folder (os.tmpdir(), read from TMPDIR at each
 * call) pointed at a fresh empty folder, and gives `fn` a way to list what spill folders
 * it holds: other test files, in their own processes, never share it.
 */
export function withScratchTmp(fn: (spills: () => string[]) => void): void {
  const saved = process.env.TMPDIR;
  const dir = mkdtempSync(join(saved ?? '/tmp', 'dondoc-test-'));
  process.env.TMPDIR = dir;
  try {
    fn(() => readdirSync(dir).filter((name) => name.startsWith('dondoc-spill-')));
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}
