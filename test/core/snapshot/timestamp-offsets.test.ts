import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTimestampAt, parseTimestampText } from '../../../functions/core/snapshot/vn-timestamp.ts';
import { parseInstant } from '../../../functions/core/time.ts';

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

  it('read the same instant in place and through the general reader, as parseInstant reads it, at the edges of the years they read and beyond', () => {
    // A cell's wall clock must fall in 1900–2100 before any offset applies, so no offset takes a cell to a year four digits cannot write (0000–9999 in Vietnam).
    // Wall clocks within two days of 1900's first and 2100's last second, and of 0000-01-01 and 9999-12-31.
    const edges = fc.constantFrom(Date.UTC(1900, 0, 1), Date.UTC(2101, 0, 1), new Date(0).setUTCFullYear(0, 0, 3), Date.UTC(9999, 11, 29));
    const text = fc
      .record({ edge: edges, seconds: fc.integer({ min: -2 * 86_400, max: 2 * 86_400 }), offsetMinutes: fc.integer({ min: -12 * 60, max: 14 * 60 }) })
      .map(({ edge, seconds, offsetMinutes }) => {
        const wall = new Date(edge + seconds * 1000);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const fields = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
        return { fields, offset: `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}` };
      });
    const instant = (s: string): number | undefined => {
      try {
        return parseInstant(s);
      } catch {
        return undefined;
      }
    };
    fc.assert(
      fc.property(text, ({ fields, offset }) => {
        const canonical = `${fields}${offset}`;
        const inPlace = canonicalTimestampAt(canonical, 0, canonical.length);
        // A fraction of a second is not the shape read in place: the general reader's regular expression reads it.
        expect(parseTimestampText(`${fields}.0${offset}`, false)).toBe(inPlace);
        expect(parseTimestampText(canonical, false)).toBe(inPlace);
        const year = Number(fields.slice(0, 4));
        expect(inPlace).toBe(year >= 1900 && year <= 2100 ? instant(canonical) : undefined);
      }),
      {
        numRuns: 3000,
        examples: [
          [{ fields: '9999-12-31T23:59:59', offset: '-12:00' }],
          [{ fields: '0000-01-01T00:00:00', offset: '+14:00' }],
          [{ fields: '2100-12-31T23:59:59', offset: '-12:00' }],
          [{ fields: '1900-01-01T00:00:00', offset: '+14:00' }],
        ],
      },
    );
  });
});
