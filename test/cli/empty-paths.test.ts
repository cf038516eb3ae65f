import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main.ts';

/* An empty path option (an unset shell variable: --dispatches "$DIR") is wrong usage (2), never the working folder nor a folder named ''. */

const FIXTURES = fileURLToPath(new URL('../fixtures/snapshots/', import.meta.url));
const UNITS = join(FIXTURES, 'units-sample.ndjson');

describe('an empty path option', () => {
  it.each([
    [['dispatches', '--dispatches', '']],
    [['check', UNITS, '--dispatches', '']],
    [['report', 'identity', UNITS, '--dispatches', '']],
    [['notify', '--dry-run', UNITS, '--dispatches', '']],
    [['schedule', '--data-dir', '']],
  ])('is wrong usage (2): %j', async (args) => {
    const run = await runMain(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--(dispatches|data-dir): đường dẫn trống \/ the path is empty/);
    expect(run.stdout).toBe('');
  });
});
