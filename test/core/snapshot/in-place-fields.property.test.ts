import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateAt } from '../../../functions/core/snapshot/calendar-date.ts';
import { hash52, hash52Digits } from '../../../functions/core/snapshot/hash52.ts';
import { canonicalTimestampAt } from '../../../functions/core/snapshot/vn-timestamp.ts';

/**
 * The readers of a cell in place, against plain regular expressions and Date.UTC: each is
 * written for speed (digits read one by one, days looked up in a table), so each is checked
 * on text that is nearly right — any character of the shape may be off.
 */
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** A real day of 1900–2100 whose fields Date.UTC gives back unchanged. */
function realDay(y: number, mo: number, d: number): boolean {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

function timestampOracle(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m || (m[6] === undefined && m[7] !== undefined)) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((f) => Number(f ?? '0')) as [number, number, number, number, number, number];
  if (!realDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const zone = m[7];
  let offset = 7 * 60;
  if (zone === 'Z') offset = 0;
  else if (zone !== undefined) {
    const minutes = Number(zone.slice(4, 6));
    offset = (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + minutes);
    if (minutes > 59 || offset < -12 * 60 || offset > 14 * 60) return undefined;
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - offset * MINUTE_MS;
}

/** Characters a field may hold instead of its own: digits most of the time, then the ones that could pass for another. */
const nearDigit = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 1, arbitrary: fc.constantFrom(...'/:-+ TZa.\u0660') });
const nearly = (shape: string) =>
  fc.tuple(...[...shape].map((c) => (c === '9' ? nearDigit : fc.oneof({ weight: 20, arbitrary: fc.constant(c) }, { weight: 1, arbitrary: nearDigit })))).map((cs) => cs.join(''));

/** Places a cell inside a line, as the line reader hands it over. */
const inLine = (cell: string) => fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })).map(([before, after]) => ({ line: `${before},${cell},${after}`, start: before.length + 1, end: before.length + 1 + cell.length }));

describe('in-place readers against regular expressions and Date.UTC', () => {
  it('canonicalTimestampAt reads the four shapes exactly, and nothing else', () => {
    const shapes = ['9999-99-99T99:99', '9999-99-99 99:99:99', '9999-99-99T99:99:99Z', '9999-99-99T99:99:99+99:99', '9999-99-99T99:99:99-99:99'];
    const years = fc.integer({ min: 1976, max: 2100 }).map(String);
    const cell = fc.tuple(fc.constantFrom(...shapes), years).chain(([shape, year]) => nearly(shape.slice(4)).map((rest) => `${year}${rest}`));
    fc.assert(
      fc.property(cell.chain(inLine), ({ line, start, end }) => {
        expect(canonicalTimestampAt(line, start, end)).toBe(timestampOracle(line.slice(start, end)));
      }),
      { numRuns: 20000 },
    );
    expect(canonicalTimestampAt('2023-06-08T17:00:00+07:00', 0, 25)).toBe(Date.UTC(2023, 5, 8, 10));
    expect(canonicalTimestampAt('2023-06-08 16:59:59', 0, 19)).toBe(Date.UTC(2023, 5, 8, 9, 59, 59));
    expect(canonicalTimestampAt('2023-06-08T17:00:00-05:30', 0, 25)).toBe(Date.UTC(2023, 5, 8, 17) + 5.5 * HOUR_MS);
  });

  it('isoDateAt reads YYYY-MM-DD and DD/MM/YYYY (or with . or -) as the ISO date of a real day', () => {
    const canonical = /^(\d{4})-(\d{2})-(\d{2})$/;
    const dayFirst = /^(\d{2})[/.-](\d{2})[/.-](\d{4})$/;
    const oracle = (text: string): string | undefined => {
      let m = canonical.exec(text);
      const [y, mo, d] = m ? [m[1], m[2], m[3]] : (m = dayFirst.exec(text)) ? [m[3], m[2], m[1]] : [];
      if (y === undefined || mo === undefined || d === undefined) return undefined;
      return realDay(Number(y), Number(mo), Number(d)) ? `${y}-${mo}-${d}` : undefined;
    };
    const cell = fc.oneof(nearly('9999-99-99'), nearly('99/99/9999'), nearly('99.99.9999'), nearly('99-99-9999'), nearly('9999-99-9'));
    fc.assert(
      fc.property(cell.chain(inLine), ({ line, start, end }) => {
        expect(isoDateAt(line, start, end)).toBe(oracle(line.slice(start, end)));
      }),
      { numRuns: 20000 },
    );
    expect(isoDateAt('29/02/2024', 0, 10)).toBe('2024-02-29');
    expect(isoDateAt('29/02/2023', 0, 10)).toBeUndefined();
  });

  it('hash52Digits is hash52 of a cell of digits, and -1 for any other', () => {
    fc.assert(
      fc.property(nearly('999999999999').chain(inLine), ({ line, start, end }) => {
        const cell = line.slice(start, end);
        expect(hash52Digits(line, start, end)).toBe(/^\d+$/.test(cell) ? hash52(cell) : -1);
      }),
      { numRuns: 5000 },
    );
  });
});
