import type { EntityKind, UnitRecord } from '../snapshot/entities.ts';

/** What a dashboard user may read (Cognito `custom:scope_kind`): the department, one district office, or one unit. */
export const SCOPE_KINDS = ['department', 'district_office', 'unit'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface Scope {
  kind: ScopeKind;
  /** the unit code the scope is anchored at (`custom:scope_code`) */
  code: string;
}

/**
 * The hierarchy of seed 001 is two levels under the department: an office reads itself and
 * the units whose parent it is; a unit reads itself. Units directly under the department
 * (THPT schools, centres) belong to no office, so only the department reads them.
 */
export function canRead(scope: Scope, unit: UnitRecord): boolean {
  switch (scope.kind) {
    case 'department':
      return true;
    case 'district_office':
      return unit.unitCode === scope.code || unit.parentCode === scope.code;
    case 'unit':
      return unit.unitCode === scope.code;
  }
}

/**
 * A units snapshot rewrites the registry, parent codes included, and so the scopes
 * themselves: only the department may upload one. Other snapshots follow read access.
 */
export function canUpload(scope: Scope, unit: UnitRecord, entity: EntityKind): boolean {
  if (entity === 'units') return scope.kind === 'department';
  return canRead(scope, unit);
}
