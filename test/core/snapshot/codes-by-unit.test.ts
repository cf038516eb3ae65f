import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodesByUnit } from '../../../functions/core/snapshot/codes-by-unit.ts';
import { withScratchTmp } from '../scratch-dir.ts';

describe('CodesByUnit', () => {
  it('answers like one Set of (unit, code) pairs, whatever order the units come in, spilling or not', () => {
    const pair = fc.tuple(fc.constantFrom('T1', 'T2', 'T3', 'T1\u0000HS', ''), fc.constantFrom('HS1', 'HS2', 'HS', '\u0000HS1', '', 'A'));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 300 }), fc.constantFrom(undefined, 0, 200), (pairs, dormantBudgetBytes) => {
        const codes = new CodesByUnit(dormantBudgetBytes === undefined ? {} : { dormantBudgetBytes });
        const reference = new Set<string>();
        for (const [unit, code] of pairs) {
          const key = JSON.stringify([unit, code]);
          expect(codes.add(unit, code)).toBe(!reference.has(key));
          reference.add(key);
        }
        codes.release();
      }),
    );
  });

  it('finds a unit met again after others, and holds many units each with many codes', () => {
    const codes = new CodesByUnit();
    for (let u = 0; u < 50; u++) for (let c = 0; c < 200; c++) expect(codes.add(`U${u}`, `HS${c}`)).toBe(true);
    expect(codes.add('U0', 'HS199')).toBe(false);
    expect(codes.add('U49', 'HS200')).toBe(true);
    codes.release();
  });

  it('sends the sets of units already read to disk past its budget, and reads one back when its unit returns', () => {
    const codes = new CodesByUnit({ dormantBudgetBytes: 64 * 1024 });
    for (let u = 0; u < 40; u++) for (let c = 0; c < 1000; c++) codes.add(`U${u}`, `HS${c}`);
    // 40 units of 1,000 codes (16 KiB tables) leave far more than 64 KiB behind: most were written out.
    expect(codes.spilledBytes).toBeGreaterThan(30 * 1000 * 8);
    expect(codes.setsReadBack).toBe(0);
    expect([codes.add('U0', 'HS999'), codes.add('U0', 'HS1000'), codes.add('U0', 'HS1000')]).toEqual([false, true, false]);
    expect(codes.setsReadBack).toBe(1);
    codes.release();
  });

  it('stops spilling a file whose units come interleaved, rather than read sets back row after row', () => {
    const codes = new CodesByUnit({ dormantBudgetBytes: 0 });
    for (let round = 0; round < 20; round++) for (let u = 0; u < 10; u++) expect(codes.add(`U${u}`, `HS${round}`)).toBe(true);
    // Every set went out and came back until more had come back than there are units (11), then
    // nothing went out: the nine still on disk came back once more, and none after.
    expect(codes.setsReadBack).toBe(20);
    for (let u = 0; u < 10; u++) expect(codes.add(`U${u}`, 'HS7')).toBe(false);
    codes.release();
  });

  it('removes its spill file when released', async () => {
    await withScratchTmp((spills) => {
      const codes = new CodesByUnit({ dormantBudgetBytes: 0 });
      for (let u = 0; u < 3; u++) codes.add(`U${u}`, 'HS1');
      expect(codes.spilledBytes).toBeGreaterThan(0);
      expect(spills()).toHaveLength(1);
      codes.release();
      codes.release();
      expect(spills()).toEqual([]);
    });
  });
});
