import iconv from 'iconv-lite';

const BOM_SNIFF_BYTES = 3;

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
 * Bytes to text by chunks, the BOM dropped. Invalid UTF-8 becomes U+FFFD, which the row
 * validator reports as an encoding problem where it lands.
 */
export async function* decodeText(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
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
    const text = decoder.write(input);
    if (text !== '') yield text;
  }
  if (decoder === undefined) {
    decoder = chunkDecoder(head);
    const text = decoder.write(head);
    if (text !== '') yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
