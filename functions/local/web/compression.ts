import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/* Below this a compressed body plus its headers is no smaller than the plain one. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

/** The encoding to answer with: brotli when the browser takes it, else gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined, contentType: string, size: number): Encoding | undefined {
  if (size < MIN_BYTES || !COMPRESSIBLE.test(contentType)) return undefined;
  const accepted = new Set((acceptEncoding ?? '').split(',').map((part) => part.split(';')[0]?.trim()));
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/**
 * `effort` 'max' for files compressed once and kept (the dashboard's assets), 'fast' for
 * answers compressed on every request (API JSON): brotli 11 is ten times slower than 5.
 */
export function encode(body: Buffer, encoding: Encoding, effort: 'max' | 'fast'): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: effort === 'max' ? 9 : 6 });
  return brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: effort === 'max' ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}
