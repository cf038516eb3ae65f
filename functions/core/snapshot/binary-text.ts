import { isAscii } from './cell.ts';
import { isTrimmed } from './trimmed-char.ts';

/**
 * "Binary" text: UTF-8 bytes carried one to a character, as latin1 decoding gives them. A
 * CSV file in UTF-8 is read this way: lines and cells are found by their ASCII separators
 * exactly as in decoded text (no byte of a multi-byte character is below 0x80), codes,
 * dates, timestamps and ID numbers are ASCII and read the same, and strings of one byte a
 * character are copied, searched, hashed and written out faster than the two-byte strings
 * a Vietnamese name in the chunk turns decoded text into. Only what a reader keeps or
 * parses as text is decoded, and only when it holds a byte above ASCII.
 */
export function textOfBinary(binary: string): string {
  return isAscii(binary) ? binary : Buffer.from(binary, 'latin1').toString('utf8');
}

const CONTINUATION_MASK = 0xc0;
const CONTINUATION = 0x80;
const LAST_ASCII = 0x7f;
const THREE_BYTE_LEAD = 0xe0;
const FOUR_BYTE_LEAD = 0xf0;
const SIX_BITS = 0x3f;

/** The code point whose UTF-8 sequence starts at `at`; the text is valid UTF-8 there. */
function codePointAt(binary: string, at: number): number {
  const lead = binary.charCodeAt(at);
  const next = (k: number) => binary.charCodeAt(at + k) & SIX_BITS;
  if (lead < THREE_BYTE_LEAD) return ((lead & 0x1f) << 6) | next(1);
  if (lead < FOUR_BYTE_LEAD) return ((lead & 0x0f) << 12) | (next(1) << 6) | next(2);
  return ((lead & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3);
}

/**
 * The bytes the UTF-8 sequence of a character trim() removes can start and end with, above
 * ASCII: most letters that start or end a Vietnamese name do otherwise, and need no decoding.
 */
const STARTS_TRIMMED = new Uint8Array(256);
const ENDS_TRIMMED = new Uint8Array(256);
const LAST_BMP = 0xffff;
for (let c = LAST_ASCII + 1; c <= LAST_BMP; c++) {
  if (!isTrimmed(c)) continue;
  const bytes = Buffer.from(String.fromCharCode(c), 'utf8');
  STARTS_TRIMMED[bytes[0] as number] = 1;
  ENDS_TRIMMED[bytes[bytes.length - 1] as number] = 1;
}

/** Whether the character starting at byte `at` is one trim() removes. */
export function binaryTrimmedAt(binary: string, at: number): boolean {
  const c = binary.charCodeAt(at);
  if (c <= LAST_ASCII) return isTrimmed(c);
  return STARTS_TRIMMED[c] === 1 && isTrimmed(codePointAt(binary, at));
}

/** Whether the character ending just before byte `end` is one trim() removes. */
export function binaryTrimmedBefore(binary: string, end: number): boolean {
  const c = binary.charCodeAt(end - 1);
  if (c <= LAST_ASCII) return isTrimmed(c);
  if (ENDS_TRIMMED[c] === 0) return false;
  let start = end - 1;
  while (start > 0 && (binary.charCodeAt(start) & CONTINUATION_MASK) === CONTINUATION) start -= 1;
  return isTrimmed(codePointAt(binary, start));
}
