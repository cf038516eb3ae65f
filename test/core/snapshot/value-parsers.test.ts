import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../functions/core/time.ts';
import { excelSerialToDate, parseDateText, utcCalendarDate } from '../../../functions/core/snapshot/calendar-date.ts';
import { COLUMNS, ENTITY_KINDS, type ColumnSpec } from '../../../functions/core/snapshot/entities.ts';
import { foldKey } from '../../../functions/core/snapshot/fold-key.ts';
import { hash52 } from '../../../functions/core/snapshot/hash52.ts';
import { maskNationalId } from '../../../functions/core/snapshot/mask-national-id.ts';
import { INVALID, parserFor, type PresentCell } from '../../../functions/core/snapshot/value-parsers.ts';
import { parseTimestampText, vnWallClockInstant } from '../../../functions/core/snapshot/vn-timestamp.ts';

const ctx = { date1904: false };

function spec(entity: (typeof ENTITY_KINDS)[number], name: string): ColumnSpec {
  const found = COLUMNS[entity].find((c) => c.name === name);
  if (!found) throw new Error(`no column ${entity}.${name}`);
  return found;
}

const parse = (s: ColumnSpec, cell: PresentCell): unknown => parserFor(s, ctx)(cell);

describe('dates', () => {
  const birth = spec('students', 'birth_date');

  it('reads YYYY-MM-DD and day-first DD/MM/YYYY, never month-first', () => {
    expect(parse(birth, '2010-06-05')).toBe('2010-06-05');
    expect(parse(birth, '05/06/2010')).toBe('2010-06-05');
    expect(parse(birth, '5/6/2010')).toBe('2010-06-05');
    expect(parse(birth, '05-06-2010')).toBe('2010-06-05');
    expect(parse(birth, '31/12/2009')).toBe('2009-12-31');
    expect(parse(birth, '13/25/2023')).toBe(INVALID);
    expect(parse(birth, '12/31/2009')).toBe(INVALID);
  });

  it('rejects days that do not exist and text that is not a date', () => {
    expect(parse(birth, '2023-02-29')).toBe(INVALID);
    expect(parse(birth, '2024-02-29')).toBe('2024-02-29');
    expect(parse(birth, '31/04/2023')).toBe(INVALID);
    expect(parse(birth, '2023-13-01')).toBe(INVALID);
    expect(parse(birth, 'hôm qua')).toBe(INVALID);
    expect(parse(birth, '2023-06-0x')).toBe(INVALID);
    expect(parse(birth, true)).toBe(INVALID);
  });

  it('reads Excel serials (1900 system), as numbers or as text, and Excel date cells by their UTC day', () => {
    expect(parse(birth, 45085)).toBe('2023-06-08');
    expect(parse(birth, '45085')).toBe('2023-06-08');
    expect(parse(birth, 45085.75)).toBe('2023-06-08');
    expect(excelSerialToDate(61, false)).toBe('1900-03-01');
    expect(excelSerialToDate(43623, true)).toBe('2023-06-08');
    expect(parse(birth, new Date(Date.UTC(2023, 5, 8)))).toBe('2023-06-08');
    expect(utcCalendarDate(new Date('2023-06-08T23:30:00Z'))).toBe('2023-06-08');
    expect(parse(birth, -3)).toBe(INVALID);
  });

  it('staff birth dates may be a year alone, which stays a year', () => {
    const staffBirth = spec('staff', 'birth_date');
    expect(parse(staffBirth, '1985')).toBe('1985');
    expect(parse(staffBirth, 1985)).toBe('1985');
    expect(parse(staffBirth, '15/03/1985')).toBe('1985-03-15');
    expect(parse(staffBirth, '0985')).toBe(INVALID);
    expect(parse(birth, '1985')).toBe(INVALID);
  });

  it('reads any valid day in both spellings alike', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(parseDateText(iso, false)).toBe(iso);
        expect(parseDateText(`${day}/${m}/${y}`, false)).toBe(iso);
      }),
    );
  });
});

