import { isUtf8 } from 'node:buffer';

/** Enough for a UTF-8 BOM, and for the first two characters of UTF-16 written without one. */
const BOM_SNIFF_BYTES = 4;
/**
 * Text is handed on at most this many bytes at a time, however large the reads: a piece's
 * rows are alive together until the last is validated, and at 64 KiB they die young, in
 * the scavenger; at 256 KiB enough outlived a scavenge to be promoted and peak memory grew
 * with the file.
 */
const PIECE_BYTES = 64 * 1024;
const REPLACEMENT_CHARACTER = '\uFFFD';

/** Set once any decoded text holds U+FFFD, so readers need not search every cell for one before that. */
export interface ReplacementWatch {
  seen: boolean;
}

/**
 * UTF-16 when a BOM says so (Excel's "Unicode text"), or when the first two characters are
 * ASCII written in two bytes, one of them zero, as some exporters write UTF-16 without a
 * BOM: a header's text never holds a zero byte in UTF-8. UTF-8 otherwise.
 */
function encodingOf(head: Buffer): 'utf16le' | 'utf16be' | 'utf8' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  if (head.length >= BOM_SNIFF_BYTES) {
    const [a, b, c, d] = head;
    if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf16le';
    if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf16be';
  }
  return 'utf8';
}

interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * WHATWG's UTF-8 decoder: twice as fast as iconv-lite's (Node's StringDecoder), with the
 * same U+FFFD for each invalid sequence and the BOM dropped likewise. UTF-16 stays with
 * iconv-lite, loaded only for such a file: loading it cost every other file about 20 ms.
 */
async function chunkDecoder(head: Buffer): Promise<ChunkDecoder> {
  const encoding = encodingOf(head);
  if (encoding !== 'utf8') {
    const { default: iconv } = await import('iconv-lite');
    const decoder = iconv.getDecoder(encoding);
    return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
  }
  const decoder = new TextDecoder('utf-8');
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

/**
 * Bytes to text by pieces, the BOM dropped. Invalid UTF-8 becomes U+FFFD, which the row
 * validator reports as an encoding problem where it lands; `watch` says whether any did.
 */
export async function* decodeText(bytes: AsyncIterable<Buffer>, watch: ReplacementWatch = { seen: false }): AsyncGenerator<string> {
  let decoder: ChunkDecoder | undefined;
  let head = Buffer.alloc(0);
  for await (const chunk of bytes) {
    let input = chunk;
    if (decoder === undefined) {
      head = Buffer.concat([head, chunk]);
      if (head.length < BOM_SNIFF_BYTES) continue;
      decoder = await chunkDecoder(head);
      input = head;
    }
    for (let at = 0; at < input.length; at += PIECE_BYTES) {
      const text = watched(decoder.write(input.subarray(at, at + PIECE_BYTES)), watch);
      if (text !== '') yield text;
    }
  }
  if (decoder === undefined) {
    decoder = await chunkDecoder(head);
    const text = watched(decoder.write(head), watch);
    if (text !== '') yield text;
  }
  const tail = watched(decoder.end(), watch);
  if (tail) yield tail;
}

function watched(text: string, watch: ReplacementWatch): string {
  if (!watch.seen && text.includes(REPLACEMENT_CHARACTER)) watch.seen = true;
  return text;
}

/** A piece of a CSV file's text; `binary`: UTF-8 bytes one to a character (binary-text.ts). */
export interface TextPiece {
  text: string;
  binary: boolean;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT_CHARACTER, 'utf8');

/**
 * A CSV file's text by pieces: UTF-16 decoded, UTF-8 as binary text, the BOM dropped
 * either way. Binary pieces are checked as they pass: `watch` turns true at the first
 * invalid sequence or U+FFFD written in the file, exactly where decoding would have put one,
 * so rows read after it go the general way, which decodes them and reports it.
 */
export async function* csvText(bytes: AsyncIterable<Buffer>, watch: ReplacementWatch): AsyncGenerator<TextPiece> {
  const chunks = bytes[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < BOM_SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  const all = withHead(head, chunks);
  if (encodingOf(head) !== 'utf8') {
    for await (const text of decodeText(all, watch)) yield { text, binary: false };
    return;
  }
  const check = new Utf8Check(watch);
  let first = true;
  for await (const chunk of all) {
    const input = first && chunk.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? chunk.subarray(UTF8_BOM.length) : chunk;
    first = false;
    for (let at = 0; at < input.length; at += PIECE_BYTES) {
      const piece = input.subarray(at, at + PIECE_BYTES);
      check.piece(piece);
      yield { text: piece.toString('latin1'), binary: true };
    }
  }
  check.end();
}

async function* withHead(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

const CONTINUATION_MASK = 0xc0;
const CONTINUATION = 0x80;
const LONGEST_SEQUENCE = 4;

/** The bytes a UTF-8 sequence opened by `lead` takes. */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

/** Where the piece's last complete character ends: before a sequence the piece cuts short. */
function completeEnd(piece: Buffer): number {
  for (let k = 1; k < LONGEST_SEQUENCE && k <= piece.length; k++) {
    const b = piece[piece.length - k] as number;
    if ((b & CONTINUATION_MASK) === CONTINUATION) continue;
    return b >= CONTINUATION_MASK && sequenceLength(b) > k ? piece.length - k : piece.length;
  }
  return piece.length;
}

/** Validates UTF-8 piece by piece, a character cut between two pieces checked whole. */
class Utf8Check {
  /** the start of a character the last piece cut */
  private pending = Buffer.alloc(0);

  constructor(private readonly watch: ReplacementWatch) {}

  piece(piece: Buffer): void {
    if (this.watch.seen) return;
    let from = 0;
    if (this.pending.length > 0) {
      from = Math.min(sequenceLength(this.pending[0] as number) - this.pending.length, piece.length);
      const joined = Buffer.concat([this.pending, piece.subarray(0, from)]);
      if (from === piece.length && joined.length < sequenceLength(joined[0] as number)) {
        this.pending = joined;
        return;
      }
      this.pending = Buffer.alloc(0);
      if (!isUtf8(joined) || joined.equals(REPLACEMENT_BYTES)) {
        this.watch.seen = true;
        return;
      }
    }
    const rest = piece.subarray(from);
    const end = completeEnd(rest);
    const whole = rest.subarray(0, end);
    if (!isUtf8(whole) || whole.includes(REPLACEMENT_BYTES)) this.watch.seen = true;
    // Copied: the reader may reuse the chunk's memory.
    this.pending = Buffer.from(rest.subarray(end));
  }

  /** A file that ends inside a character decodes to U+FFFD there. */
  end(): void {
    if (this.pending.length > 0) this.watch.seen = true;
  }
}
