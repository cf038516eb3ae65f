import type { Rng } from './prng.ts';
import { DAY_MS, formatVn } from '../core/time.ts';

const WORK_START = 7 * 60;
const WORK_END = 17 * 60 + 30;

/** Days since 1970-01-01 of a calendar date; calendar arithmetic only, no time zone involved. */
export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y as number, (m as number) - 1, d as number) / DAY_MS;
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

/** Memoised: a province's rows reuse a few thousand distinct days half a million times. */
const dayStrings = new Map<number, string>();

export function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayStrings.set(day, s);
  }
  return s;
}

/**
 * The generator's sense of time, fixed by the as-of instant: Vietnam calendar days and
 * minutes, composed into timestamps as a Vietnamese export writes them. Every stamp it
 * makes falls strictly before the as-of.
 */
export class DemoCalendar {
  readonly asOfDay: number;
  readonly asOfMinute: number;
  /** the calendar year the current school year began in (it starts in September) */
  readonly schoolYearStart: number;
  readonly schoolYear: string;
  /** the first day of the school year (early September) */
  readonly yearStartDay: number;
  private readonly lastDay: number;

  constructor(asOf: number) {
    const vn = formatVn(asOf);
    this.asOfDay = dayNumber(vn.slice(0, 10));
    this.asOfMinute = Number(vn.slice(11, 13)) * 60 + Number(vn.slice(14, 16));
    const [year, month] = vn.split('-').map(Number) as [number, number];
    this.schoolYearStart = month >= 9 ? year : year - 1;
    this.schoolYear = `${this.schoolYearStart}-${this.schoolYearStart + 1}`;
    this.yearStartDay = dayNumber(`${this.schoolYearStart}-09-05`);
    this.lastDay = this.asOfMinute > WORK_START ? this.asOfDay : this.asOfDay - 1;
  }

  /** A working-hours stamp on a day in [fromDay, as-of), clamped to the as-of. */
  stamp(rng: Rng, fromDay: number, withOffset: boolean): string {
    const from = Math.min(fromDay, this.lastDay);
    return this.stampOn(rng.between(from, this.lastDay), rng, withOffset);
  }

  /** A working-hours stamp `lagDays` after `day`, clamped to the as-of. */
  stampAfter(rng: Rng, day: number, lagDays: number, withOffset: boolean): string {
    return this.stampOn(Math.min(day + lagDays, this.lastDay), rng, withOffset);
  }

  /** A day in [fromDay, the day before the as-of]. */
  dayBefore(rng: Rng, fromDay: number): number {
    const last = this.asOfDay - 1;
    return rng.between(Math.min(fromDay, last), last);
  }

  private stampOn(day: number, rng: Rng, withOffset: boolean): string {
    const end = day === this.asOfDay ? Math.min(WORK_END, this.asOfMinute) : WORK_END;
    const minute = rng.between(WORK_START, end - 1);
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    return `${dayString(day)}T${hh}:${mm}:${String(rng.int(60)).padStart(2, '0')}${withOffset ? '+07:00' : ''}`;
  }
}
