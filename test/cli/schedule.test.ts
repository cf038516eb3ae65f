import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusingEndpoint } from './refusing-endpoint.ts';
import { runMain } from './run-main.ts';

/* `dondoc schedule` talks to the stack a `dondoc start` left word of: word that is garbled or stale is a LOCAL_SERVICE failure (1), not a crash. */

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dondoc-schedule-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function stackFolder(name: string, stackJson: string): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir);
  await writeFile(join(dir, 'stack.json'), stackJson);
  return dir;
}

describe('dondoc schedule', () => {
  it.each([
    ['cut-short', '{"pid": 12'],
    ['not-a-stack', '{"pid": 12}'],
  ])('is a LOCAL_SERVICE failure (1) when stack.json is %s, naming it', async (name, text) => {
    const dir = await stackFolder(name, text);
    const run = await runMain(['schedule', '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[LOCAL_SERVICE] ${join(dir, 'stack.json')} không phải tệp do "npm start" ghi / is not what "npm start" writes`);
  });

  it('is a LOCAL_SERVICE failure (1) when the stack it tells of no longer answers', async () => {
    const gone = await refusingEndpoint();
    const dir = await stackFolder('stopped', JSON.stringify({ pid: 1, dashboard: gone, mailbox: gone, s3: gone, bucket: 'dondoc-local', dataDir: 'x' }));
    const run = await runMain(['schedule', '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[LOCAL_SERVICE] Hệ thống cục bộ tại ${gone} không trả lời / the local stack at ${gone} does not answer (ECONNREFUSED)`);
  });
});