describe('timestamps', () => {
  const updated = spec('students', 'updated_at');

  it('reads an ISO timestamp without offset as Vietnam time', () => {
    expect(parse(updated, '2023-06-08T17:00:00')).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
    expect(parse(updated, '2023-06-08 17:00')).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
    expect(parse(updated, '2023-06-08T17:00:00.250')).toBe(Date.UTC(2023, 5, 8, 10, 0, 0, 250));
  });

  it('honours an explicit offset', () => {
    expect(parse(updated, '2023-06-08T10:00:00Z')).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
    expect(parse(updated, '2023-06-08T12:00:00+02:00')).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
    expect(parse(updated, '2023-06-08 17:00:00+0700')).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
  });

  it('reads DD/MM/YYYY HH:mm[:ss], a bare date (its first instant in Vietnam) and Excel serials as Vietnam wall clock', () => {
    expect(parse(updated, '08/06/2023 17:00')).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
    expect(parse(updated, '8/6/2023 17:00:30')).toBe(Date.UTC(2023, 5, 8, 10, 0, 30));
    expect(parse(updated, '2023-06-08')).toBe(Date.UTC(2023, 5, 7, 17, 0, 0));
    expect(parse(updated, '08/06/2023')).toBe(Date.UTC(2023, 5, 7, 17, 0, 0));
    expect(parse(updated, 45085 + 17 / 24)).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
    expect(parse(updated, new Date(Date.UTC(2023, 5, 8, 17, 0, 0)))).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
  });

  it('rejects impossible times and month-first dates', () => {
    expect(parse(updated, '2023-06-08T24:00:00')).toBe(INVALID);
    expect(parse(updated, '2023-06-08T17:60')).toBe(INVALID);
    expect(parse(updated, '06/25/2023 10:00')).toBe(INVALID);
    expect(parse(updated, 'sáng nay')).toBe(INVALID);
  });

  it('uses the time-zone database before 1976, when Vietnam was not on +07:00', () => {
    expect(vnWallClockInstant(1970, 1, 1, 8)).toBe(parseInstant('1970-01-01T08:00:00'));
    expect(vnWallClockInstant(1970, 1, 1, 8)).toBe(Date.UTC(1970, 0, 1, 0, 0, 0));
  });

  it('agrees with time.ts parseInstant on every local timestamp from 1976 on', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1976-01-02T00:00:00Z'), max: new Date('2099-12-30T00:00:00Z'), noInvalidDate: true }), (d) => {
        const local = d.toISOString().slice(0, 19);
        expect(parseTimestampText(local, false)).toBe(parseInstant(local));
      }),
      { numRuns: 200 },
    );
  });
});

describe('booleans', () => {
  const internet = spec('profiles', 'internet');
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['x', true],
    ['X', true],
    ['có', true],
    ['Có', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['không', false],
    ['Không', false],
    ['no', false],
  ] as const)('%s → %s', (text, value) => {
    expect(parse(internet, text)).toBe(value);
    expect(parse(internet, text.normalize('NFD'))).toBe(value);
  });

  it('takes boolean and 0/1 cells and rejects anything else', () => {
    expect(parse(internet, true)).toBe(true);
    expect(parse(internet, 0)).toBe(false);
    expect(parse(internet, 2)).toBe(INVALID);
    expect(parse(internet, 'có lẽ')).toBe(INVALID);
  });
});

describe('enumerations', () => {
  const enumColumns = ENTITY_KINDS.flatMap((entity) => COLUMNS[entity].filter((c) => c.type === 'enum').map((c) => [entity, c] as const));

  it.each(enumColumns.map(([entity, c]) => [`${entity}.${c.name}`, c] as const))('%s maps its canonical values and every label', (_name, column) => {
    for (const [canonical, labels] of Object.entries(column.labels ?? {})) {
      expect(parse(column, canonical)).toBe(canonical);
      for (const label of labels) {
        expect(parse(column, label)).toBe(canonical);
        expect(parse(column, label.toUpperCase())).toBe(canonical);
        expect(parse(column, label.normalize('NFD'))).toBe(canonical);
        expect(parse(column, foldKey(label))).toBe(canonical);
      }
    }
    expect(parse(column, 'không có giá trị này')).toBe(INVALID);
  });

  it('no two values of one column fold to the same key', () => {
    for (const [entity, column] of enumColumns) {
      const owners = new Map<string, string>();
      for (const [canonical, labels] of Object.entries(column.labels ?? {})) {
        for (const spelling of [canonical, ...labels]) {
          const key = foldKey(spelling);
          expect(owners.get(key) ?? canonical, `${entity}.${column.name}: ${spelling}`).toBe(canonical);
          owners.set(key, canonical);
        }
      }
    }
  });

  it('reads loosely typed labels: "chua xac thuc", "Phòng GDĐT", "TT GDNN-GDTX"', () => {
    expect(parse(spec('students', 'id_verification'), 'chua xac thuc')).toBe('unverified');
    expect(parse(spec('units', 'unit_kind'), 'Phòng GDĐT')).toBe('district_office');
    expect(parse(spec('units', 'unit_kind'), 'phong gddt')).toBe('district_office');
    expect(parse(spec('units', 'unit_kind'), 'TT GDNN-GDTX')).toBe('centre');
  });
});

