import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanText, memoisedCleanText } from '../../../functions/core/snapshot/cell.ts';
import { cutAt, located, tokenize, utf16Of } from './helpers.ts';
import { bufferInput, validateSnapshot } from '../../../functions/core/snapshot/open-snapshot.ts';
import { decodeText } from '../../../functions/core/snapshot/text-decoder.ts';
import { nationalIdDigits } from '../../../functions/core/snapshot/value-parsers.ts';

/**
 * The tokenizer's documented reading, one character at a time with no fast path: the
 * behaviour the line-splitting shortcut must not change.
 */
function referenceRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let field = '';
  let state: 'start' | 'unquoted' | 'quoted' | 'afterQuote' = 'start';
  let inRecord = false;
  const endRecord = (last: string): void => {
    cells.push(last);
    records.push(cells);
    cells = [];
    field = '';
    state = 'start';
    inRecord = false;
  };
  for (const c of text) {
    inRecord = true;
    if (state === 'start') {
      if (c === '"') {
        state = 'quoted';
        continue;
      }
      state = 'unquoted';
    }
    if (state === 'unquoted') {
      if (c === delimiter) {
        cells.push(field);
        field = '';
        state = 'start';
      } else if (c === '\n') endRecord(field.endsWith('\r') ? field.slice(0, -1) : field);
      else field += c;
    } else if (state === 'quoted') {
      if (c === '"') state = 'afterQuote';
      else field += c;
    } else if (c === '"') {
      field += '"';
      state = 'quoted';
    } else if (c === delimiter) {
      cells.push(field);
      field = '';
      state = 'start';
    } else if (c === '\n') endRecord(field);
    else if (c !== '\r') {
      field += c;
      state = 'unquoted';
    }
  }
  if (inRecord) endRecord(state === 'unquoted' && field.endsWith('\r') ? field.slice(0, -1) : field);
  return records;
}

describe('CsvTokenizer against a character-by-character reading', () => {
  it('agrees on any text of quotes, separators, CR, LF and BOMs, cut anywhere', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ệ', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', '\uFEFF'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';', '\t'), fc.array(fc.nat(), { maxLength: 6 }), (csv, delimiter, cuts) => {
        expect(tokenize(cutAt(csv, cuts), delimiter)).toEqual(referenceRecords(csv, delimiter));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads plain lines around a quoted record that spans lines', () => {
    const csv = 'a,b\r\n"x\r\ny",z\r\nc,d\r\n"q"""\ne,f';
    expect(tokenize([csv], ',')).toEqual([['a', 'b'], ['x\r\ny', 'z'], ['c', 'd'], ['q"'], ['e', 'f']]);
  });
});

describe('read-path fast paths', () => {
  it('cleanText keeps ASCII as trimmed and composes anything else', () => {
    expect(cleanText('  THPT001 \t')).toBe('THPT001');
    expect(cleanText(' Tra\u0302\u0300n ')).toBe('Trần');
    expect(cleanText('\u00a0x\u00a0')).toBe('x');
  });

  it('nationalIdDigits gives the same digits with or without the twelve-digit shortcut', () => {
    const idLike = fc.string({ unit: fc.constantFrom('0', '1', '9', ' ', '\t', 'a', '٣'), maxLength: 14 });
    fc.assert(
      fc.property(idLike, (text) => {
        const digits = text.replace(/\s+/g, '');
        expect(nationalIdDigits(text)).toBe(/^\d{12}$/.test(digits) ? digits : undefined);
      }),
    );
    expect(nationalIdDigits('031200000003')).toBe('031200000003');
    expect(nationalIdDigits('0312 0000 0003')).toBe('031200000003');
  });
});

async function decodedByChunks(bytes: Uint8Array, cuts: readonly number[]): Promise<string> {
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
  let text = '';
  for await (const part of decodeText(source())) text += part;
  return text;
}

/** What iconv-lite made of the whole file, the reading UTF-8 input had before TextDecoder, in the encoding the contract reads it in. */
function iconvText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  return iconv.decode(buffer, utf16Of(buffer) ?? 'utf8');
}

describe('decodeText', () => {
  it('decodes as iconv-lite did in the encoding the contract reads, UTF-8 valid or not, a BOM or none, cut anywhere', async () => {
    // Bytes that start, continue, overlong or truncate multi-byte sequences, mixed with ASCII and anything else.
    const tricky = fc.constantFrom(0x41, 0x2c, 0x0a, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe1, 0xba, 0xa7, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xc0, 0xff, 0xf4, 0x90, 0xe0);
    const bytes = fc.array(fc.oneof(tricky, fc.integer({ min: 0, max: 255 })), { maxLength: 40 });
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xef, 0xbb], [0xff, 0xfe], [0xfe, 0xff]);
    await fc.assert(
      fc.asyncProperty(bom, bytes, fc.array(fc.nat(), { maxLength: 8 }), async (prefix, body, cuts) => {
        const input = Uint8Array.from([...prefix, ...body]);
        expect(await decodedByChunks(input, cuts)).toBe(iconvText(input));
      }),
      // The first: two control characters in UTF-16BE without a byte-order mark, which a run once drew.
      { numRuns: 3000, examples: [[[], [0x00, 0x01, 0x00, 0x01], []]] },
    );
  });
});

describe('large reads', () => {
  const row = (i: number) => `T1,HS${i},Nguyễn Thị Hằng,Lớp 10A${i % 7},verified\n`;
  const header = 'unit_code,student_code,full_name,class_name,id_verification\n';

  it('hands a chunk far larger than a piece on as text, multi-byte characters intact across the cuts', async () => {
    const text = header + Array.from({ length: 6000 }, (_, i) => row(i)).join('');
    async function* oneChunk(): AsyncGenerator<Buffer> {
      yield Buffer.from(text, 'utf8');
    }
    const pieces: string[] = [];
    for await (const piece of decodeText(oneChunk())) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(text);
  });

  it('still finds an undecodable byte that first appears deep in a large file, at its row and column', async () => {
    const clean = Array.from({ length: 7000 }, (_, i) => row(i)).join('');
    const bytes = Buffer.concat([Buffer.from(header + clean, 'utf8'), Buffer.from('T1,HS9999,An,Lớp 1'), Buffer.from([0xff]), Buffer.from(',verified\n')]);
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    const report = await validateSnapshot(bufferInput('students.csv', bytes));
    expect(located(report)).toEqual([{ severity: 'error', code: 'encoding', row: 7002, column: 'class_name', field: 'class_name', value: 'Lớp 1\uFFFD' }]);
  });

  it('reports a replacement character written into the file itself, as before', async () => {
    const report = await validateSnapshot(bufferInput('students.csv', `${header}T1,A,An,10\uFFFD,verified\n`));
    expect(located(report)).toEqual([{ severity: 'error', code: 'encoding', row: 2, column: 'class_name', field: 'class_name', value: '10\uFFFD' }]);
  });
});

describe('memoisedCleanText', () => {
  it('is cleanText, whatever spellings repeat', () => {
    const spelling = fc.oneof(fc.constantFrom(' Mầm 3 ', 'Mầm 3', 'Ma\u0300m 3', '\u00a0Cao đẳng', 'Cao \u0111a\u0306\u0309ng', 'A1', ' 10A '), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(spelling, { maxLength: 30 }), (texts) => {
        const clean = memoisedCleanText();
        for (const text of texts) expect(clean(text)).toBe(cleanText(text));
      }),
    );
  });
});
