import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS, type EntityKind } from '../../../functions/core/snapshot/entities.ts';
import { bufferInput, openSnapshot } from '../../../functions/core/snapshot/open-snapshot.ts';
import { readAll, type Read } from './helpers.ts';

/**
 * Quote-free lines are read in place; a quoted line goes cell by cell. Quoting every cell
 * changes nothing a cell says, so the two files must read the same: the same records, the
 * same problems with the same words. Values lean on the edges of every fast shape.
 */
const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
/** Mostly what exports hold, sometimes a value at or past the edge of a fast shape. */
const usually = (common: fc.Arbitrary<string>, edge: fc.Arbitrary<string>) => fc.oneof({ arbitrary: common, weight: 12 }, { arbitrary: edge, weight: 1 });
const spaced = (value: fc.Arbitrary<string>) =>
  usually(value, fc.tuple(pick('', ' ', '\u00a0', '\u3000', '\t', '\u2009', '\ufeff'), value, pick('', ' ', '\u00a0', '\t', '\u202f', '\u1680')).map(([a, v, b]) => a + v + b));
const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

const VALUES: Record<string, fc.Arbitrary<string>> = {
  unit_code: usually(pick('T1', 'T2'), pick('Trường Ư', '')),
  student_code: usually(fc.stringMatching(/^HS\d{1,3}$/), pick('Mã-ệ', '')),
  staff_code: usually(fc.stringMatching(/^CB\d{1,3}$/), pick('')),
  full_name: usually(pick('Nguyễn Thị Hằng', 'Đỗ An', 'An'), pick('', 'Ma\u0300i', '\uFFFD')),
  birth_date: usually(
    fc.oneof(instant.map((d) => d.toISOString().slice(0, 10)), fc.tuple(instant, pick('/', '.', '-')).map(([d, separator]) => d.toISOString().slice(0, 10).split('-').reverse().join(separator))),
    fc.oneof(pick('', '2012-02-29', '2013-02-29', '31.12.2009', '01-02-2011', '1/2/2011', '32/01/2015', '29/02/2013', '1985', '1899', '2101', '44927', 'abcd-ef-gh', '2010/01/02', '12/3-2016'), digits(4, 10)),
  ),
  level: usually(pick('THPT', 'Tiểu học', 'MN'), pick('', 'tieu hoc', 'ĐH', 'thcs')),
  class_name: usually(pick('Mầm 3', '10A1', 'Lớp 1'), pick('', 'Ma\u0300m 3')),
  national_id: usually(digits(12, 12), fc.oneof(pick('', '03131979944x', '0313 1979 9449'), digits(11, 13))),
  id_verification: usually(pick('verified', 'Đã xác thực', 'unverified'), pick('', 'đã xác thực', 'mismatch', 'sai', 'VERIFIED')),
  status: usually(pick('studying', 'Đang học', 'working', 'Đang làm việc'), pick('', 'Lưu ban', 'graduated', 'Nghỉ hưu', 'x')),
  status_effective_date: usually(pick('', '2023-01-15', '15/01/2023'), pick('2023-13-01', '15.01.2023')),
  updated_at: usually(
    fc.oneof(instant.map((d) => `${d.toISOString().slice(0, 19)}+07:00`), instant.map((d) => d.toISOString().slice(0, 19)), instant.map((d) => d.toISOString().slice(0, 16).replace('T', ' '))),
    fc.oneof(
      pick('', '2023-04-18T12:18:32Z', '2023-04-18T25:00:00', '2023-02-30T10:00:00', '18/04/2023 12:18', '2023-04-18', '2023-04-18T12:18:32-05:30', '2023-04-18T12:18:32+0700', '45000.5', '1960-01-01T00:00:00', '2023-04-18T12:18:32+07:0x'),
      instant.map((d) => d.toISOString()),
    ),
  ),
  school_year: usually(pick('2022-2023', '2023-2024'), pick('', '2022–2023', '2022 - 23', '2022-2024', '2022')),
  role: usually(pick('teacher', 'GV'), pick('', 'Cán bộ quản lý', 'boss')),
  contract: usually(pick('permanent', 'Biên chế'), pick('', 'Hợp đồng', '?')),
  qualification: usually(pick('Cao đẳng', 'Đại học'), pick('', 'Thạc sĩ')),
  pedagogy_certificate: usually(pick('true', 'có'), pick('', 'Có', 'không', '1', '0', 'x', 'yes')),
  reviewed_at: usually(pick('2023-06-13T15:44:40+07:00'), pick('', '2023-06-13', '13/06/2023')),
};

