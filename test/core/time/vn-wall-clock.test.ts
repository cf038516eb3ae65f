import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { addVnDays, parseInstant, vnDate, VN_TZ } from '../../../functions/core/time.ts';
import { refusal } from './refusal.ts';

/* What the zone database says, for comparison with the fixed-offset arithmetic of 1976 on. */
const wallClockByZoneDatabase = (at: number): string => format(new TZDate(at, VN_TZ), "yyyy-MM-dd'T'HH:mm:ss.SSS");
const dateByZoneDatabase = (at: number): string => format(new TZDate(at, VN_TZ), 'yyyy-MM-dd');

const HOUR_MS = 3_600_000;
const FIXED_FROM = Date.UTC(1976, 0, 1) - 7 * HOUR_MS;

describe('Vietnam wall clocks', () => {
  it('parseInstant reads a wall clock without an offset as the zone database places it, from 1976 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIXED_FROM, max: Date.UTC(2200, 0, 1) }), (at) => {
        expect(parseInstant(wallClockByZoneDatabase(at))).toBe(at);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseInstant keeps the zone database for the offsets before 1976, and refuses a wall clock it skipped', () => {
    expect(parseInstant('1975-12-31T23:59:59')).toBe(FIXED_FROM - 1000);
    expect(parseInstant('1976-01-01')).toBe(FIXED_FROM);
    // UTC+08:00 from 1960 to 13 June 1975; the clocks went from 23:00 on 31/12/1959 to midnight.
    expect(parseInstant('1970-01-01T08:00')).toBe(Date.UTC(1970, 0, 1));
    expect(parseInstant('1960-01-01T00:00')).toBe(Date.UTC(1959, 11, 31, 16));
    expect((refusal('1959-12-31T23:30') as DondocError).code).toBe('INVALID_INSTANT');
  });

  it('parseInstant refuses a wall clock whose time does not exist, rather than carrying it over', () => {
    for (const text of ['2023-06-08T10:60', '2023-06-08T24:00', '2023-06-08T23:59:60', '2023-02-29', '1970-06-08T10:60']) {
      const err = refusal(text);
      expect(err, text).toBeInstanceOf(DondocError);
      expect((err as DondocError).code).toBe('INVALID_INSTANT');
    }
  });

  it('vnDate gives the day the zone database gives, before and after 1976', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (at) => {
        expect(vnDate(at)).toBe(dateByZoneDatabase(at));
      }),
      { numRuns: 3000 },
    );
    for (const at of [FIXED_FROM - 1, FIXED_FROM, Date.UTC(9999, 11, 31, 16, 59, 59, 999), Date.UTC(9999, 11, 31, 17)]) {
      expect(vnDate(at)).toBe(dateByZoneDatabase(at));
    }
  });

  it('addVnDays counts calendar days as date-fns does in the zone, across 1976 and leap days', () => {
    const days = fc.record({ at: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), days: fc.integer({ min: -5000, max: 5000 }) });
    fc.assert(
      fc.property(days, ({ at, days: n }) => {
        const iso = dateByZoneDatabase(at);
        const start = parseInstant(iso);
        expect(addVnDays(iso, n)).toBe(format(addDays(new TZDate(start, VN_TZ), n), 'yyyy-MM-dd'));
      }),
      { numRuns: 3000 },
    );
    expect(addVnDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addVnDays('1975-12-31', 1)).toBe('1976-01-01');
    expect(addVnDays('9999-12-31', 1)).toBe('10000-01-01');
    expect(() => addVnDays('2023-02-29', 1)).toThrow(DondocError);
  });
});
