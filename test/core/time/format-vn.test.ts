import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVn, VN_TZ } from '../../../functions/core/time.ts';

/** What the zone database says, for comparison with formatVn's arithmetic. */
const byZoneDatabase = (at: number): string => format(new TZDate(at, VN_TZ), "yyyy-MM-dd'T'HH:mm:ssxxx");

describe('formatVn', () => {
  it('writes what the zone database would, before and after Vietnam settled on UTC+07:00', () => {
    fc.assert(
      fc.property(fc.double({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1), noNaN: true }), (at) => {
        expect(formatVn(at)).toBe(byZoneDatabase(at));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees at the edges of the fixed offset', () => {
    const from = Date.UTC(1976, 0, 1) - 7 * 3_600_000;
    for (const at of [from - 1, from, from + 1, Date.UTC(1975, 5, 12, 16), Date.UTC(9999, 11, 31, 16, 59, 59, 999), 0]) {
      expect(formatVn(at)).toBe(byZoneDatabase(at));
    }
  });

  it('fails on an invalid instant as the zone database does', () => {
    expect(() => formatVn(Number.NaN)).toThrow(RangeError);
  });
});
