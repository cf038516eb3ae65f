import { Buffer } from 'node:buffer';

const LAST_LATIN1 = 0xff;

/**
 * The text as a one-byte string when Latin-1 holds every character of it, else as it is. V8
 * keeps a string cut from a two-byte one (any text holding a Vietnamese letter) two-byte,
 * even when it is all ASCII: twice the memory, and the slow path wherever it is joined,
 * written out or encoded to UTF-8.
 */
export function oneByteString(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > LAST_LATIN1) return text;
  return Buffer.from(text, 'latin1').toString('latin1');
}
