import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS, ID_VERIFICATION, LEVELS, STUDENT_STATUS, type ColumnSpec } from '../../../functions/core/snapshot/entities.ts';
import { hash52 } from '../../../functions/core/snapshot/hash52.ts';
import { bufferInput } from '../../../functions/core/snapshot/open-snapshot.ts';
import { readAll } from './helpers.ts';

const column = (name: string): ColumnSpec => {
  const found = COLUMNS.students.find((c) => c.name === name);
  if (!found) throw new Error(name);
  return found;
};

/** A canonical value or any of its labels, as an exporter might write it. */
const spelled = (name: string, value: string): fc.Arbitrary<string> => fc.constantFrom(value, ...(column(name).labels?.[value] ?? []));

const code = fc.stringMatching(/^[A-Z0-9]{1,8}$/);
const text = fc.string({ unit: fc.constantFrom('a', 'Ư', 'ệ', ' ', ',', ';', '"', '\t', '\n', 'x'), maxLength: 12 });

const student = fc.record({
  unit: fc.constantFrom('THPT001', 'THCS002', 'MN003'),
  code,
  name: text,
  verification: fc.constantFrom(...ID_VERIFICATION),
  status: fc.option(fc.constantFrom(...STUDENT_STATUS), { nil: undefined }),
  level: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
  id: fc.option(fc.stringMatching(/^\d{12}$/), { nil: undefined }),
  birth: fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }), { nil: undefined }),
  className: fc.option(text, { nil: undefined }),
});
type Student = typeof student extends fc.Arbitrary<infer T> ? T : never;

interface Written {
  cells: string[];
}

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const HEADERS = ['unit_code', 'student_code', 'full_name', 'id_verification', 'status', 'level', 'national_id', 'birth_date', 'class_name'];

describe('students written as CSV and read back', () => {
  it('keep their codes, statuses, levels, dates and ID presence, whatever the spelling and separator', async () => {
    const row = (s: Student): fc.Arbitrary<Written> =>
      fc
        .tuple(spelled('id_verification', s.verification), s.status ? spelled('status', s.status) : fc.constant(''), s.level ? spelled('level', s.level) : fc.constant(''), fc.boolean())
        .map(([verification, status, level, dayFirst]) => {
          const birth = s.birth?.toISOString().slice(0, 10);
          const birthText = birth && dayFirst ? birth.split('-').reverse().join('/') : (birth ?? '');
          return { cells: [s.unit, s.code, s.name, verification, status, level, s.id ?? '', birthText, s.className ?? ''] };
        });
    const file = fc.array(student, { minLength: 1, maxLength: 20 }).chain((students) =>
      fc.record({
        students: fc.constant(students),
        written: fc.tuple(...students.map(row)),
        delimiter: fc.constantFrom(',', ';', '\t'),
        headers: fc.tuple(...HEADERS.map((h) => fc.constantFrom(h, ...column(h).aliases))),
        crlf: fc.boolean(),
      }),
    );

    await fc.assert(
      fc.asyncProperty(file, async ({ students, written, delimiter, headers, crlf }) => {
        const lines = [headers, ...written.map((w) => w.cells)].map((cells) => cells.map((c) => quote(c, delimiter)).join(delimiter));
        const { records, report } = await readAll(bufferInput('students.csv', lines.join(crlf ? '\r\n' : '\n')));
        expect(report.errors).toBe(0);
        const seen = new Set<string>();
        expect(records).toStrictEqual(
          students.map((s) => {
            const expected: Record<string, unknown> = {
              hasFullName: s.name.trim() !== '',
              hasNationalId: s.id !== undefined,
              unitCode: s.unit,
              studentCode: s.code,
              idVerification: s.verification,
            };
            if (s.status) expected.status = s.status;
            if (s.level) expected.level = s.level;
            if (s.id) expected.nationalIdHash = hash52(s.id);
            if (s.birth) expected.birthDate = s.birth.toISOString().slice(0, 10);
            if (s.className && s.className.trim() !== '') expected.className = s.className.trim();
            // A code its unit already listed is marked, and warned about once per repeat.
            if (seen.size === seen.add(`${s.unit}/${s.code}`).size) expected.repeatsCode = true;
            return expected;
          }),
        );
        expect(report.warnings).toBe(records.filter((r) => 'repeatsCode' in r).length);
      }),
      { numRuns: 60 },
    );
  });
});
