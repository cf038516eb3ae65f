import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/dondoc.mjs', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-pipe-'));
  const rows = Array.from({ length: 20_000 }, (_, i) => `T1,HS${i},unverified`);
  await writeFile(join(dir, 'students.csv'), ['unit_code,student_code,id_verification', ...rows].join('\n'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('stops quietly when its reader closes the pipe early, as `| head` does', async () => {
  const child = spawn(process.execPath, [BIN, 'check', '--json', join(dir, 'students.csv'), '--as-of', '2023-06-23T11:30:00+07:00'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
