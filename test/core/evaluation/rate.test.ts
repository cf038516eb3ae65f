import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rate2 } from '../../../functions/core/evaluation/rate.ts';

describe('rate2', () => {
  it.each([
    [13, 284, 4.58],
    [44, 52, 84.62],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5],
    [1, 200, 0.5],
    [1, 80_000, 0],
    [1, 40_000, 0],
    [1, 20_000, 0.01],
    [3, 3, 100],
    [0, 5, 0],
  ])('%i / %i → %f', (failing, total, expected) => {
    expect(rate2(failing, total)).toBe(expected);
  });

  it('rounds an exact half up (1/16 = 6.25 %, 1/32 = 3.125 % → 3.13)', () => {
    expect(rate2(1, 32)).toBe(3.13);
    expect(rate2(1, 1600)).toBe(0.06);
  });

  it('is 0 when nothing is counted', () => {
    expect(rate2(0, 0)).toBe(0);
  });

  it('stays within [0, 100] and within half a hundredth of the exact ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (total, f) => {
        const failing = f % (total + 1);
        const r = rate2(failing, total);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(100);
        expect(Math.abs(r - (failing / total) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});
