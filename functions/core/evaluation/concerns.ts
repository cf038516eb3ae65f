import { appliesTo } from '../catalog/applicability.ts';
import type { Requirement } from '../catalog/schema.ts';
import type { UnitRecord } from '../snapshot/entities.ts';

/**
 * The department issues the dispatches; it is held to one only when a requirement names it
 * in unit_kinds, never through an applies_to that merely leaves kinds open.
 */
export function concerns(requirement: Requirement, unit: UnitRecord): boolean {
  if (unit.unitKind === 'department' && !requirement.appliesTo.unit_kinds?.includes('department')) return false;
  return appliesTo(requirement, unit);
}
