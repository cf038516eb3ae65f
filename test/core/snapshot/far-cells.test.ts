import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FarCellDropper, MAX_COLUMN } from '../../../functions/core/snapshot/far-cells.ts';
import { filteredInPieces } from './helpers.ts';

const SHEET =
  '<worksheet><cols><col min="1" max="3"/></cols><sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="AMJ2"><v>1024</v></c>' +
  '<c r="AMK2" t="inlineStr"><is><t>far</t></is></c><c r="XFD2" s="1"/><c\nr="B2"><v>2</v></c></row></sheetData>' +
  '<conditionalFormatting><cfRule type="x"/></conditionalFormatting></worksheet>';
const KEPT =
  '<worksheet><cols><col min="1" max="3"/></cols><sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="AMJ2"><v>1024</v></c>' +
  '<c\nr="B2"><v>2</v></c></row></sheetData>' +
  '<conditionalFormatting><cfRule type="x"/></conditionalFormatting></worksheet>';

describe('FarCellDropper', () => {
  it(`takes out the cells past column ${MAX_COLUMN} (AMJ), with or without content, and nothing else, wherever the chunks are cut`, () => {
    expect(filteredInPieces(new FarCellDropper(), SHEET, [])).toBe(KEPT);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 16 }), (cuts) => {
        expect(filteredInPieces(new FarCellDropper(), SHEET, cuts)).toBe(KEPT);
      }),
    );
  });
});