describe('levels, integers, emails, national IDs', () => {
  const levels = spec('units', 'levels');
  it('reads a list of levels separated by ; or , in codes or labels, without repeats', () => {
    expect(parse(levels, 'THCS;THPT')).toEqual(['THCS', 'THPT']);
    expect(parse(levels, 'Tiểu học, trung học cơ sở, TH')).toEqual(['TH', 'THCS']);
    expect(parse(levels, 'MN;')).toEqual(['MN']);
    expect(parse(levels, 'THPT;ĐH')).toBe(INVALID);
  });

  it('gives each row its own list', () => {
    const parseLevels = parserFor(levels, ctx);
    const first = parseLevels('TH;THCS') as string[];
    first.push('MN');
    expect(parseLevels('TH;THCS')).toEqual(['TH', 'THCS']);
  });

  it('checks integers against their bounds', () => {
    const accreditation = spec('profiles', 'accreditation_level');
    expect(parse(accreditation, '3')).toBe(3);
    expect(parse(accreditation, 4)).toBe(4);
    expect(parse(accreditation, '5')).toBe(INVALID);
    expect(parse(accreditation, '-1')).toBe(INVALID);
    expect(parse(accreditation, '2.5')).toBe(INVALID);
    expect(parse(accreditation, 2.5)).toBe(INVALID);
    expect(parse(spec('profiles', 'declared_students'), '1250')).toBe(1250);
  });

  it('checks emails simply', () => {
    const email = spec('units', 'head_email');
    expect(parse(email, 'hieutruong@thpt-ngoquyen.edu.vn')).toBe('hieutruong@thpt-ngoquyen.edu.vn');
    expect(parse(email, 'hieutruong@')).toBe(INVALID);
    expect(parse(email, 'a b@c.vn')).toBe(INVALID);
  });

  it('keeps a national ID only as the hash of its 12 digits', () => {
    const id = spec('students', 'national_id');
    expect(parse(id, '031200000003')).toBe(hash52('031200000003'));
    expect(parse(id, '0312 0000 0003')).toBe(hash52('031200000003'));
    expect(parse(id, 31200000003)).toBe(hash52('031200000003'));
    expect(parse(id, '03120000003')).toBe(INVALID);
    expect(parse(id, '03120000000A')).toBe(INVALID);
  });

  it('masks national IDs as 4 digits, dots, 2 digits', () => {
    expect(maskNationalId('031200000003')).toBe('0312••••••03');
    expect(maskNationalId('03120000003')).toBe('0312••••••03');
    expect(maskNationalId('0312 0000 0003')).toBe('0312••••••03');
    expect(maskNationalId('12345')).toBe('••••••');
  });
});

describe('school years', () => {
  it('reads the spellings of one school year as the canonical YYYY-YYYY', () => {
    const year = spec('students', 'school_year');
    for (const spelling of ['2023-2024', '2023 - 2024', '2023–2024', '2023 — 2024', '2023/2024', '2023-24']) expect(parse(year, spelling)).toBe('2023-2024');
    expect(parse(year, '2099-00')).toBe('2099-2100');
    expect(parse(spec('profiles', 'school_year'), '2024–2025')).toBe('2024-2025');
  });

  it('rejects years that are not consecutive and text that is not a school year', () => {
    const year = spec('staff', 'school_year');
    for (const text of ['2023-2025', '2023-2023', '2024-2023', '2023-25', '2023', '23-24', '2023 2024', 'năm học 2023-2024', '1899-1900', '2100-2101']) {
      expect(parse(year, text), text).toBe(INVALID);
    }
    expect(parse(year, 2023)).toBe(INVALID);
  });
});
