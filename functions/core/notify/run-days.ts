import { DAY_MS, addVnDays, parseInstant, vnDate } from '../time.ts';

/** The scheduled run: every day at 08:00 Vietnam time (cli-contract.md). */
export const RUN_TIME = '08:00';

/** When the run of a calendar day (YYYY-MM-DD, Vietnam) happens. */
export function runAt(day: string): number {
  return parseInstant(`${day}T${RUN_TIME}`);
}

/** The day of the first run at or after an instant: the first run that can see a deadline as passed. */
export function firstRunDayAtOrAfter(instant: number): string {
  const day = vnDate(instant);
  return runAt(day) >= instant ? day : addVnDays(day, 1);
}

/**
 * The last calendar day on which a unit can still meet a deadline: the deadline's own day for
 * "17h00 ngày 08/6/2023", the day before for "trước ngày 10/02/2024" (00:00), which nobody
 * can act on.
 */
export function lastDayToAct(deadline: number): string {
  let day = lastDays.get(deadline);
  if (day === undefined) {
    day = vnDate(deadline - 1);
    lastDays.set(deadline, day);
  }
  return day;
}

/* A catalog has a handful of deadlines and a run asks this for every row and reminder; the zone
   lookup behind vnDate costs tens of microseconds, so each deadline's day is worked out once. */
const lastDays = new Map<number, string>();

/** ISO weekday of a calendar day, 1 = Monday … 7 = Sunday; the date alone decides, not the machine's zone. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Calendar days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
