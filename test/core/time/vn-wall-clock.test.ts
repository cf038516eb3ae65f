import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { daysFromCivil } from '../../../functions/core/snapshot/civil-instant.ts';
import { addVnDays, parseInstant, vnDate, vnStartOfDay, VN_TZ } from '../../../functions/core/time.ts';
import { refusal, thrown } from './refusal.ts';

/* What the zone database says, for comparison with the fixed-offset arithmetic of 1976 on. */
const wallClockByZoneDatabase = (at: number): string => format(new TZDate(at, VN_TZ), "yyyy-MM-dd'T'HH:mm:ss.SSS");
const dateByZoneDatabase = (at: number): string => format(new TZDate(at, VN_TZ), 'yyyy-MM-dd');

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
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
    for (const at of [FIXED_FROM - 1, FIXED_FROM, Date.UTC(9999, 11, 31, 16, 59, 59, 999)]) {
      expect(vnDate(at)).toBe(dateByZoneDatabase(at));
    }
  });

  it('addVnDays counts calendar days, whatever the zone did to the clocks that day', () => {
    expect(addVnDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addVnDays('1975-12-31', 1)).toBe('1976-01-01');
    expect(() => addVnDays('2023-02-29', 1)).toThrow(DondocError);
    // date-fns, adding a day in the zone, once gave 29/4/1911 back: it lost the half minute of the local mean time (UTC+07:06:30) the clocks left that night.
    expect(addVnDays('1911-04-29', 1)).toBe('1911-04-30');
    expect(addVnDays('1911-05-12', -12)).toBe('1911-04-30');
  });

  it('addVnDays gives a real day that many days away by the civil count, for any four-digit year', () => {
    // Days of years 300–9700, moved by up to 274 years either way: the results stay four-digit years.
    const day = fc.integer({ min: daysFromCivil(300, 1, 1), max: daysFromCivil(9700, 1, 1) }).map((n) => new Date(n * DAY_MS).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -100_000, max: 100_000 }), (iso, n) => {
        const later = addVnDays(iso, n);
        const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
        const [ly, lmo, ld] = later.split('-').map(Number) as [number, number, number];
        expect(later).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(daysFromCivil(ly, lmo, ld) - daysFromCivil(y, mo, d)).toBe(n);
        expect(addVnDays(later, -n)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
    // The zone database's dates read years 0–99 as 1900–1999: a year-end of those years once came back unchanged.
    expect(addVnDays('0023-12-31', 1)).toBe('0024-01-01');
    expect(addVnDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('addVnDays refuses a day outside years 0000–9999, which it once wrote as 10000-01-01 or 00-1-12-31', () => {
    for (const [day, n] of [['9999-12-31', 1], ['0000-01-01', -1], ['2023-06-08', 3_000_000], ['2023-06-08', Number.NaN]] as const) {
      const err = thrown(() => addVnDays(day, n));
      expect(err, `${day} ${n}`).toBeInstanceOf(DondocError);
      expect((err as DondocError).code).toBe('INVALID_INSTANT');
    }
    expect(addVnDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addVnDays('0000-01-02', -1)).toBe('0000-01-01');
  });

  it('vnStartOfDay is an instant of that day whose millisecond before belongs to the day before, before and after 1976', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2200, 0, 1) }), (at) => {
        const day = dateByZoneDatabase(at);
        const start = vnStartOfDay(day);
        expect(dateByZoneDatabase(start)).toBe(day);
        expect(dateByZoneDatabase(start - 1) < day).toBe(true);
      }),
      // 1955-07-01T16:59:59.999Z: a CI run drew it, on the day whose midnight came twice.
      { numRuns: 3000, examples: [[Date.UTC(1947, 3, 1, 6)], [-457_686_000_001]] },
    );
  });

  it('starts 1 July 1955, whose midnight came twice, at the first, whatever the machine’s zone', () => {
    // At 01:00 of +08:00 the clocks went back to 00:00 of +07:00.
    expect(vnStartOfDay('1955-07-01')).toBe(Date.UTC(1955, 5, 30, 16));
    expect(parseInstant('1955-07-01T00:30')).toBe(Date.UTC(1955, 5, 30, 16, 30));
    expect(parseInstant('1955-07-01T01:00')).toBe(Date.UTC(1955, 5, 30, 18));
  });

  it('starts 1 April 1947, whose midnight the clocks skipped, when they jumped to 01:00 at UTC+08:00', () => {
    const jumped = Date.UTC(1947, 2, 31, 17);
    expect(vnStartOfDay('1947-04-01')).toBe(jumped);
    expect(parseInstant('1947-04-01')).toBe(jumped);
    expect(wallClockByZoneDatabase(jumped)).toBe('1947-04-01T01:00:00.000');
    expect(vnDate(jumped - 1)).toBe('1947-03-31');
    expect(vnStartOfDay('1947-04-02')).toBe(Date.UTC(1947, 3, 1, 16));
    expect((refusal('1947-04-01T00:30') as DondocError).code).toBe('INVALID_INSTANT');
    expect(addVnDays('1947-03-31', 1)).toBe('1947-04-01');
    expect(addVnDays('1947-04-01', 1)).toBe('1947-04-02');
  });

  it('reads years 0–99 as themselves, not as 1900–1999', () => {
    const at = parseInstant('0023-06-08T17:00');
    expect(vnDate(at)).toBe('0023-06-08');
    expect(wallClockByZoneDatabase(at)).toBe('0023-06-08T17:00:00.000');
    expect(vnStartOfDay('0023-06-08')).toBe(parseInstant('0023-06-08T00:00'));
    expect(at - vnStartOfDay('0023-06-08')).toBe(17 * HOUR_MS);
  });
});
