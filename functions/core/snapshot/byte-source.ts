import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export interface ByteSource {
  stream: Readable;
  /** stops reading and releases the file */
  close(): void;
}

function asReadable(stream: NodeJS.ReadableStream | Readable): Readable {
  return stream instanceof Readable ? stream : new Readable().wrap(stream);
}

const asBuffer = (chunk: unknown): Buffer => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));

async function* replay(head: readonly Buffer[], rest: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  yield* head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield asBuffer(next.value);
  }
}

/**
 * The file's bytes, un-gzipped when they start with gzip's magic number (a `.gz` name is
 * a hint; the bytes are the truth, since S3 may hand back either).
 */
export async function openBytes(raw: NodeJS.ReadableStream | Readable): Promise<ByteSource> {
  const source = asReadable(raw);
  const close = (): void => {
    source.destroy();
  };
  const chunks = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < GZIP_MAGIC.length) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = asBuffer(next.value);
    head.push(chunk);
    size += chunk.length;
  }
  const start = Buffer.concat(head);
  const bytes = Readable.from(replay(head, chunks), { objectMode: false });
  if (start[0] !== GZIP_MAGIC[0] || start[1] !== GZIP_MAGIC[1]) return { stream: bytes, close };
  const gunzip = createGunzip();
  pipeline(bytes, gunzip, () => {
    // A failure reaches the reader as an error on `gunzip`, which pipeline destroys with it.
  });
  return { stream: gunzip, close };
}
