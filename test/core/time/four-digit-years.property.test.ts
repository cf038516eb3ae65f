import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { formatVn, formatVnOfficial, parseInstant, vnDate, vnStartOfDay } from '../../../functions/core/time.ts';
import { refusal, thrown } from './refusal.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Local mean time, the offset Vietnam's clocks kept until 1911. */
const LMT_MS = 7 * HOUR_MS + 6 * MINUTE_MS + 30_000;
/** When the clocks left local mean time: at its midnight of 1 May 1911 they were set back to 23:53:30 at +07:00. */
const LMT_UNTIL = Date.UTC(1911, 3, 30, 16, 53, 30);

/** 0000-01-01T00:00 in Vietnam; Date.UTC would read year 0 as 1900. */
const FIRST = new Date(0).setUTCFullYear(0, 0, 1) - LMT_MS;
/** 9999-12-31T23:59:59.999 in Vietnam. */
const LAST = Date.UTC(9999, 11, 31, 16, 59, 59, 999);

const PRINTED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Instants of the whole range, with draws weighted to where formatting has gone wrong: years 0–99, local mean time, the edges. */
const inRange = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }),
  fc.integer({ min: FIRST, max: Date.UTC(100, 0, 1) }),
  fc.integer({ min: FIRST, max: LMT_UNTIL }),
  fc.integer({ min: LMT_UNTIL - DAY_MS, max: LMT_UNTIL + DAY_MS }),
  fc.integer({ min: FIRST, max: FIRST + DAY_MS }),
  fc.integer({ min: LAST - DAY_MS, max: LAST }),
);

/** `at` (whole seconds) as its wall clock in an offset of `minutes`, if four digits can write its year. */
function withOffset(at: number, minutes: number): string | undefined {
  const wall = new Date(at + minutes * MINUTE_MS);
  const year = wall.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  const sign = minutes < 0 ? '-' : '+';
  return `${pad(year, 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const isInvalidInstant = (err: unknown): boolean => err instanceof DondocError && err.code === 'INVALID_INSTANT';

describe('instants of years 0000–9999 in Vietnam', () => {
  it('the range starts at the first instant of 0000-01-01, in local mean time, and ends with 9999-12-31', () => {
    expect(vnStartOfDay('0000-01-01')).toBe(FIRST);
    expect(parseInstant('0000-01-01T00:00:00')).toBe(FIRST);
    expect(parseInstant('9999-12-31T23:59:59.999')).toBe(LAST);
    expect(vnDate(FIRST)).toBe('0000-01-01');
    expect(vnDate(LAST)).toBe('9999-12-31');
  });

  it('formatVn writes each as ISO 8601 with four-digit years and a whole-minute offset, which parseInstant reads back to the second', () => {
    fc.assert(
      fc.property(inRange, (at) => {
        const text = formatVn(at);
        expect(text).toMatch(PRINTED);
        expect(parseInstant(text)).toBe(Math.floor(at / 1000) * 1000);
        expect(vnStartOfDay(vnDate(at))).toBeLessThanOrEqual(at);
      }),
      {
        numRuns: 5000,
        // The first half minute of year 0, which +07:06 would write in year −1; 17:06:30 of local mean time, written 17:06:30+07:06 and read back 30 s late.
        examples: [[FIRST], [FIRST + 29_999], [LAST], [Date.UTC(1900, 0, 1, 10)], [LMT_UNTIL - 1]],
      },
    );
  });

  it('parseInstant refuses a time with an offset whose Vietnam wall clock is outside them, and accepts the rest', () => {
    const nearEdge = fc.oneof(fc.integer({ min: FIRST - DAY_MS, max: FIRST + DAY_MS }), fc.integer({ min: LAST - DAY_MS, max: LAST + DAY_MS })).map((at) => Math.floor(at / 1000) * 1000);
    fc.assert(
      fc.property(nearEdge, fc.integer({ min: -12 * 60, max: 14 * 60 }), (at, minutes) => {
        const text = withOffset(at, minutes);
        fc.pre(text !== undefined);
        if (at >= FIRST && at <= LAST) {
          expect(parseInstant(text as string)).toBe(at);
        } else {
          expect(isInvalidInstant(refusal(text as string)), text).toBe(true);
          expect(isInvalidInstant(thrown(() => formatVn(at)))).toBe(true);
          expect(isInvalidInstant(thrown(() => vnDate(at)))).toBe(true);
          expect(isInvalidInstant(thrown(() => formatVnOfficial(at)))).toBe(true);
        }
      }),
      { numRuns: 3000, examples: [[LAST + 1, -12 * 60], [FIRST - 1000, 14 * 60], [FIRST, 0], [LAST - 999, 14 * 60]] },
    );
  });

  it('refuses them in words, in Vietnamese and English', () => {
    // Once read as 10000-01-01T18:59:59+07:00, which no four-digit year writes.
    const err = refusal('9999-12-31T23:59:59-12:00') as DondocError;
    expect(err.code).toBe('INVALID_INSTANT');
    expect(err.message).toContain('ngoài khoảng năm 0000–9999');
    expect(err.message).toContain('outside years 0000–9999');
    expect((refusal('0000-01-01T00:00:00+14:00') as DondocError).code).toBe('INVALID_INSTANT');
    expect(parseInstant('9999-12-31T23:59:59+07:00')).toBe(LAST - 999);
    expect(parseInstant('0000-01-01T00:00:30+07:07')).toBe(FIRST);
    expect((refusal('0000-01-01T00:00:29+07:07') as DondocError).code).toBe('INVALID_INSTANT');
  });
});
