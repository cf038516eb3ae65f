import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodesByUnit } from '../../../functions/core/snapshot/codes-by-unit.ts';

describe('CodesByUnit', () => {
  it('answers like one Set of (unit, code) pairs, whatever order the units come in', () => {
    const pair = fc.tuple(fc.constantFrom('T1', 'T2', 'T3', 'T1\u0000HS', ''), fc.constantFrom('HS1', 'HS2', 'HS', '\u0000HS1', '', 'A'));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 300 }), (pairs) => {
        const codes = new CodesByUnit();
        const reference = new Set<string>();
        for (const [unit, code] of pairs) {
          const key = JSON.stringify([unit, code]);
          expect(codes.add(unit, code)).toBe(!reference.has(key));
          reference.add(key);
        }
      }),
    );
  });

  it('finds a unit met again after others, and holds many units each with many codes', () => {
    const codes = new CodesByUnit();
    for (let u = 0; u < 50; u++) for (let c = 0; c < 200; c++) expect(codes.add(`U${u}`, `HS${c}`)).toBe(true);
    expect(codes.add('U0', 'HS199')).toBe(false);
    expect(codes.add('U49', 'HS200')).toBe(true);
  });
});
