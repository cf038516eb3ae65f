import { describe, expect, it } from 'vitest';
import { boundedSettle } from '../../../functions/core/concurrency/bounded-settle.ts';

describe('settling calls a few at a time', () => {
  it('runs every call to its end, however many fail, in order and never more than the limit at once', async () => {
    let inFlight = 0;
    let most = 0;
    const ran: number[] = [];
    const out = await boundedSettle([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 7 - n));
      inFlight--;
      ran.push(n);
      if (n % 3 === 0) throw new Error(`boom ${n}`);
      return n * 10;
    });
    expect(most).toBe(2);
    expect(ran.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 20, 'boom 3', 40, 50, 'boom 6']);
  });
});
