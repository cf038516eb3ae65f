import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs `fn` with the system's temporary folder (os.tmpdir(), read from TMPDIR at each
 * call) pointed at a fresh empty folder, and gives `fn` a way to list what scratch files and
 * folders it holds: other test files, in their own processes, never share it.
 */
export async function withScratchTmp<T>(fn: (entries: () => string[]) => T | Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  const dir = mkdtempSync(join(saved ?? '/tmp', 'dondoc-test-'));
  process.env.TMPDIR = dir;
  try {
    return await fn(() => readdirSync(dir));
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}
