import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { z } from 'zod';
import { AdapterError } from '../adapter-error.ts';

/*
 * A province-wide escalation names every overdue unit it stands for; at national scale its
 * JSON nears SQS's 256 KiB. Unit codes compress about twentyfold with brotli (gzip manages
 * five), so a body over this size travels compressed in an envelope, and small ones stay
 * readable in the console. Quality 5 compresses 50,000 codes in ~35 ms; 11 takes 25× longer
 * for a worse result on such lists.
 */
const COMPRESS_FROM_BYTES = 64 * 1024;
const QUALITY = 5;

const Envelope = z.object({ br: z.string().min(1) });

export function encodeMessageBody(message: unknown): string {
  const json = JSON.stringify(message);
  if (Buffer.byteLength(json, 'utf8') < COMPRESS_FROM_BYTES) return json;
  return JSON.stringify({ br: brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY } }).toString('base64') });
}

/** The message a body carries, whether sent plain or compressed; what it is stays for the caller's schema to say. */
export function decodeMessageBody(body: string): unknown {
  const parsed = parseJson(body);
  const envelope = Envelope.safeParse(parsed);
  if (!envelope.success) return parsed;
  try {
    return parseJson(brotliDecompressSync(Buffer.from(envelope.data.br, 'base64')).toString('utf8'));
  } catch (error) {
    if (error instanceof AdapterError) throw error;
    throw new AdapterError('REJECTED', 'a compressed message body could not be decompressed');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AdapterError('REJECTED', 'a message body is not JSON');
  }
}
