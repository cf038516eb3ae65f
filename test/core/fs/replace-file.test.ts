import { lstat, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replaceFile } from '../../../functions/core/fs/replace-file.ts';

/* A disk that fills up halfway through the writes into `full`: what is written there is cut short, then ENOSPC. */
const disk = vi.hoisted(() => ({ full: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    writeFile: async (...args: Parameters<typeof fs.writeFile>) => {
      const [path, data] = args;
      if (disk.full === undefined || !String(path).startsWith(disk.full) || !(data instanceof Uint8Array)) return fs.writeFile(...args);
      await fs.writeFile(path, data.subarray(0, data.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    },
  };
});

describe('replaceFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dondoc-replace-'));
  });
  afterEach(async () => {
    disk.full = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces a file with the new bytes and leaves nothing else beside it', async () => {
    const file = join(dir, 'phu-luc.xlsx');
    await writeFile(file, 'old');
    await replaceFile(file, Buffer.from('new'));
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['phu-luc.xlsx']);
  });

  it('leaves the file as it was, and no part of the new one, when the disk fills up', async () => {
    const file = join(dir, 'phu-luc.xlsx');
    await writeFile(file, 'old');
    disk.full = dir;
    await expect(replaceFile(file, Buffer.from('the new workbook'))).rejects.toMatchObject({ code: 'ENOSPC' });
    disk.full = undefined;
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['phu-luc.xlsx']);
  });

  it('writes no part of a file that was not there when the disk fills up', async () => {
    disk.full = dir;
    await expect(replaceFile(join(dir, 'phu-luc.xlsx'), Buffer.from('the new workbook'))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes through a link into the file it names, and the link stays a link', async () => {
    const file = join(dir, 'real.xlsx');
    const link = join(dir, 'link.xlsx');
    await writeFile(file, 'old');
    await symlink(file, link);
    await replaceFile(link, Buffer.from('new'));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(file);
    expect(await readFile(file, 'utf8')).toBe('new');
  });
});
