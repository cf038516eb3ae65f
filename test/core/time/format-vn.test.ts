import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { formatVn, formatVnDay, formatVnOfficial, parseInstant, VN_TZ } from '../../../functions/core/time.ts';
import { thrown } from './refusal.ts';

/** What the zone database says, for comparison with formatVn's arithmetic. */
const byZoneDatabase = (at: number): string => format(new TZDate(at, VN_TZ), "yyyy-MM-dd'T'HH:mm:ssxxx");

/** The instant Vietnam's clocks left local mean time (+07:06:30) for +07:00: at midnight of 1 May 1911 they were set back to 23:53:30. */
const LMT_UNTIL = Date.UTC(1911, 3, 30, 16, 53, 30);

describe('formatVn', () => {
  it('writes what the zone database would, once Vietnam kept offsets of whole minutes', () => {
    fc.assert(
      fc.property(fc.double({ min: LMT_UNTIL, max: Date.UTC(2200, 0, 1), noNaN: true }), (at) => {
        expect(formatVn(at)).toBe(byZoneDatabase(at));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees at the edges of the fixed offset', () => {
    const from = Date.UTC(1976, 0, 1) - 7 * 3_600_000;
    for (const at of [from - 1, from, from + 1, Date.UTC(1975, 5, 12, 16), Date.UTC(9999, 11, 31, 16, 59, 59, 999), 0, LMT_UNTIL]) {
      expect(formatVn(at)).toBe(byZoneDatabase(at));
    }
  });

  it('writes the local mean time in whole minutes, +07:07, with the wall clock of that offset, so that it reads back', () => {
    // The zone database writes +07:06 beside the wall clock of +07:06:30: the text read back was half a minute late.
    const lmt = Date.UTC(1900, 0, 1, 10);
    expect(byZoneDatabase(lmt)).toBe('1900-01-01T17:06:30+07:06');
    expect(formatVn(lmt)).toBe('1900-01-01T17:07:00+07:07');
    expect(parseInstant(formatVn(lmt))).toBe(lmt);
    expect(formatVn(LMT_UNTIL - 1)).toBe('1911-05-01T00:00:29+07:07');
    expect(formatVn(LMT_UNTIL)).toBe('1911-04-30T23:53:30+07:00');
  });

  it('writes year 0 as 0000, not as the era year 1 (1 BC)', () => {
    expect(formatVn(parseInstant('0000-06-01T12:00'))).toBe('0000-06-01T12:00:30+07:07');
    expect(formatVn(parseInstant('0001-01-01T00:00+14:00'))).toBe('0000-12-31T17:07:00+07:07');
    expect(formatVn(parseInstant('0023-06-08T17:00:00'))).toBe('0023-06-08T17:00:30+07:07');
  });

  it('refuses what is not an instant of years 0000–9999 in Vietnam, NaN included, rather than print it', () => {
    for (const at of [Number.NaN, Date.UTC(9999, 11, 31, 17)]) {
      const err = thrown(() => formatVn(at));
      expect(err, String(at)).toBeInstanceOf(DondocError);
      expect((err as DondocError).code).toBe('INVALID_INSTANT');
    }
  });
});

describe('formatVnOfficial and formatVnDay', () => {
  it('write the day as dispatches do, the hour only when it is not midnight', () => {
    expect(formatVnOfficial(parseInstant('2023-06-08T17:00:00+07:00'))).toBe('17h00 ngày 08/6/2023');
    expect(formatVnOfficial(parseInstant('2024-02-10'))).toBe('ngày 10/2/2024');
    expect(formatVnDay('2023-06-23')).toBe('23/6/2023');
  });

  it('write years 0–999 with four digits, year 0 as 0000', () => {
    expect(formatVnOfficial(parseInstant('0000-06-01T12:00'))).toBe('12h00 ngày 01/6/0000');
    expect(formatVnOfficial(parseInstant('0023-06-08'))).toBe('ngày 08/6/0023');
    expect(formatVnDay('0000-12-31')).toBe('31/12/0000');
    expect(formatVnDay('0999-01-05')).toBe('05/1/0999');
  });

  it('read the day in the exact offset, as vnDate does, before 1911', () => {
    // 23:59:45 of local mean time is 00:00:15+07:07 as formatVn writes it, but still the 31st.
    expect(formatVnOfficial(parseInstant('1900-12-31T23:59:45'))).toBe('23h59 ngày 31/12/1900');
  });

  it('refuse a day that does not exist and an instant outside years 0000–9999', () => {
    expect(() => formatVnDay('2023-02-29')).toThrow(DondocError);
    expect(() => formatVnOfficial(Date.UTC(9999, 11, 31, 17))).toThrow(DondocError);
  });
});
