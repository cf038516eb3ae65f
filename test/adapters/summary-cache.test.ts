import { describe, expect, it, vi } from 'vitest';
import { SummaryCache } from '../../functions/adapters/dynamodb/summary-cache.ts';

const body = (text: string) => Buffer.from(text);
const decoder = <V extends object>(value: V, size: number) => vi.fn(() => ({ value: structuredClone(value), size }));

describe('SummaryCache', () => {
  it('decodes the same bytes once and gives every reader the one value, frozen through', () => {
    const cache = new SummaryCache<{ codes: string[]; tally: { failing: number } }>(1_000);
    const decode = decoder({ codes: ['HS1'], tally: { failing: 1 } }, 100);
    const first = cache.valueOf(body('a'), decode);
    expect(cache.valueOf(body('a'), decode)).toBe(first);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(() => first.codes.push('HS2')).toThrow(TypeError);
    expect(() => (first.tally.failing = 2)).toThrow(TypeError);
  });

  it('keeps at most its bound of JSON text, the least recently read going first', () => {
    const cache = new SummaryCache<object>(250);
    const a = decoder({ a: 1 }, 100);
    const b = decoder({ b: 1 }, 100);
    const c = decoder({ c: 1 }, 100);
    cache.valueOf(body('a'), a);
    cache.valueOf(body('b'), b);
    cache.valueOf(body('a'), a);
    cache.valueOf(body('c'), c);
    expect(cache.size).toBe(2);
    cache.valueOf(body('a'), a);
    cache.valueOf(body('c'), c);
    cache.valueOf(body('b'), b);
    expect([a, b, c].map((d) => d.mock.calls.length)).toEqual([1, 2, 1]);
  });

  it('holds nothing larger than its bound, and nothing whose decoding failed', () => {
    const cache = new SummaryCache<object>(50);
    const large = decoder({ large: true }, 51);
    expect(cache.valueOf(body('l'), large)).toEqual({ large: true });
    cache.valueOf(body('l'), large);
    expect(large).toHaveBeenCalledTimes(2);

    const failing = vi.fn((): { value: object; size: number } => {
      throw new Error('corrupt');
    });
    expect(() => cache.valueOf(body('x'), failing)).toThrow('corrupt');
    expect(() => cache.valueOf(body('x'), failing)).toThrow('corrupt');
    expect(cache.size).toBe(0);
  });
});
