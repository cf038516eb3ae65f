import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { probeLevel } from '../../functions/local/services/level-probe.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-probe-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('opens and closes a free folder, leaving it to be opened again', async () => {
  const path = join(dir, 'db');
  expect(await probeLevel(path)).toBeUndefined();
  const db = new Level(path);
  await db.open();
  await db.close();
});

it('says a folder another process holds is locked', async () => {
  const path = join(dir, 'db');
  const holder = new Level(path);
  await holder.open();
  try {
    expect(await probeLevel(path)).toMatchObject({ reason: 'locked', code: 'LEVEL_LOCKED' });
  } finally {
    await holder.close();
  }
});

it('says a file where the database should be is unreadable, with the file system’s code', async () => {
  const path = join(dir, 'db');
  await writeFile(path, 'not a database');
  expect(await probeLevel(path)).toMatchObject({ reason: 'unreadable', code: 'EEXIST' });
});
