import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { binaryTrimmedAt, binaryTrimmedBefore, textOfBinary } from '../../../functions/core/snapshot/binary-text.ts';
import { csvText, type TextPiece } from '../../../functions/core/snapshot/text-decoder.ts';
import { utf16Of } from './helpers.ts';

const binary = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** Every character trim() removes, and letters whose last UTF-8 byte is one a trimmed character ends in (Ơ: C6 A0, Ạ: E1 BA A0). */
const TRIMMED = ['\t', '\n', '\u000b', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const KEPT = ['a', 'Đ', 'Ơ', 'Ạ', 'ư', 'ữ', 'Ấ', '\u0300', '\u2080', '\u200b', '\u3001', '😀', 'ﾀ', '\u0085'];

describe('binary text', () => {
  it('finds at either end of a cell exactly the characters trim() removes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRIMMED, ...KEPT), fc.constantFrom('', 'x', 'Hằng'), fc.constantFrom('', 'y', 'Thư'), (edge, before, after) => {
        const start = binary(before);
        const line = binary(before + edge + after);
        expect(binaryTrimmedAt(line, start.length)).toBe(edge.trim() === '');
        expect(binaryTrimmedBefore(line, start.length + binary(edge).length)).toBe(edge.trim() === '');
      }),
    );
  });

  it('decodes back to the text it carries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(textOfBinary(binary(text))).toBe(text);
      }),
    );
  });
});

async function piecesOf(bytes: Uint8Array, cuts: readonly number[]): Promise<{ pieces: TextPiece[]; seen: boolean }> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(Buffer.from(bytes.subarray(from, p)));
    from = p;
  }
  chunks.push(Buffer.from(bytes.subarray(from)));
  async function* source(): AsyncGenerator<Buffer> {
    yield* chunks;
  }
  const watch = { seen: false };
  const pieces: TextPiece[] = [];
  for await (const piece of csvText(source(), watch)) pieces.push(piece);
  return { pieces, seen: watch.seen };
}

describe('csvText', () => {
  // Bytes that start, continue, overlong or truncate multi-byte sequences, the bytes of U+FFFD among them.
  const tricky = fc.constantFrom(0x41, 0x2c, 0x0a, 0xef, 0xbb, 0xbf, 0xbd, 0xc3, 0xa9, 0xe1, 0xba, 0xa7, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xc0, 0xff, 0xf4, 0x90, 0xe0);
  const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xef, 0xbb], [0xff, 0xfe], [0xfe, 0xff]);

  it('carries UTF-8 as binary text and says whether decoding it would have given U+FFFD, cut anywhere', async () => {
    const replacement = fc.constant([0xef, 0xbf, 0xbd]);
    const bytes = fc.array(fc.oneof(tricky.map((b) => [b]), fc.integer({ min: 0, max: 255 }).map((b) => [b]), replacement), { maxLength: 30 }).map((parts) => parts.flat());
    await fc.assert(
      fc.asyncProperty(bom, bytes, fc.array(fc.nat(), { maxLength: 8 }), async (prefix, body, cuts) => {
        const input = Uint8Array.from([...prefix, ...body]);
        const { pieces, seen } = await piecesOf(input, cuts);
        const buffer = Buffer.from(input);
        const utf16 = utf16Of(buffer);
        const decoded = iconv.decode(buffer, utf16 ?? 'utf8');
        expect(seen).toBe(decoded.includes('\uFFFD'));
        expect(pieces.every((p) => p.binary === (utf16 === undefined))).toBe(true);
        const text = pieces.map((p) => p.text).join('');
        expect(utf16 === undefined ? textOfBinary(text) : text).toBe(decoded);
      }),
      // The first: two ASCII characters in UTF-16BE without a byte-order mark, which a run once drew.
      { numRuns: 3000, examples: [[[], [0x00, 0x41, 0x00, 0x41], []]] },
    );
  });

  it('finds an invalid sequence cut between two large reads', async () => {
    const head = Buffer.from(`unit_code\n${'T1\n'.repeat(30_000)}`);
    const input = Buffer.concat([head, Buffer.from([0xe1, 0xba, 0x41, 0x0a])]);
    expect((await piecesOf(input, [head.length + 1])).seen).toBe(true);
    expect((await piecesOf(Buffer.concat([head, Buffer.from('Ạ\n')]), [head.length + 1])).seen).toBe(false);
  });
});
