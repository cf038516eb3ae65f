import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('LocalQueue.stop()', () => {
  it('leaves nothing holding the process: it exits although a retry was a minute away', async () => {
    const script = fileURLToPath(new URL('./fixtures/stop-with-retry-pending.ts', import.meta.url));

    /* A leaked timer would keep the child alive for a minute: execFile's timeout kills it and the test fails. */
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { timeout: 20_000 });

    expect(JSON.parse(stdout)).toEqual({ delivered: true, stats: { sent: 1, deleted: 0, retried: 1, deadLettered: 0, consumerErrors: 0, depth: 1 } });
  });
});
