import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, utcInstant } from '../../../functions/core/snapshot/civil-instant.ts';

describe('utcInstant', () => {
  it('is Date.UTC for every real day and time, leap days and centuries included', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2300-12-31T23:59:59.999Z'), noInvalidDate: true }),
        (date) => {
          const [y, mo, d, h, mi, s, ms] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()];
          expect(utcInstant(y, mo, d, h, mi, s, ms)).toBe(date.getTime());
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('counts days from 1970-01-01 across the edges of months and leap years', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 2, 29) + 1).toBe(daysFromCivil(2000, 3, 1));
    expect(daysFromCivil(1900, 2, 28) + 1).toBe(daysFromCivil(1900, 3, 1));
    expect(daysFromCivil(2023, 6, 8)).toBe(Date.UTC(2023, 5, 8) / 86_400_000);
  });
});
