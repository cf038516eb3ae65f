import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export interface SnapshotInput {
  /** file name or S3 key: names the format and often the entity */
  name: string;
  /** a fresh stream of the raw bytes (maybe gzip'd) at each call */
  open: () => NodeJS.ReadableStream | Readable;
}

/**
 * A chunk's rows are alive together until the last is validated. At 64 KiB they die young,
 * in the scavenger; at 256 KiB enough of them outlived a scavenge to be promoted, and the
 * old generation, hence peak memory, grew with the file.
 */
const FILE_CHUNK_BYTES = 64 * 1024;

export function fileInput(path: string): SnapshotInput {
  return { name: path, open: () => createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }) };
}

export function bufferInput(name: string, bytes: Buffer | string): SnapshotInput {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return { name, open: () => Readable.from([buffer], { objectMode: false }) };
}
