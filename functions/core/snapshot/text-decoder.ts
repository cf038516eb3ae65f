import iconv from 'iconv-lite';

const BOM_SNIFF_BYTES = 3;
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

/** UTF-16 when a BOM says so (Excel's "Unicode text"), UTF-8 otherwise. */
function encodingOf(head: Buffer): 'utf16le' | 'utf16be' | 'utf8' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  return 'utf8';
}

interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * WHATWG's UTF-8 decoder: twice as fast as iconv-lite's (Node's StringDecoder), with the
 * same U+FFFD for each invalid sequence and the BOM dropped likewise. UTF-16 stays with iconv-lite.
 */
function chunkDecoder(head: Buffer): ChunkDecoder {
  const encoding = encodingOf(head);
  if (encoding !== 'utf8') {
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
      decoder = chunkDecoder(head);
      input = head;
    }
    for (let at = 0; at < input.length; at += PIECE_BYTES) {
      const text = watched(decoder.write(input.subarray(at, at + PIECE_BYTES)), watch);
      if (text !== '') yield text;
    }
  }
  if (decoder === undefined) {
    decoder = chunkDecoder(head);
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
