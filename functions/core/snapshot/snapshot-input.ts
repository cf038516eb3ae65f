import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export interface SnapshotInput {
  /** file name or S3 key: names the format and often the entity */
  name: string;
  /** a fresh stream of the raw bytes (maybe gzip'd) at each call */
  open: () => NodeJS.ReadableStream | Readable;
}

/**
 * Each chunk costs a trip through the stream and its readers' generators, which at 64 KiB
 * came to a tenth of reading a province's file; the decoder still hands text on in 64 KiB
 * pieces, so rows die young. At 1 MiB, peak memory rose by 60 MB: the read buffers are
 * memory outside V8's heap, which it lets pile up before collecting.
 */
const FILE_CHUNK_BYTES = 256 * 1024;

export function fileInput(path: string): SnapshotInput {
  return { name: path, open: () => createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }) };
}

export function bufferInput(name: string, bytes: Buffer | string): SnapshotInput {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return { name, open: () => Readable.from([buffer], { objectMode: false }) };
}
