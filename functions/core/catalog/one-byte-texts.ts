import { oneByteString } from '../one-byte-string.ts';

/**
 * Parsed YAML with every text Latin-1 can hold copied into a one-byte string. The parser
 * slices its texts out of the file's, which its Vietnamese makes two-byte, so even an ASCII
 * id came out two-byte; ids go into every result a check prints, and one two-byte piece
 * makes a whole chunk of output two-byte, copied and encoded to UTF-8 the slow way.
 */
export function oneByteTexts(value: unknown): unknown {
  if (typeof value === 'string') return oneByteString(value);
  if (Array.isArray(value)) return value.map(oneByteTexts);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, oneByteTexts(item)]));
  return value;
}
