import type { Level } from '../core/snapshot/entities.ts';
import { dayString, type DemoCalendar } from './demo-calendar.ts';
import { PROVINCE_NAME, wardsOf } from './hai-phong-wards.ts';
import { booleanCell } from './person-rows.ts';
import type { Rng } from './prng.ts';
import type { ProvinceUnit } from './province-units.ts';

/** Share of profiles whose data officer left one to three of the six facility booleans blank. */
const CARELESS_SHARE = 0.22;
const BLANK_ACCREDITATION = 0.08;
const BLANK_STANDARD = 0.05;
/** Share of profiles whose declared totals were typed from an older count. */
const STALE_TOTALS_SHARE = 0.1;
/** Share of profiles changed in the last few months; the rest last changed up to about fourteen months ago. */
const RECENT_SHARE = 0.45;

/**
 * Days from a change taking effect to its recording. The update-window rules compare
 * `updated_at` with the start of the effective day and a stamp falls in working hours, so
 * a lag of 0–2 days stays within 3 days (fine), 3–4 days lands in the 3–5-day warning band,
 * 5 days or more is a violation.
 */
function changeLag(rng: Rng): number {
  const x = rng.next();
  if (x < 0.7) return rng.between(0, 2);
  if (x < 0.85) return rng.between(3, 4);
  return rng.between(5, 20);
}

/** The school year a day falls in: Vietnamese school years, and the rollover to the next, start in September. */
function schoolYearOf(day: number): string {
  const [year, month] = dayString(day).split('-').map(Number) as [number, number];
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

function sum(counts: ProvinceUnit['students']): number {
  return Object.values(counts).reduce((total, tally) => total + (tally?.total ?? 0), 0);
}

/** The planned active counts are exactly what the person files hold, so most profiles declare them; a few are off. */
function declaredTotals(rng: Rng, unit: ProvinceUnit): [number, number] {
  const totals: [number, number] = [sum(unit.students), sum(unit.staff)];
  if (rng.chance(STALE_TOTALS_SHARE)) {
    const i = rng.chance(0.6) ? 0 : 1;
    const actual = totals[i];
    const delta = Math.max(1, Math.round(actual * (0.01 + 0.04 * rng.next())));
    totals[i] = rng.chance(0.5) || actual < delta ? actual + delta : actual - delta;
  }
  return totals;
}

function teaches(levels: readonly Level[], some: readonly Level[]): boolean {
  return levels.some((level) => some.includes(level));
}

/** The six facility facts of seed 003 §4.1–4.2, in contract order; a pre-school rarely teaches online or uses computers. */
function facilities(rng: Rng, levels: readonly Level[]): string[] {
  const school = teaches(levels, ['TH', 'THCS', 'THPT', 'GDTX']);
  const facts = [
    rng.chance(school ? 0.75 : 0.1),
    rng.chance(school ? 0.97 : 0.6),
    rng.chance(0.95),
    rng.chance(0.995),
    rng.chance(0.95),
    rng.chance(0.97),
  ].map((value) => booleanCell(rng, value));
  if (rng.chance(CARELESS_SHARE)) {
    for (let blanks = rng.between(1, 3); blanks > 0; blanks--) facts[rng.int(facts.length)] = '';
  }
  return facts;
}

/**
 * One profiles.csv row, in COLUMNS.profiles order. The profile's school year is the one its
 * last update fell in: rolling a profile over to a new year is itself an update, so a
 * profile untouched since before September still carries the previous year.
 */
export function profileRow(rng: Rng, calendar: DemoCalendar, unit: ProvinceUnit): string[] {
  const { unitCode, district, levels } = unit.unit;
  const lag = changeLag(rng);
  const latestEffective = calendar.asOfDay - 1 - lag;
  const effective = latestEffective - (rng.chance(RECENT_SHARE) ? rng.between(0, 75) : rng.between(76, 420));
  const wards = wardsOf(district);
  const [students, staff] = declaredTotals(rng, unit);
  return [
    unitCode,
    wards.length === 0 ? '' : rng.pick(wards),
    district ?? '',
    PROVINCE_NAME,
    rng.chance(BLANK_ACCREDITATION) ? '' : String(rng.pick([0, 1, 1, 2, 2, 2, 3, 3, 4])),
    rng.chance(BLANK_STANDARD) ? '' : String(rng.pick([0, 1, 1, 1, 2])),
    ...facilities(rng, levels),
    String(students),
    String(staff),
    dayString(effective),
    calendar.stampAfter(rng, effective, lag, rng.chance(0.9)),
    schoolYearOf(effective + lag),
  ];
}
