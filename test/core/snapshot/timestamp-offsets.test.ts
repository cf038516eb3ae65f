import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestampText } from '../../../functions/core/snapshot/vn-timestamp.ts';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A wall clock as an export writes it, with `Z` or a ±HH:MM offset after the seconds. */
const stamped = fc
  .record({
    at: fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2100, 11, 30) }),
    offsetMinutes: fc.integer({ min: -12 * 60, max: 14 * 60 }),
    separator: fc.constantFrom('T', ' '),
    zulu: fc.boolean(),
  })
  .map(({ at, offsetMinutes, separator, zulu }) => {
    const minutes = zulu ? 0 : offsetMinutes;
    const wall = new Date(Math.floor(at / 1000) * 1000 + minutes * 60_000);
    const sign = minutes < 0 ? '-' : '+';
    const offset = zulu ? 'Z' : `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
    const text = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}${separator}${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${offset}`;
    return { text, instant: Math.floor(at / 1000) * 1000 };
  });

describe('timestamps with an offset', () => {
  it('read as the instant the offset names', () => {
    fc.assert(
      fc.property(stamped, ({ text, instant }) => {
        expect(parseTimestampText(text, false)).toBe(instant);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse days and times that do not exist, whatever the offset', () => {
    expect(parseTimestampText('2023-02-29T10:00:00+07:00', false)).toBeUndefined();
    expect(parseTimestampText('2023-04-31T10:00:00Z', false)).toBeUndefined();
    expect(parseTimestampText('2023-04-18T24:00:00+07:00', false)).toBeUndefined();
    expect(parseTimestampText('2023-04-18T12:60:00+07:00', false)).toBeUndefined();
    expect(parseTimestampText('2023-04-18T12:18:3x+07:00', false)).toBeUndefined();
  });

  it('refuse offsets no clock keeps, in the common shape and the others alike', () => {
    for (const text of ['2023-04-18T12:18:32+25:00', '2023-04-18T12:18:32+07:75', '2023-04-18T12:18:32-13:00', '2023-04-18 12:18:32+1430', '2023-04-18T12:18+15', '2023-04-18T12:18:32.5+14:01']) {
      expect(parseTimestampText(text, false), text).toBeUndefined();
    }
    expect(parseTimestampText('2023-04-18T12:18:32+14:00', false)).toBe(Date.UTC(2023, 3, 17, 22, 18, 32));
    expect(parseTimestampText('2023-04-18T12:18:32-12:00', false)).toBe(Date.UTC(2023, 3, 19, 0, 18, 32));
  });

  it('still read the shapes beside the common one', () => {
    expect(parseTimestampText('2023-04-18T12:18:32z', false)).toBe(Date.UTC(2023, 3, 18, 12, 18, 32));
    expect(parseTimestampText('2023-04-18T12:18:32+0700', false)).toBe(Date.UTC(2023, 3, 18, 5, 18, 32));
    expect(parseTimestampText('2023-04-18T12:18:32.500+07:00', false)).toBe(Date.UTC(2023, 3, 18, 5, 18, 32, 500));
    expect(parseTimestampText('2023-04-18T12:18:32 +07:00', false)).toBe(Date.UTC(2023, 3, 18, 5, 18, 32));
  });
});
