import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDay, isValidDay } from '../../../functions/core/snapshot/calendar-date.ts';
import { daysFromCivil } from '../../../functions/core/snapshot/civil-instant.ts';

const DAY_MS = 86_400_000;

describe('days from 1970-01-01', () => {
  it('daysFromCivil is Date.UTC for every real day, leap days and centuries included', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2300-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(Math.floor(date.getTime() / DAY_MS));
      }),
      { numRuns: 5000 },
    );
  });

  it('the month table gives every day of 1900–2100 as Date.UTC does, and only the days that exist', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1899, max: 2101 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, mo, d) => {
        const real = y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
        expect(isValidDay(y, mo, d)).toBe(real);
        if (real) expect(epochDay(y, mo, d)).toBe(Date.UTC(y, mo - 1, d) / DAY_MS);
      }),
      { numRuns: 20000 },
    );
    expect([isValidDay(2000, 2, 29), isValidDay(1900, 2, 29), isValidDay(2100, 2, 29), isValidDay(2024, 2, 29)]).toEqual([true, false, false, true]);
    expect([isValidDay(Number.NaN, 1, 1), isValidDay(-1, 1, 1), isValidDay(2023, -1, 1), isValidDay(2023, 1, -1)]).toEqual([false, false, false, false]);
  });

  it('counts days from 1970-01-01 across the edges of months and leap years', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 2, 29) + 1).toBe(daysFromCivil(2000, 3, 1));
    expect(daysFromCivil(1900, 2, 28) + 1).toBe(daysFromCivil(1900, 3, 1));
    expect(daysFromCivil(2023, 6, 8)).toBe(Date.UTC(2023, 5, 8) / 86_400_000);
  });
});
