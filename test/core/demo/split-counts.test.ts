import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../functions/demo/prng.ts';
import { splitExact, spreadWithin } from '../../../functions/demo/split-counts.ts';

describe('splitExact', () => {
  it('splits in proportion, remainders to the largest fractions', () => {
    expect(splitExact(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitExact(2937, [2, 1])).toEqual([1958, 979]);
    expect(splitExact(5, [0, 1])).toEqual([0, 5]);
  });

  it('always adds up to the total, each part within one of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = splitExact(total, weights);
        const sum = weights.reduce((a, w) => a + w, 0);
        expect(parts.reduce((a, p) => a + p, 0)).toBe(total);
        parts.forEach((p, i) => expect(Math.abs(p - (total * (weights[i] as number)) / sum)).toBeLessThan(1 + 1e-9));
      }),
    );
  });
});

describe('spreadWithin', () => {
  it('places every item, never beyond a bin capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }), fc.nat(), fc.integer(), (caps, pick, seed) => {
        const room = caps.reduce((a, c) => a + c, 0);
        const count = room === 0 ? 0 : pick % (room + 1);
        const rng = mulberry32(seed);
        const placed = spreadWithin(count, caps, caps.map(() => rng.next()), rng);
        expect(placed.reduce((a, p) => a + p, 0)).toBe(count);
        placed.forEach((p, i) => expect(p).toBeLessThanOrEqual(caps[i] as number));
      }),
    );
  });

  it('refuses more items than room', () => {
    expect(() => spreadWithin(4, [1, 2], [1, 1], mulberry32(1))).toThrow(RangeError);
  });
});
