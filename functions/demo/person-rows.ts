import { COLUMNS, type EntityKind, type Level } from '../core/snapshot/entities.ts';
import { dayString, firstDayOfYear, type DemoCalendar } from './demo-calendar.ts';
import { fakeName, type FakeNationalIds } from './fake-people.ts';
import type { Rng } from './prng.ts';

/** What one generated row must be, as far as the identity statistics are concerned. */
export type RowKind = 'verified' | 'unverified' | 'inactive';

export interface RowContext {
  rng: Rng;
  calendar: DemoCalendar;
  ids: FakeNationalIds;
  unitCode: string;
  level: Level;
}

/** Share of enum cells written with their Vietnamese label instead of the English value. */
const LABEL_SHARE = 0.1;

/** The first Vietnamese label the snapshot contract accepts for a value, so labels stay in step with the parser. */
function label(entity: EntityKind, column: string, value: string): string {
  const spec = COLUMNS[entity].find((c) => c.name === column);
  const first = spec?.labels?.[value]?.[0];
  if (!first) throw new Error(`no Vietnamese label for ${entity}.${column}=${value}`);
  return first;
}

export function enumCell(rng: Rng, entity: EntityKind, column: string, value: string): string {
  return value !== '' && rng.chance(LABEL_SHARE) ? label(entity, column, value) : value;
}

