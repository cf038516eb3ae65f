import type { UnitEntitySummary, UnitRequirementResult } from '../../functions/core/evaluation/types.ts';
import type { UnitRecord } from '../../functions/core/snapshot/entities.ts';

export function unitRecord(code: string, parentCode?: string): UnitRecord {
  return {
    unitCode: code,
    unitName: `Trường ${code}`,
    unitKind: parentCode === undefined ? 'department' : 'school',
    levels: parentCode === undefined ? [] : ['TH'],
    ...(parentCode === undefined ? {} : { parentCode, officerEmail: `${code.toLowerCase()}@example.edu.vn` }),
  };
}

export function studentsSummary(unit: string, asOf: number, failingCodes: string[] = ['HS001', 'HS002']): UnitEntitySummary {
  return {
    unit,
    entity: 'students',
    asOf,
    source: `snapshots/students/${unit}.csv#v1`,
    rows: 120,
    byLevel: { TH: { total: 120, unverified: failingCodes.length } },
    byClass: { '1A': { total: 60, unverified: failingCodes.length } },
    unverifiedCodes: failingCodes,
    maxUpdatedAt: asOf - 1_000,
    tallies: {
      'CV-1234-ID': { total: 120, failing: failingCodes.length, warning: 0, failingCodes, warningCodes: [], lastAt: asOf - 2_000 },
    },
  };
}

export function result(unit: string, requirement: string, status: UnitRequirementResult['status']): UnitRequirementResult {
  const failing = status === 'compliant' ? 0 : 2;
  return {
    unit,
    requirement,
    dispatch: 'CV-1234',
    status,
    deadline: Date.UTC(2025, 9, 15),
    total: 120,
    failing,
    rate: Math.round((failing / 120) * 10_000) / 100,
    failingCodes: failing === 0 ? [] : ['HS001', 'HS002'],
  };
}
