import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53 } from '../../../functions/core/evaluation/hash53.ts';
import { NumberSet } from '../../../functions/core/evaluation/number-set.ts';

describe('NumberSet', () => {
  it('answers like a Set<number> for 53-bit integers, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).chain((n) => fc.constantFrom(n, n % 97)), { maxLength: 400 }), (values) => {
        const set = new NumberSet(4);
        const reference = new Set<number>();
        for (const v of values) {
          expect(set.addSeen(v)).toBe(reference.has(v));
          reference.add(v);
        }
        expect(set.size).toBe(reference.size);
        for (const v of reference) expect(set.has(v)).toBe(true);
      }),
    );
  });

  it('holds zero and the largest safe integer', () => {
    const set = new NumberSet();
    expect(set.addSeen(0)).toBe(false);
    expect(set.addSeen(Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(set.addSeen(0)).toBe(true);
    expect(set.has(1)).toBe(false);
  });
});

describe('hash53', () => {
  it('is deterministic, a safe integer, and tells near-identical codes apart', () => {
    const hashes = Array.from({ length: 20_000 }, (_, i) => hash53(`THPT001\u0000HS${i}`));
    expect(hashes.every((h) => Number.isSafeInteger(h) && h >= 0)).toBe(true);
    expect(new Set(hashes).size).toBe(20_000);
    expect(hash53('HS1')).toBe(hash53('HS1'));
  });
});