function dateCell(rng: Rng, day: number): string {
  const iso = dayString(day);
  return rng.chance(0.15) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

function birthDay(rng: Rng, year: number): number {
  const first = firstDayOfYear(year);
  return first + rng.int(firstDayOfYear(year + 1) - first);
}

function verification(rng: Rng, kind: RowKind): string {
  if (kind === 'verified') return 'verified';
  if (kind === 'unverified') return rng.chance(0.8) ? 'unverified' : 'mismatch';
  return rng.chance(0.9) ? 'verified' : 'unverified';
}

/** Most changes reach the sector database within three days; some later, as the update-window rules expect to find. */
function updateLag(rng: Rng): number {
  const x = rng.next();
  if (x < 0.75) return rng.between(0, 3);
  if (x < 0.9) return rng.between(4, 5);
  return rng.between(6, 30);
}

const MN_GROUPS = [
  { name: 'Nhà trẻ', age: 2 },
  { name: 'Mầm', age: 3 },
  { name: 'Chồi', age: 4 },
  { name: 'Lá', age: 5 },
] as const;
const FIRST_GRADE: Record<Exclude<Level, 'MN'>, number> = { TH: 1, THCS: 6, THPT: 10, GDTX: 10 };
const GRADES: Record<Exclude<Level, 'MN'>, number> = { TH: 5, THCS: 4, THPT: 3, GDTX: 3 };
const SECTIONS = 'ABCDEFGH';

/** A class and a birth year that fits it (a child starts grade 1 the year it turns six). */
function classAndBirthYear(rng: Rng, level: Level, yearStart: number): { className: string; birthYear: number } {
  if (level === 'MN') {
    const group = rng.pick(MN_GROUPS);
    return { className: `${group.name} ${rng.between(1, 4)}`, birthYear: yearStart - group.age };
  }
  const grade = FIRST_GRADE[level] + rng.int(GRADES[level]);
  const birthYear = yearStart - 5 - grade;
  if (level === 'THPT') return { className: `${grade}A${rng.between(1, 10)}`, birthYear };
  if (level === 'GDTX') return { className: `GDTX ${grade}${SECTIONS[rng.int(3)]}`, birthYear: birthYear - rng.int(4) };
  return { className: `${grade}${SECTIONS[rng.int(6)]}`, birthYear };
}

/** One students.csv row, in COLUMNS.students order. */
export function studentRow(c: RowContext, code: string, kind: RowKind): string[] {
  const { rng, calendar } = c;
  const female = rng.chance(0.49);
  const repeating = kind !== 'inactive' && c.level !== 'MN' && rng.chance(0.015);
  const { className, birthYear: expected } = classAndBirthYear(rng, c.level, calendar.schoolYearStart);
  const birthYear = expected - (repeating || rng.chance(0.04) ? 1 : 0);
  const idVerification = verification(rng, kind);
  const hasId = idVerification !== 'unverified' || rng.chance(0.7);
  const status = kind === 'inactive' ? (rng.chance(0.6) ? 'transferred_out' : 'dropped_out') : repeating ? 'repeating' : rng.chance(0.03) ? '' : 'studying';
  const effective = kind === 'inactive' ? calendar.dayBefore(rng, calendar.yearStartDay + 10) : repeating ? calendar.yearStartDay : undefined;
  const withOffset = rng.chance(0.9);
  const updatedAt = effective === undefined ? calendar.stamp(rng, calendar.yearStartDay - 20, withOffset) : calendar.stampAfter(rng, effective, updateLag(rng), withOffset);
  return [
    c.unitCode,
    code,
    rng.chance(0.003) ? '' : fakeName(rng, female),
    dateCell(rng, birthDay(rng, birthYear)),
    c.level,
    className,
    hasId ? c.ids.next(female, birthYear) : '',
    enumCell(rng, 'students', 'id_verification', idVerification),
    enumCell(rng, 'students', 'status', status),
    effective === undefined ? '' : dayString(effective),
    updatedAt,
    calendar.schoolYear,
  ];
}

function role(rng: Rng): string {
  const x = rng.next();
  return x < 0.06 ? 'manager' : x < 0.2 ? 'employee' : 'teacher';
}

function contract(rng: Rng): string {
  const x = rng.next();
  return x < 0.78 ? 'permanent' : x < 0.97 ? 'contract' : 'visiting';
}

function qualification(rng: Rng, level: Level, staffRole: string): string {
  const x = rng.next();
  if (staffRole === 'employee') return x < 0.4 ? 'Trung cấp' : x < 0.7 ? 'Cao đẳng' : 'Đại học';
  if (level === 'MN') return x < 0.35 ? 'Cao đẳng' : x < 0.95 ? 'Đại học' : 'Thạc sĩ';
  return x < 0.02 ? 'Cao đẳng' : x < 0.82 ? 'Đại học' : 'Thạc sĩ';
}

/** The snapshot contract accepts several spellings of a boolean; a real export uses whichever its template did. */
export function booleanCell(rng: Rng, value: boolean): string {
  const x = rng.next();
  if (x < 0.7) return value ? 'true' : 'false';
  if (x < 0.85) return value ? 'có' : 'không';
  return value ? '1' : '0';
}

/** One staff.csv row, in COLUMNS.staff order. */
export function staffRow(c: RowContext, code: string, kind: RowKind): string[] {
  const { rng, calendar } = c;
  const female = rng.chance(c.level === 'MN' ? 0.97 : 0.7);
  const status = kind === 'inactive' ? rng.pick(['left', 'retired', 'retired', 'transferred_out']) : rng.chance(0.03) ? '' : 'working';
  const age = status === 'retired' ? rng.between(55, 61) : rng.between(23, 59);
  const birthYear = calendar.schoolYearStart + 1 - age;
  const staffRole = role(rng);
  const idVerification = verification(rng, kind);
  const hasId = idVerification !== 'unverified' || rng.chance(0.7);
  const reviewed = kind === 'inactive' ? rng.chance(0.5) : rng.chance(0.88);
  const effective = kind === 'inactive' ? calendar.dayBefore(rng, calendar.yearStartDay + 10) : undefined;
  const withOffset = rng.chance(0.9);
  const updatedAt = effective === undefined ? calendar.stamp(rng, calendar.yearStartDay - 20, withOffset) : calendar.stampAfter(rng, effective, updateLag(rng), withOffset);
  return [
    c.unitCode,
    code,
    rng.chance(0.003) ? '' : fakeName(rng, female),
    rng.chance(0.15) ? String(birthYear) : dateCell(rng, birthDay(rng, birthYear)),
    c.level,
    enumCell(rng, 'staff', 'role', staffRole),
    enumCell(rng, 'staff', 'contract', contract(rng)),
    qualification(rng, c.level, staffRole),
    booleanCell(rng, staffRole === 'employee' ? rng.chance(0.1) : rng.chance(0.95)),
    hasId ? c.ids.next(female, birthYear) : '',
    enumCell(rng, 'staff', 'id_verification', idVerification),
    reviewed ? calendar.stamp(rng, calendar.asOfDay - 25, true) : '',
    enumCell(rng, 'staff', 'status', status),
    effective === undefined ? '' : dayString(effective),
    updatedAt,
    calendar.schoolYear,
  ];
}

/** Column headers, straight from the snapshot contract, so the rows above and the parser cannot drift apart. */
export function headerOf(entity: EntityKind): string[] {
  return COLUMNS[entity].map((c) => c.name);
}
