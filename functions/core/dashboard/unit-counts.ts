import { rollup } from '../evaluation/rollup.ts';
import type { StatusCounts, UnitRequirementResult } from '../evaluation/types.ts';
import type { UnitRecord } from '../snapshot/entities.ts';

/**
 * A school's own overview: the daily run keeps no rollup per unit, so its statuses are
 * counted the way the run counts a scope's (one unit, not-applicable results left out).
 */
export function unitCounts(unit: UnitRecord, statuses: readonly UnitRequirementResult[]): Map<string, StatusCounts> {
  return new Map(Object.entries(rollup(statuses, new Map([[unit.unitCode, unit]])).province));
}
