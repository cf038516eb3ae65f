import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPresent, isPresent } from '../../../functions/core/evaluation/record-fields.ts';

/** Every character String.prototype.trim removes, and a few it keeps, so that generated texts often start or end with one. */
const EDGE_CHARACTERS = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u0085', 'a', 'Đ', '0'];

const edgyText = fc.array(fc.oneof(fc.constantFrom(...EDGE_CHARACTERS), fc.string({ maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join(''));

describe('isPresent', () => {
  it('takes a text as present exactly when trimming leaves something', () => {
    fc.assert(
      fc.property(fc.oneof(edgyText, fc.string({ unit: 'grapheme' })), (text) => {
        expect(isPresent(text)).toBe(text.trim() !== '');
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['', false],
    ['   ', false],
    ['\u00a0\ufeff', false],
    [' x ', true],
    ['\u3000Mầm 3', true],
  ])('%j → %s', (text, expected) => {
    expect(isPresent(text)).toBe(expected);
  });

  it('keeps false and 0 as declared values, and takes no value, null and an empty list as absent', () => {
    expect([false, 0, ['MN']].map(isPresent)).toEqual([true, true, true]);
    expect([undefined, null, []].map(isPresent)).toEqual([false, false, false]);
  });
});

describe('allPresent', () => {
  it('reads presence flags for personal columns and trims texts as isPresent does', () => {
    const complete = allPresent(['full_name', 'class_name']);
    expect(complete({ hasFullName: true, className: '10A1' })).toBe(true);
    expect(complete({ hasFullName: true, className: ' \u00a0' })).toBe(false);
    expect(complete({ hasFullName: false, className: '10A1' })).toBe(false);
  });
});
