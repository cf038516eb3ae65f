import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../functions/core/snapshot/csv-tokenizer.ts';
import { MAX_RECORD_CHARS } from '../../../functions/core/snapshot/record-limit.ts';
import { cutAt, tokenize } from './helpers.ts';

describe('CsvTokenizer', () => {
  it('splits plain lines and keeps blank lines as one empty cell', () => {
    expect(tokenize(['a,b,c\n1,2,3\n\n4,5,6\n'])).toEqual([['a', 'b', 'c'], ['1', '2', '3'], [''], ['4', '5', '6']]);
  });

  it('handles CRLF and a last line without a line break', () => {
    expect(tokenize(['a,b\r\n1,2\r\n3,4'])).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('reads RFC 4180 quoting: delimiters, line breaks and doubled quotes inside quotes', () => {
    const text = 'code,note\r\nHS1,"Lớp 10A, chuyên Toán"\r\nHS2,"hai\r\ndòng"\r\nHS3,"nói ""xin chào"""\r\nHS4,""\r\n';
    expect(tokenize([text])).toEqual([
      ['code', 'note'],
      ['HS1', 'Lớp 10A, chuyên Toán'],
      ['HS2', 'hai\r\ndòng'],
      ['HS3', 'nói "xin chào"'],
      ['HS4', ''],
    ]);
  });

  it('refuses a record past the bound rather than hold it: a quote that never closes, a line that never breaks', () => {
    // Lines of a quoted cell, as the rest of a file read into one cell would be.
    const piece = `${'x'.repeat(1023)}\n`.repeat(64);
    const pieces = (n: number) => Array.from({ length: n }, () => piece);
    const within = MAX_RECORD_CHARS / piece.length - 1;
    expect(tokenize(['a,"\n', ...pieces(within), '"\n'])[0]?.[1]).toHaveLength(within * piece.length + 1);
    expect(() => tokenize(['a,"\n', ...pieces(within + 2), '"\n'])).toThrow(expect.objectContaining({ code: 'RECORD_TOO_LONG', quoted: true }));
    const unbroken = Array.from({ length: within + 2 }, () => 'x'.repeat(piece.length));
    expect(() => tokenize(['a,b\n', ...unbroken])).toThrow(expect.objectContaining({ code: 'RECORD_TOO_LONG', quoted: false }));
    expect(() => tokenize(['a,"b",', ...unbroken, '\n'])).toThrow(expect.objectContaining({ code: 'RECORD_TOO_LONG', quoted: false }));
  });

  it('is lenient where Excel is: quotes inside an unquoted field are literal', () => {
    expect(tokenize(['a,5" screen,b\n'])).toEqual([['a', '5" screen', 'b']]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'a;"x;\ny";c\r\n1;"";"""q"""\n\n2;3;4';
    const whole = tokenize([text], ';');
    for (let cut = 0; cut <= text.length; cut++) {
      expect(tokenize([text.slice(0, cut), text.slice(cut)], ';')).toEqual(whole);
    }
    expect(tokenize([...text], ';')).toEqual(whole);
  });

  it('agrees with csv-parse on any CSV, quoted where needed or not, cut anywhere', () => {
    const cell = fc.record({
      text: fc.string({ unit: fc.constantFrom('a', 'Ư', ' ', ',', '"', '\n', '\r\n', ';', 'x') }),
      quote: fc.boolean(),
    });
    const row = fc.array(cell, { minLength: 1, maxLength: 5 });
    const written = (r: { text: string; quote: boolean }[]): string =>
      r
        .map(({ text, quote }) => {
          // A lone empty unquoted cell would be a blank line, which csv-parse skips.
          const must = /[",\r\n]/.test(text) || r.length === 1;
          return quote || must ? `"${text.replaceAll('"', '""')}"` : text;
        })
        .join(',');
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const text = rows.map(written).join('\r\n');
        const oracle = parse(text, { relax_column_count: true }) as string[][];
        expect(tokenize(cutAt(text, cuts))).toEqual(oracle);
      }),
    );
  });
});

describe('detectDelimiter', () => {
  it('picks the separator the header uses, ignoring those inside quotes', () => {
    expect(detectDelimiter('unit_code,student_code,status')).toBe(',');
    expect(detectDelimiter('Mã trường;Mã học sinh;"Họ, tên"')).toBe(';');
    expect(detectDelimiter('a\tb\t"c;d;e"')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });
});
