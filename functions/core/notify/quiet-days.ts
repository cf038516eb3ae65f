import { addVnDays } from '../time.ts';
import type { EffectivePolicy } from './policy.ts';
import { isoWeekday } from './run-days.ts';

export function isQuietDay(policy: EffectivePolicy, day: string): boolean {
  return policy.quietDates.has(day) || policy.quietWeekdays.has(isoWeekday(day));
}

/**
 * The nearest working day in a direction, the day itself if it is one. A reminder moves
 * earlier (it must still arrive before the deadline); an escalation moves later (it cannot
 * come before the deadline has passed).
 */
export function toWorkingDay(policy: EffectivePolicy, day: string, direction: -1 | 1): string {
  let candidate = day;
  // A policy may silence every weekday; a year of quiet days means nothing will ever go out.
  for (let i = 0; i < 366; i += 1) {
    if (!isQuietDay(policy, candidate)) return candidate;
    candidate = addVnDays(candidate, direction);
  }
  return day;
}
