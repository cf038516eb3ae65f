import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textOfBinary } from '../../../functions/core/snapshot/binary-text.ts';
import { memoisedCleanText } from '../../../functions/core/snapshot/cell.ts';
import { COLUMNS, type ColumnSpec } from '../../../functions/core/snapshot/entities.ts';
import { FALLBACK, rangeReader } from '../../../functions/core/snapshot/range-readers.ts';
import { INVALID, parserFor } from '../../../functions/core/snapshot/value-parsers.ts';

const column = (entity: 'units' | 'students', name: string): ColumnSpec => {
  const spec = COLUMNS[entity].find((c) => c.name === name);
  if (spec === undefined) throw new Error(`no column ${name}`);
  return spec;
};

/** What the general path makes of a cell: cleaned, then parsed; FALLBACK where it would report a problem. */
function general(spec: ColumnSpec, text: string): unknown {
  const clean = memoisedCleanText();
  const value = parserFor(spec, { date1904: false })(spec.type === 'string' ? clean(text) : text);
  return value === INVALID ? FALLBACK : value;
}

describe('range readers of repeating columns', () => {
  // Long runs of the cell above, then runs of cells that never repeat (past the reader's trial rows), then repeats again.
  const pool = fc.constantFrom('T1', 'T2', 'Mầm 3', 'Ma\u0300m 3', '10A1', 'x@y.vn', '42', 'not mail');
  const unique = fc.nat({ max: 1_000_000 }).map((n) => `HS${n}`);
  const runs = fc.array(fc.oneof(fc.tuple(pool, fc.integer({ min: 1, max: 80 })).map(([text, n]) => Array<string>(n).fill(text)), fc.array(unique, { maxLength: 120 })), { maxLength: 8 });

  it.each([
    ['units', 'unit_code'],
    ['students', 'class_name'],
    ['units', 'head_email'],
  ] as const)('%s.%s reads each cell as the general path does, whether or not it repeats the one above', (entity, name) => {
    const spec = column(entity, name);
    fc.assert(
      fc.property(runs, fc.string({ maxLength: 3 }), (groups, prefix) => {
        const read = rangeReader(spec, parserFor(spec, { date1904: false }), memoisedCleanText());
        for (const text of groups.flat()) {
          const line = `${prefix},${text},z`;
          expect(read(line, prefix.length + 1, prefix.length + 1 + text.length)).toStrictEqual(general(spec, text));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('range readers of binary text', () => {
  const cells = fc.constantFrom('T1', 'Mầm 3', 'Ma\u0300m 3', 'Đang học', 'Đã xác thực', 'verified', 'Biên chế', 'có', 'không', '2023-04-18', '18/04/2023', '2023-04-18T12:18:32+07:00', '031319799449', '03131979944ệ', 'Tiểu học', 'THPT', '2022-2023', 'x@y.vn', '42');

  it.each(COLUMNS.students.concat(COLUMNS.staff).filter((spec) => !spec.personal || spec.type === 'nationalId'))('$name reads UTF-8 bytes as it reads the text they carry', (spec) => {
    fc.assert(
      fc.property(fc.array(cells, { maxLength: 40 }), (texts) => {
        const parse = parserFor(spec, { date1904: false });
        const asText = rangeReader(spec, parse, memoisedCleanText());
        const asBytes = rangeReader(spec, parse, memoisedCleanText(textOfBinary), textOfBinary);
        for (const text of texts) {
          const line = Buffer.from(`Hằng,${text},z`, 'utf8').toString('latin1');
          const start = Buffer.byteLength('Hằng,');
          expect(asBytes(line, start, start + Buffer.byteLength(text))).toStrictEqual(asText(`Hằng,${text},z`, 5, 5 + text.length));
        }
      }),
      { numRuns: 100 },
    );
  });
});
