import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainData } from '../../functions/adapters/dynamodb/plain-data.ts';

/** JSON values with what JSON drops or rewrites mixed in: undefined, NaN, infinities, -0, dates. */
const odd = fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, new Date(Date.UTC(2023, 5, 8, 10)));
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), odd, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 })),
})).value;

describe('plainData', () => {
  it('gives what a JSON round trip gives, without one', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 6 }), (data) => {
        expect(plainData(data)).toStrictEqual(JSON.parse(JSON.stringify(data)));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a field named __proto__ as a field, as JSON.parse does', () => {
    const data = JSON.parse('{"__proto__": {"a": 1}, "b": [null]}') as unknown;
    expect(plainData(data)).toStrictEqual(JSON.parse(JSON.stringify(data)));
    expect(Object.keys(plainData(data) as object)).toEqual(['__proto__', 'b']);
  });

  it('copies: changing the copy leaves the original as it was', () => {
    const original = { tallies: { a: { failingCodes: ['HS1'] } }, codes: ['x'] };
    const copy = plainData(original);
    copy.tallies.a.failingCodes.push('HS2');
    copy.codes[0] = 'y';
    expect(original).toEqual({ tallies: { a: { failingCodes: ['HS1'] } }, codes: ['x'] });
  });
});
