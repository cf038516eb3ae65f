import { describe, expect, it } from 'vitest';
import { PART_UNITS, PartSpec } from '../../../functions/core/pipeline/plan-task.ts';
import { runParts } from '../../../functions/core/pipeline/run-parts.ts';
import type { StateStore } from '../../../functions/core/ports/state-store.ts';
import type { UnitRecord } from '../../../functions/core/snapshot/entities.ts';

const unit = (code: string, unitKind: UnitRecord['unitKind']): UnitRecord => ({ unitCode: code, unitName: code, unitKind, levels: [], parentCode: 'SGD' });

/** Only what cutting a run reads: the department's children and the units that name no parent. */
function storeWith(children: UnitRecord[], topLevel: UnitRecord[] = [{ ...unit('SGD', 'department'), parentCode: undefined }]): StateStore {
  return { listChildren: async (parent: string) => (parent === 'SGD' ? children : []), listTopLevel: async () => topLevel } as unknown as StateStore;
}

describe('cutting a run into parts', () => {
  it('gives each district office a part and the department with its own units chunks of bounded size', async () => {
    const schools = Array.from({ length: 450 }, (_, i) => unit(`THPT${String(i).padStart(3, '0')}`, 'school'));
    const parts = await runParts(storeWith([unit('PGD1', 'district_office'), ...schools, unit('PGD2', 'district_office')]), 'SGD');
    expect(parts.slice(0, 2)).toEqual([
      { id: '00000', office: 'PGD1' },
      { id: '00001', office: 'PGD2' },
    ]);
    const chunks = parts.slice(2).map((p) => ('units' in p ? p.units : []));
    expect(chunks.map((c) => c.length)).toEqual([PART_UNITS, PART_UNITS, 451 - 2 * PART_UNITS]);
    expect(chunks.flat()).toEqual(['SGD', ...schools.map((s) => s.unitCode)]);
    expect(parts.map((p) => p.id)).toEqual(['00000', '00001', '00002', '00003', '00004']);
    /* Every part fits the plan queue's message schema, and a plan-queue message's size. */
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(PartSpec.parse(part)))).toBeLessThan(8 * 1024);
  });

  it('still evaluates the department when it has no child', async () => {
    expect(await runParts(storeWith([]), 'SGD')).toEqual([{ id: '00000', units: ['SGD'] }]);
  });

  it('takes in the units that name no parent: an office as a part of its own, a school among the department’s own', async () => {
    const orphan = (code: string, kind: UnitRecord['unitKind']): UnitRecord => ({ ...unit(code, kind), parentCode: undefined });
    const topLevel = [orphan('SGD', 'department'), orphan('THPT-LONE', 'school'), orphan('PGD-LONE', 'district_office')];
    const parts = await runParts(storeWith([unit('PGD1', 'district_office'), unit('THPT1', 'school')], topLevel), 'SGD');
    expect(parts).toEqual([
      { id: '00000', office: 'PGD1' },
      { id: '00001', office: 'PGD-LONE' },
      { id: '00002', units: ['SGD', 'THPT1', 'THPT-LONE'] },
    ]);
  });
});
