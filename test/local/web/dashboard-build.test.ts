import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardState } from '../../../functions/local/web/dashboard-build.ts';

describe('whether `npm start` must build the dashboard', () => {
  let dir: string;
  const touch = async (path: string, secondsAgo: number) => {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, 'x');
    const at = new Date(Date.now() - secondsAgo * 1000);
    await utimes(path, at, at);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dondoc-build-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has nothing to build without sources', async () => {
    expect(await dashboardState(dir)).toBe('absent');
  });

  it('builds when dist is missing', async () => {
    await touch(join(dir, 'src', 'main.tsx'), 60);
    expect(await dashboardState(dir)).toBe('stale');
  });

  it('builds when a source in a subfolder is newer than dist', async () => {
    await touch(join(dir, 'dist', 'index.html'), 60);
    await touch(join(dir, 'src', 'views', 'Overview.tsx'), 10);
    expect(await dashboardState(dir)).toBe('stale');
  });

  it('keeps a dist newer than every source', async () => {
    await touch(join(dir, 'src', 'main.tsx'), 60);
    await touch(join(dir, 'index.html'), 50);
    await touch(join(dir, 'dist', 'index.html'), 10);
    expect(await dashboardState(dir)).toBe('fresh');
  });
});
