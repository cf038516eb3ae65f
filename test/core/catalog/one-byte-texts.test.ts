import { serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../functions/core/catalog/load.ts';
import { oneByteTexts } from '../../../functions/core/catalog/one-byte-texts.ts';

/**
 * How V8 holds a string shows in its serialisation (the ValueSerializer's tag: '"' for a
 * one-byte string, 'c' for a two-byte one), after the header's two bytes.
 */
const ONE_BYTE_TAG = 0x22;
const isOneByte = (text: string): boolean => serialize(text)[2] === ONE_BYTE_TAG;

describe('oneByteTexts', () => {
  it('gives back the same value, whatever the texts hold', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'grapheme' }), (value, text) => {
        expect(oneByteTexts(value)).toEqual(value);
        expect(oneByteTexts({ title: text, list: [text] })).toEqual({ title: text, list: [text] });
      }),
      { numRuns: 300 },
    );
  });

  it('copies a text Latin-1 can hold into a one-byte string, and leaves Vietnamese as it is', () => {
    const twoByte = 'Công văn số 22/SGDĐT-ls3'.slice(-3);
    expect(isOneByte(twoByte)).toBe(false);
    const [ascii, vietnamese] = oneByteTexts([twoByte, 'Công văn']) as string[];
    expect(ascii).toBe('ls3');
    expect(isOneByte(ascii as string)).toBe(true);
    expect(vietnamese).toBe('Công văn');
  });

  it('makes the shipped catalog’s ids one-byte strings, though the YAML around them is Vietnamese', async () => {
    const catalog = await loadCatalog();
    const ids = catalog.dispatches.flatMap((d) => [d.id, ...d.requirements.map((r) => r.id)]);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !isOneByte(id))).toEqual([]);
  });
});
