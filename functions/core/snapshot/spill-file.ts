import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DondocError } from '../errors.ts';

/**
 * An append-only scratch file in the system's temporary folder (Lambda's /tmp), made on
 * the first append and removed on close: where a memory budget puts what it cannot hold.
 * Synchronous, as its callers answer row by row; what it holds are hashes and record codes,
 * never a name or a national ID number.
 */
export class SpillFile {
  private dir: string | undefined;
  private fd: number | undefined;
  private length = 0;
  private closed = false;

  /** bytes written so far */
  get size(): number {
    return this.length;
  }

  /** Appends the bytes and returns where they start. */
  append(bytes: Uint8Array): number {
    const fd = this.open();
    const offset = this.length;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, offset + written);
    this.length += bytes.length;
    return offset;
  }

  /** The `length` bytes written at `offset`, in a buffer of their own (so at offset 0 of it, aligned for any typed array). */
  read(offset: number, length: number): Uint8Array {
    if (this.fd === undefined || offset + length > this.length) {
      throw new DondocError('INVALID_ARGUMENT', `SpillFile: ${length} bytes at ${offset} were never written (size ${this.length})`);
    }
    const out = new Uint8Array(length);
    let read = 0;
    while (read < length) {
      const got = readSync(this.fd, out, read, length - read, offset + read);
      if (got === 0) throw new DondocError('INVALID_ARGUMENT', `SpillFile: the file ended at ${offset + read} of ${offset + length}`);
      read += got;
    }
    return out;
  }

  /** Removes the file; nothing may be appended after. Safe to call twice. */
  close(): void {
    this.closed = true;
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
  }

  private open(): number {
    if (this.closed) throw new DondocError('INVALID_ARGUMENT', 'SpillFile đã đóng / was closed');
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'dondoc-spill-'));
      this.fd = openSync(join(this.dir, 'spill'), 'w+');
    }
    return this.fd;
  }
}
