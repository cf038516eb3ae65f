import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { offsetMinutes, parseInstant } from '../../../functions/core/time.ts';
import { refusal } from './refusal.ts';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

describe('parseInstant', () => {
  it('reads an instant with Z or an offset, with or without seconds, its colon and a fraction', () => {
    const at = Date.UTC(2023, 5, 8, 10, 0, 0);
    for (const text of ['2023-06-08T17:00+07:00', '2023-06-08T17:00:00+0700', '2023-06-08T10:00:00Z', '2023-06-08T10:00:00.000z', '2023-06-08T04:30:00-05:30', '  2023-06-08T17:00:00+07:00 ']) {
      expect(parseInstant(text), text).toBe(at);
    }
    expect(parseInstant('2023-06-08T10:00:00.1234567Z')).toBe(at + 123);
    expect(parseInstant('2024-02-29T23:59:59+14:00')).toBe(Date.UTC(2024, 1, 29, 9, 59, 59));
  });

  it('agrees with Date.parse on every real instant and offset', () => {
    const instants = fc.record({
      at: fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9998, 11, 31) }),
      offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
    });
    fc.assert(
      fc.property(instants, ({ at, offset }) => {
        const wall = new Date(at + offset * 60_000);
        const sign = offset < 0 ? '-' : '+';
        const text = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}.${pad(wall.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        expect(parseInstant(text)).toBe(Date.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses days, times and offsets that do not exist, where Date.parse would carry them over', () => {
    for (const text of ['2023-02-30T10:00+07:00', '2023-04-31T10:00:00Z', '2023-02-29T10:00:00+07:00', '2023-06-08T24:00+07:00', '2023-06-08T23:60+07:00', '2023-06-08T23:59:60Z', '2023-06-08T10:00+15:00', '2023-06-08T10:00-13:00', '2023-06-08T10:00+07:60', '2023-13-01T10:00Z']) {
      const err = refusal(text);
      expect(err, text).toBeInstanceOf(DondocError);
      expect((err as DondocError).code).toBe('INVALID_INSTANT');
    }
    expect(Number.isNaN(Date.parse('2023-02-30T10:00+07:00'))).toBe(false);
  });

  it('reads a time without an offset as Vietnam time, and refuses one that does not exist', () => {
    expect(parseInstant('2023-06-08T17:00')).toBe(Date.UTC(2023, 5, 8, 10, 0, 0));
    expect(parseInstant('2023-06-08')).toBe(Date.UTC(2023, 5, 7, 17, 0, 0));
    expect((refusal('2023-02-30T10:00') as DondocError).code).toBe('INVALID_INSTANT');
  });
});

describe('offsetMinutes', () => {
  it('keeps the offsets clocks keep, from UTC−12:00 to UTC+14:00', () => {
    expect(offsetMinutes('+', 7, 0)).toBe(420);
    expect(offsetMinutes('-', 5, 30)).toBe(-330);
    expect(offsetMinutes('+', 14, 0)).toBe(840);
    expect(offsetMinutes('-', 12, 0)).toBe(-720);
    expect(offsetMinutes('+', 14, 1)).toBeUndefined();
    expect(offsetMinutes('-', 12, 30)).toBeUndefined();
    expect(offsetMinutes('+', 7, 60)).toBeUndefined();
    expect(offsetMinutes('+', 25, 0)).toBeUndefined();
    expect(offsetMinutes('+', Number.NaN, 0)).toBeUndefined();
  });
});
