import type { EntityKind } from '../snapshot/entities.ts';
import type { RequirementTally, UnitEntitySummary } from './types.ts';

export function emptySummary(unit: string, entity: EntityKind, asOf: number, source?: string): UnitEntitySummary {
  return { unit, entity, asOf, ...(source === undefined ? {} : { source }), rows: 0, tallies: {} };
}

export function emptyTally(): RequirementTally {
  return { total: 0, failing: 0, warning: 0, failingCodes: [], warningCodes: [] };
}