function rows(entity: EntityKind): fc.Arbitrary<string[][]> {
  const row = fc.tuple(...COLUMNS[entity].map((c) => spaced(VALUES[c.name] ?? pick('', 'x'))));
  return fc.array(row, { minLength: 1, maxLength: 12 });
}

async function read(entity: EntityKind, header: string[], body: string[][], quoted: boolean, delimiter = ',', encoding: 'utf8' | 'utf16le' = 'utf8'): Promise<Read> {
  const cell = (c: string) => (quoted ? `"${c}"` : c);
  const text = [header.join(delimiter), ...body.map((r) => r.map(cell).join(delimiter))].join('\n');
  // UTF-8 is read as bytes (binary text), UTF-16 as decoded text: two ways to the same records.
  const bytes = encoding === 'utf8' ? Buffer.from(text, 'utf8') : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return readAll(bufferInput(`${entity}.csv`, bytes));
}

describe.each(['students', 'staff'] as const)('%s lines read in place', (entity) => {
  const header = COLUMNS[entity].map((c) => c.name);

  it('give what reading them cell by cell gives', async () => {
    let records = 0;
    await fc.assert(
      fc.asyncProperty(rows(entity), pick(',', ';', '\t'), async (written, delimiter) => {
        // A tab inside a tab-separated cell would be a separator.
        const body = written.map((row) => row.map((c) => (delimiter === '\t' ? c.replaceAll('\t', ' ') : c)));
        const inPlace = await read(entity, header, body, false, delimiter);
        const byCell = await read(entity, header, body, true, delimiter);
        expect(inPlace.records).toStrictEqual(byCell.records);
        expect(inPlace.report).toStrictEqual(byCell.report);
        records += inPlace.records.length;
      }),
      { numRuns: 400 },
    );
    // The property says little unless most rows are good enough to be read in place.
    expect(records).toBeGreaterThan(400);
  });

  it('read from UTF-8 bytes give what the same text decoded from UTF-16 gives', async () => {
    await fc.assert(
      fc.asyncProperty(rows(entity), pick(',', ';'), async (body, delimiter) => {
        const asBytes = await read(entity, header, body, false, delimiter, 'utf8');
        const asText = await read(entity, header, body, false, delimiter, 'utf16le');
        expect(asBytes.records).toStrictEqual(asText.records);
        expect(asBytes.report).toStrictEqual(asText.report);
      }),
      { numRuns: 300 },
    );
  });

  it('treat a cell of nothing but whitespace, of any kind trim knows, as empty', async () => {
    const blanks = ['\t', '\u000b', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const good = (name: string) => {
      const value = { unit_code: 'T1', id_verification: 'verified', student_code: 'HS1', staff_code: 'CB1' }[name];
      return value ?? '';
    };
    const body = blanks.map((blank, i) => COLUMNS[entity].map((c) => (c.name === 'full_name' ? blank : c.name.endsWith('_code') && c.name !== 'unit_code' ? `${good(c.name)}${i}` : good(c.name))));
    const inPlace = await read(entity, header, body, false);
    expect(inPlace.records).toStrictEqual((await read(entity, header, body, true)).records);
    expect(inPlace.records.map((r) => 'hasFullName' in r && r.hasFullName)).toEqual(blanks.map(() => false));
  });

  it('fall back whole when a line is narrower or wider than the header', async () => {
    const body = [header.map(() => 'x'), header.slice(1).map(() => 'x'), [...header.map(() => 'x'), 'extra']];
    const inPlace = await read(entity, header, body, false);
    expect(inPlace.report).toStrictEqual((await read(entity, header, body, true)).report);
    expect(inPlace.report.issues.filter((i) => i.code === 'malformed_row').map((i) => i.row)).toEqual([3, 4]);
  });
});

describe('person records', () => {
  it('list the same fields in the same order whichever cells were filled, and whichever way a row was read', async () => {
    const text = ['unit_code,student_code,full_name,level,status,updated_at,id_verification', 'T1,A,,,,,verified', 'T1,B,An,THPT,studying,2023-04-18T12:18:32+07:00,verified', 'T1,"C",,MN,,,verified', 'T1,D,An,,Đang học,,unverified'].join('\n');
    const opened = await openSnapshot(bufferInput('students.csv', text));
    const shapes = new Set<string>();
    for await (const rec of opened.records()) shapes.add(Object.keys(rec.record).join());
    expect(opened.report.rows).toBe(4);
    expect(shapes.size).toBe(1);
    expect([...shapes][0]?.split(',')).toEqual(expect.arrayContaining(['unitCode', 'studentCode', 'birthDate', 'status', 'updatedAt', 'schoolYear', 'nationalIdHash']));
  });
});
