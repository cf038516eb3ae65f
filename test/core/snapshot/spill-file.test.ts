import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { SpillFile } from '../../../functions/core/snapshot/spill-file.ts';
import { withScratchTmp } from '../scratch-dir.ts';

describe('SpillFile', () => {
  it('reads back what was appended where append said, from a file made only when first needed', async () => {
    await withScratchTmp((spills) => {
      const spill = new SpillFile();
      expect(spills()).toEqual([]);
      const first = spill.append(new Uint8Array([1, 2, 3]));
      const big = new Uint8Array(200_000).map((_, i) => i % 251);
      const second = spill.append(big);
      expect([first, second, spill.size]).toEqual([0, 3, 200_003]);
      expect(spills()).toHaveLength(1);
      expect([...spill.read(first, 3)]).toEqual([1, 2, 3]);
      expect(spill.read(second, big.length)).toEqual(big);
      // A buffer of its own, at offset 0: a Float64Array can view it.
      expect(new Float64Array(spill.read(0, 8).buffer)).toHaveLength(1);
      spill.close();
      spill.close();
      expect(spills()).toEqual([]);
    });
  });

  it('refuses to read what was never written, and to append once closed', async () => {
    await withScratchTmp(() => {
      const spill = new SpillFile();
      expect(() => spill.read(0, 1)).toThrow(DondocError);
      spill.append(new Uint8Array(4));
      expect(() => spill.read(2, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
      spill.close();
      expect(() => spill.append(new Uint8Array(1))).toThrow(DondocError);
    });
  });
});
