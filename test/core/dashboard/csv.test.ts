import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../functions/core/dashboard/csv.ts';

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];

/** What a spreadsheet reads back: the CSV parsed as RFC 4180, BOM removed. */
const readBack = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: true, record_delimiter: '\r\n' }) as string[][];

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['Trường THPT Lê Quý Đôn', 'Trường THPT Lê Quý Đôn'],
    ['a;b', '"a;b"'],
  ])('escapes %j as %j', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(12)).toBe('12');
  });

  it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
    expect(toCsv([['Mã', 'Tỉ lệ (%)'], ['THPT1', 1.5]])).toBe('\uFEFFMã,Tỉ lệ (%)\r\nTHPT1,1.5\r\n');
  });

  it('never lets a text cell start with a formula character, and keeps every other cell as it was', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom(...FORMULA_START).chain((c) => fc.string().map((s) => c + s)), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = readBack(toCsv(rows));
        expect(parsed).toHaveLength(rows.length);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const read = parsed[r]?.[c] ?? '';
            if (typeof value === 'number') expect(Number(read)).toBe(value === 0 ? 0 : value);
            else if (FORMULA_START.some((f) => value.startsWith(f))) expect(read).toBe(`'${value}`);
            else expect(read).toBe(value);
            if (typeof value === 'string') expect(FORMULA_START.some((f) => read.startsWith(f))).toBe(false);
          }),
        );
      }),
    );
  });
});
