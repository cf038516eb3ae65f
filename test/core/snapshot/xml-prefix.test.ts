import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrefixStripper } from '../../../functions/core/snapshot/xml-prefix.ts';
import { filteredInPieces } from './helpers.ts';

const PREFIXED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Mã trường</x:t></x:is></x:c><x14:ext/></x:row></x:sheetData></x:worksheet>';
const PLAIN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã trường</t></is></c><x14:ext/></row></sheetData></worksheet>';

describe('PrefixStripper', () => {
  it("takes the root's prefix off every tag, and only it, wherever the chunks are cut", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
        expect(filteredInPieces(new PrefixStripper(), PREFIXED, cuts)).toBe(PLAIN);
      }),
    );
  });

  it('passes a part whose root has no prefix through as it is', () => {
    expect(filteredInPieces(new PrefixStripper(), PLAIN, [5, 60, 61, 200])).toBe(PLAIN);
  });
});
