import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { HashSet52 } from '../../../functions/core/snapshot/hash-set-52.ts';

describe('HashSet52', () => {
  it('answers like a Set<number> for integers up to 2^53, zero included, across growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).chain((n) => fc.constantFrom(n, n % 97, 0)), { maxLength: 3000 }),
        (values) => {
          const set = new HashSet52(2);
          const reference = new Set<number>();
          for (const v of values) {
            expect(set.add(v)).toBe(!reference.has(v));
            reference.add(v);
          }
          expect(set.size).toBe(reference.size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('starts at any power of two, and refuses another size', () => {
    expect(new HashSet52(16).add(7)).toBe(true);
    for (const capacity of [0, 1, 3, 1000]) expect(() => new HashSet52(capacity)).toThrow(DondocError);
  });

  it('tells 0 from 1 and keys that share their low 32 bits', () => {
    const set = new HashSet52();
    expect([set.add(1), set.add(0), set.add(0), set.add(1)]).toEqual([true, true, false, false]);
    expect([set.add(2 ** 32 + 5), set.add(5), set.add(2 ** 32 + 5)]).toEqual([true, true, false]);
  });

  it('refuses to answer once released, rather than answer as if empty', () => {
    const set = new HashSet52();
    // Past the size from which tables are freed at once, as well as below it.
    for (let i = 1; i <= 20_000; i++) expect(set.add(i * 7919)).toBe(true);
    expect([set.add(7919), set.add(20_000 * 7919), set.size]).toEqual([false, false, 20_000]);
    set.release();
    set.release();
    expect(() => set.add(7)).toThrow(DondocError);
    expect(() => set.add(0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('HashSet52.keys and holding', () => {
  it('gives back exactly the keys added, zero included, and a set made to hold them answers alike', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 500 }), (values) => {
        const set = new HashSet52(2);
        for (const v of values) set.add(v);
        const keys = [...set.keys()];
        expect(keys.sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
        const copy = HashSet52.holding(keys.length);
        const bytes = copy.byteLength;
        for (const k of keys) expect(copy.add(k)).toBe(true);
        expect(copy.byteLength).toBe(bytes);
        for (const v of values) expect(copy.add(v)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
