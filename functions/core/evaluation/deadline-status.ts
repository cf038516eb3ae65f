import { addVnDays, vnDate, vnStartOfDay } from '../time.ts';
import type { Status } from './types.ts';

/** 00:00 Vietnam time, `days` calendar days before the deadline's own day: when the first reminder goes out. */
export function reminderWindowStart(deadline: number, days: number): number {
  return vnStartOfDay(addVnDays(vnDate(deadline), -days));
}

/** The same, remembered per deadline: a catalog has a handful of deadlines and an evaluation thousands of results. */
export function reminderWindows(days: number): (deadline: number) => number {
  const starts = new Map<number, number>();
  return (deadline) => {
    let at = starts.get(deadline);
    if (at === undefined) {
      at = reminderWindowStart(deadline, days);
      starts.set(deadline, at);
    }
    return at;
  };
}

/**
 * Where a unit stands against a requirement. A deadline is an instant: at 17:00:00 on a
 * 17:00 deadline an unmet requirement is overdue, one millisecond earlier it is not.
 */
export function deadlineStatus(
  met: boolean,
  compliantSince: number | undefined,
  deadline: number | undefined,
  asOf: number,
  windowStart: (deadline: number) => number,
): Status {
  if (deadline === undefined) return met ? 'compliant' : 'non_compliant';
  if (met) return compliantSince !== undefined && compliantSince <= deadline ? 'compliant' : 'compliant_late';
  if (asOf >= deadline) return 'overdue';
  return asOf >= windowStart(deadline) ? 'due_soon' : 'pending';
}
