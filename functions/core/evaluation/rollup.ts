import { applies } from './applies.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import { rate2 } from './rate.ts';
import type { Rollups, StatusCounts, UnitRequirementResult } from './types.ts';

function emptyCounts(): StatusCounts {
  return { units: 0, total: 0, failing: 0, rate: 0, byStatus: {} };
}

function add(counts: StatusCounts, r: UnitRequirementResult): void {
  counts.units += 1;
  counts.total += r.total;
  counts.failing += r.failing;
  counts.rate = rate2(counts.failing, counts.total);
  counts.byStatus[r.status] = (counts.byStatus[r.status] ?? 0) + 1;
}

function into(table: Record<string, StatusCounts>, key: string, r: UnitRequirementResult): void {
  add((table[key] ??= emptyCounts()), r);
}

/**
 * The group a unit's results are counted under in the district breakdown: a school or centre
 * under its supervising unit (schools directly under the department under the department's
 * code), an office or the department under itself; '?' when the registry does not know it.
 */
function districtGroup(unit: UnitRecord | undefined): string {
  if (!unit) return '?';
  if (unit.unitKind === 'district_office' || unit.unitKind === 'department') return unit.unitCode;
  return unit.parentCode ?? '?';
}

/**
 * Province-wide, per-dispatch, per-level and per-district-office counts. Results that do not
 * apply are left out everywhere. A unit counts under each of its levels; a unit with no
 * known level (an office, or one missing from the registry) is not in the level breakdown.
 */
export function rollup(results: readonly UnitRequirementResult[], registry: ReadonlyMap<string, UnitRecord>): Rollups {
  const rollups: Rollups = { province: {}, byDispatch: {}, byLevel: {}, byDistrictOffice: {} };
  for (const r of results) {
    if (!applies(r)) continue;
    into(rollups.province, r.requirement, r);
    into(rollups.byDispatch, r.dispatch, r);
    const unit = registry.get(r.unit);
    for (const level of new Set(unit?.levels ?? [])) into((rollups.byLevel[level] ??= {}), r.requirement, r);
    into((rollups.byDistrictOffice[districtGroup(unit)] ??= {}), r.requirement, r);
  }
  return rollups;
}
