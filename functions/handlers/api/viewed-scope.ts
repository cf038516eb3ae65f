import { canRead, type Scope } from '../../core/access/scope.ts';
import { unitCounts } from '../../core/dashboard/unit-counts.ts';
import type { MeView } from '../../core/dashboard/views.ts';
import { DondocError } from '../../core/errors.ts';
import type { RollupEntry } from '../../core/evaluation/rollup-entries.ts';
import type { StatusCounts } from '../../core/evaluation/types.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';
import type { ApiDeps } from './api-deps.ts';
import { registeredUnit, requireAccess } from './unit-access.ts';

/** The scope an overview or a calendar counts, with its current counts and daily points. */
export interface ViewedScope {
  me: MeView;
  counts: Map<string, StatusCounts>;
  trend: Array<RollupEntry & { day: string }>;
}

/**
 * The department reads the province, or any office with `office`; an office reads itself
 * (naming another office is refused); a school reads its own statuses and no office at all.
 */
export async function viewedScope(deps: ApiDeps, scope: Scope, office: string | undefined): Promise<ViewedScope> {
  if (office !== undefined) {
    const unit = await namedOffice(deps, scope, office);
    return rollupScope(deps, { kind: 'district_office', code: office, name: unit.unitName }, `OFFICE#${office}`);
  }
  const unit = await deps.store.getUnit(scope.code);
  const me = meView(scope, unit);
  if (scope.kind === 'department') return rollupScope(deps, me, 'PROVINCE');
  if (scope.kind === 'district_office') return rollupScope(deps, me, `OFFICE#${scope.code}`);
  return { me, counts: unit === undefined ? new Map() : unitCounts(unit, await deps.store.getStatuses(scope.code)), trend: [] };
}

/** The district office a view is narrowed to: registered, a district office, and one the caller may read. */
export async function namedOffice(deps: ApiDeps, scope: Scope, office: string): Promise<UnitRecord> {
  const unit = await registeredUnit(deps.store, office);
  requireAccess(canRead(scope, unit), office);
  if (unit.unitKind !== 'district_office') {
    throw new DondocError('INVALID_ARGUMENT', `${office} không phải phòng GDĐT / ${office} is not a district office`, { field: 'office' });
  }
  return unit;
}

/* A user whose unit the registry does not list yet (before the first units upload) still signs in. */
export function meView(scope: Scope, unit: UnitRecord | undefined): MeView {
  return { kind: scope.kind, code: scope.code, name: unit?.unitName ?? scope.code };
}

async function rollupScope(deps: ApiDeps, me: MeView, rollup: string): Promise<ViewedScope> {
  const [current, trend] = await Promise.all([deps.store.getRollups(rollup), deps.store.getRollupTrend(rollup)]);
  return { me, counts: new Map(current.map((entry) => [entry.key, entry.counts])), trend };
}
