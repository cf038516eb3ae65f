import { describe, expect, it } from 'vitest';
import { canRead, canUpload, type Scope } from '../../../functions/core/access/scope.ts';
import type { UnitRecord } from '../../../functions/core/snapshot/entities.ts';

const unit = (unitCode: string, unitKind: UnitRecord['unitKind'], parentCode?: string): UnitRecord => ({
  unitCode,
  unitName: unitCode,
  unitKind,
  levels: [],
  ...(parentCode === undefined ? {} : { parentCode }),
});

const SGD = unit('SGD', 'department');
const PGD_A = unit('PGD-A', 'district_office', 'SGD');
const PGD_B = unit('PGD-B', 'district_office', 'SGD');
const TH_A1 = unit('TH-A1', 'school', 'PGD-A');
const TH_A2 = unit('TH-A2', 'school', 'PGD-A');
const TH_B1 = unit('TH-B1', 'school', 'PGD-B');
const THPT = unit('THPT-01', 'school', 'SGD');
const ALL = [SGD, PGD_A, PGD_B, TH_A1, TH_A2, TH_B1, THPT];

const readable = (scope: Scope) => ALL.filter((u) => canRead(scope, u)).map((u) => u.unitCode);

describe('canRead', () => {
  it('lets the department read every unit', () => {
    expect(readable({ kind: 'department', code: 'SGD' })).toEqual(ALL.map((u) => u.unitCode));
  });

  it('lets an office read itself and the units whose parent it is, nothing else', () => {
    expect(readable({ kind: 'district_office', code: 'PGD-A' })).toEqual(['PGD-A', 'TH-A1', 'TH-A2']);
  });

  it('lets a unit read only itself, not its siblings or its office', () => {
    expect(readable({ kind: 'unit', code: 'TH-A1' })).toEqual(['TH-A1']);
  });

  it('gives an office whose code names a school no more than that school', () => {
    expect(readable({ kind: 'district_office', code: 'TH-B1' })).toEqual(['TH-B1']);
  });
});

describe('canUpload', () => {
  it('follows read access for data snapshots', () => {
    expect(canUpload({ kind: 'district_office', code: 'PGD-A' }, TH_A1, 'students')).toBe(true);
    expect(canUpload({ kind: 'district_office', code: 'PGD-A' }, TH_B1, 'students')).toBe(false);
    expect(canUpload({ kind: 'unit', code: 'TH-A1' }, TH_A2, 'staff')).toBe(false);
  });

  it('keeps units snapshots, which rewrite the hierarchy, to the department', () => {
    expect(canUpload({ kind: 'department', code: 'SGD' }, SGD, 'units')).toBe(true);
    expect(canUpload({ kind: 'district_office', code: 'PGD-A' }, PGD_A, 'units')).toBe(false);
    expect(canUpload({ kind: 'unit', code: 'TH-A1' }, TH_A1, 'units')).toBe(false);
  });
});
