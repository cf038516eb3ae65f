import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';

/**
 * Writes `bytes` to `path` whole or not at all: they go to a scratch file beside it, renamed
 * over it once written, so a failed write (a full disk) leaves what was there, not part of
 * a file. A device or a pipe (/dev/stdout) is written in place, as renaming over it would
 * replace it; a folder is refused by the write itself (EISDIR).
 */
export async function replaceFile(path: string, bytes: Uint8Array): Promise<void> {
  // Through a link to the file it names, so the link stays a link.
  const target = await realpath(path).catch(() => path);
  // What cannot be looked at is left for the write to report.
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    await writeFile(target, bytes);
    return;
  }
  const scratch = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(scratch, bytes);
    await rename(scratch, target);
  } catch (err) {
    await rm(scratch, { force: true });
    throw err;
  }
}
