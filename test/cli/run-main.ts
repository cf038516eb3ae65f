import { PassThrough } from 'node:stream';
import { main } from '../../functions/cli/main.ts';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import type { CliRun } from './run-cli.ts';

/**
 * Runs the CLI in this process, its output kept and its clock at `now`: a fraction of the
 * real executable's cost, for the many cases of one rule.
 */
export async function runMain(args: readonly string[], now = Date.parse('2023-06-01T01:00:00Z')): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as string[], err: [] as string[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c.toString()));
  stderr.on('data', (c: Buffer) => chunks.err.push(c.toString()));
  const code = await main(['node', 'dondoc', ...args], {
    stdout,
    stderr,
    now: () => now,
    progress: { update: () => undefined, done: () => undefined },
    loadCatalog,
  });
  return { code, stdout: chunks.out.join(''), stderr: chunks.err.join('') };
}
