import { describe, expect, it } from 'vitest';
import { rollup } from '../../../functions/core/evaluation/rollup.ts';
import type { Status, UnitRequirementResult } from '../../../functions/core/evaluation/types.ts';
import { registryOf, unit } from './builders.ts';

function result(unitCode: string, requirement: string, status: Status, total: number, failing: number): UnitRequirementResult {
  return { unit: unitCode, requirement, dispatch: requirement.split('/')[0] as string, status, total, failing, rate: 0, failingCodes: [] };
}

const registry = registryOf(
  unit('SO', { unitKind: 'department', levels: [], parentCode: undefined }),
  unit('PGD1', { unitKind: 'district_office', levels: ['MN', 'TH', 'THCS'], parentCode: 'SO' }),
  unit('TH1', { levels: ['TH'], parentCode: 'PGD1' }),
  unit('THCS1', { levels: ['TH', 'THCS'], parentCode: 'PGD1' }),
  unit('THPT1', { levels: ['THPT'], parentCode: 'SO' }),
);

const results = [
  result('TH1', 'cv004/hs', 'overdue', 52, 44),
  result('THCS1', 'cv004/hs', 'compliant', 300, 0),
  result('THPT1', 'cv004/hs', 'overdue', 284, 13),
  result('PGD1', 'cv004/hs', 'not_applicable', 0, 0),
  result('TH1', 'cv004/gv', 'no_data', 0, 0),
  result('PGD1', 'cv003/bc', 'due_soon', 3, 1),
  result('GHOST', 'cv003/bc', 'compliant', 1, 0),
];

describe('rollup', () => {
  const r = rollup(results, registry);

  it('sums per requirement across the province, leaving out what does not apply', () => {
    expect(r.province['cv004/hs']).toEqual({ units: 3, total: 636, failing: 57, rate: 8.96, byStatus: { overdue: 2, compliant: 1 } });
    expect(r.province['cv004/gv']).toEqual({ units: 1, total: 0, failing: 0, rate: 0, byStatus: { no_data: 1 } });
  });

  it('sums per dispatch over all its requirements', () => {
    expect(r.byDispatch['cv004']).toEqual({ units: 4, total: 636, failing: 57, rate: 8.96, byStatus: { overdue: 2, compliant: 1, no_data: 1 } });
    expect(r.byDispatch['cv003']).toEqual({ units: 2, total: 4, failing: 1, rate: 25, byStatus: { due_soon: 1, compliant: 1 } });
  });

  it('counts a unit under each of its levels', () => {
    expect(r.byLevel['TH']?.['cv004/hs']).toEqual({ units: 2, total: 352, failing: 44, rate: 12.5, byStatus: { overdue: 1, compliant: 1 } });
    expect(r.byLevel['THCS']?.['cv004/hs']).toMatchObject({ units: 1, total: 300, failing: 0 });
    expect(r.byLevel['THPT']?.['cv004/hs']).toMatchObject({ units: 1, total: 284, failing: 13, rate: 4.58 });
    expect(r.byLevel['MN']?.['cv003/bc']).toMatchObject({ units: 1, byStatus: { due_soon: 1 } });
    expect(Object.keys(r.byLevel).sort()).toEqual(['MN', 'TH', 'THCS', 'THPT']);
  });

  it('groups schools under their office, direct schools under the department, an office under itself', () => {
    expect(r.byDistrictOffice['PGD1']?.['cv004/hs']).toMatchObject({ units: 2, total: 352, failing: 44, rate: 12.5 });
    expect(r.byDistrictOffice['PGD1']?.['cv003/bc']).toMatchObject({ units: 1, total: 3, failing: 1 });
    expect(r.byDistrictOffice['SO']?.['cv004/hs']).toMatchObject({ units: 1, total: 284, failing: 13 });
    expect(r.byDistrictOffice['?']?.['cv003/bc']).toMatchObject({ units: 1 });
  });

  it('is empty for no results', () => {
    expect(rollup([], registry)).toEqual({ province: {}, byDispatch: {}, byLevel: {}, byDistrictOffice: {} });
  });
});
