import { canRead, type Scope } from '../../core/access/scope.ts';
import { listedUnit, type ListedUnit } from '../../core/dashboard/listed-unit.ts';
import { buildUnitView } from '../../core/dashboard/unit-view.ts';
import { indexCatalog } from '../../core/notify/catalog-index.ts';
import type { UnitView } from '../../core/dashboard/views.ts';
import type { StoredStatus } from '../../core/ports/state-store.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';
import { boundedMap } from '../../core/concurrency/bounded-map.ts';
import type { ApiDeps } from './api-deps.ts';
import { registeredUnit, requireAccess } from './unit-access.ts';

/* An office has up to a few hundred units; this many status queries in flight keeps the page quick without throttling. */
const STATUS_READS_IN_FLIGHT = 8;

/** A drill-down row: the failing record codes stay on the unit's own page, so an office's table stays small. */
export type StatusSummary = Omit<StoredStatus, 'failingCodes'>;

export interface UnitChildren {
  unit: string;
  children: Array<{ unit: ListedUnit; statuses: StatusSummary[] }>;
}

export async function unitPage(deps: ApiDeps, scope: Scope, code: string): Promise<UnitView> {
  const unit = await registeredUnit(deps.store, code);
  requireAccess(canRead(scope, unit), code);
  const [statuses, state, claims, day, history] = await Promise.all([
    deps.store.getStatuses(code),
    deps.store.getUnitState(code),
    deps.log.sentFor(code),
    deps.store.latestRunDay(),
    deps.store.getStatusHistory(code),
  ]);
  const findings = day === undefined ? [] : await deps.store.getFindings(code, day);
  return buildUnitView({ unit, statuses, state, claims, findings, history, catalog: deps.catalog });
}

export async function unitChildren(deps: ApiDeps, scope: Scope, code: string): Promise<UnitChildren> {
  const unit = await registeredUnit(deps.store, code);
  requireAccess(canRead(scope, unit), code);
  const children = (await childrenOf(deps, unit)).filter((child) => canRead(scope, child)).sort(byCode);
  const chased = indexCatalog(deps.catalog);
  const rows = await boundedMap(children, STATUS_READS_IN_FLIGHT, async (child) => ({
    unit: listedUnit(child),
    /* A requirement withdrawn from the catalog is no longer chased, nor counted against a unit. */
    statuses: (await deps.store.getStatuses(child.unitCode)).filter((s) => chased.has(s.requirement)).map(statusSummary),
  }));
  return { unit: code, children: rows };
}

/* A unit whose registry entry names no parent is the department's own, as the daily run counts it. */
async function childrenOf(deps: ApiDeps, unit: UnitRecord): Promise<UnitRecord[]> {
  if (unit.unitKind !== 'department') return deps.store.listChildren(unit.unitCode);
  const [children, topLevel] = await Promise.all([deps.store.listChildren(unit.unitCode), deps.store.listTopLevel()]);
  return [...children, ...topLevel.filter((u) => u.unitKind !== 'department')];
}

function statusSummary({ failingCodes: _codes, ...summary }: StoredStatus): StatusSummary {
  return summary;
}

export function byCode(a: UnitRecord, b: UnitRecord): number {
  return a.unitCode.localeCompare(b.unitCode);
}
