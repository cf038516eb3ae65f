import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { systemFailure } from '../../functions/cli/system-error.ts';

/* A failure the system reports, where no command expected one, is told by its code and syscall: main.ts then says it in a line (exit 1). */

async function failureOf(read: Promise<unknown>): Promise<unknown> {
  try {
    await read;
  } catch (err) {
    return err;
  }
  throw new Error('the read succeeded');
}

describe('systemFailure', () => {
  it("reads the system's code, its meaning and the path from a failed file operation", async () => {
    const path = join(tmpdir(), 'dondoc-khong-co', 'b.yaml');
    expect(systemFailure(await failureOf(readFile(path)))).toEqual({ code: 'ENOENT', reason: 'no such file or directory', path });
    expect(systemFailure(await failureOf(readFile(tmpdir())))).toMatchObject({ code: 'EISDIR', reason: 'illegal operation on a directory' });
  });

  it('is undefined for an error the system did not report, whatever its message says', () => {
    expect(systemFailure(new Error('EACCES: permission denied, open x'))).toBeUndefined();
    expect(systemFailure(Object.assign(new Error('x'), { code: 'EACCES' }))).toBeUndefined();
    expect(systemFailure('EACCES')).toBeUndefined();
  });
});
