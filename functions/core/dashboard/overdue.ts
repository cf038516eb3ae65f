import type { Catalog } from '../catalog/schema.ts';
import { indexCatalog } from '../notify/catalog-index.ts';
import { daysBetween, lastDayToAct } from '../notify/run-days.ts';
import type { NotificationRecord } from '../ports/notification-log.ts';
import type { StoredStatus } from '../ports/state-store.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import { vnDate } from '../time.ts';
import { escalationReached } from './escalation-reached.ts';
import type { OverdueRow } from './views.ts';

export interface OverdueInput {
  catalog: Catalog;
  /** the units the caller may read; statuses of others are left out */
  units: ReadonlyMap<string, UnitRecord>;
  statuses: readonly StoredStatus[];
  /** each unit's notification log */
  claims: ReadonlyMap<string, readonly NotificationRecord[]>;
  /** the instant days are counted to: the latest run's */
  asOf: number;
}

/**
 * The overdue rows, furthest behind first. Days overdue count Vietnam calendar days after the
 * last day the unit could act, as the escalation emails count them.
 */
export function buildOverdue(input: OverdueInput): OverdueRow[] {
  const catalog = indexCatalog(input.catalog);
  const today = vnDate(input.asOf);
  const rows: OverdueRow[] = [];
  for (const status of input.statuses) {
    const unit = input.units.get(status.unit);
    if (status.status !== 'overdue' || status.deadline === undefined || unit === undefined) continue;
    const entry = catalog.get(status.requirement);
    rows.push({
      unit: unit.unitCode,
      unitName: unit.unitName,
      office: unit.parentCode ?? null,
      requirement: status.requirement,
      requirementTitle: entry?.requirement.title ?? status.requirement,
      dispatch: status.dispatch,
      deadline: status.deadline,
      daysOverdue: Math.max(0, daysBetween(lastDayToAct(status.deadline), today)),
      total: status.total,
      failing: status.failing,
      rate: status.rate,
      reached: escalationReached(input.claims.get(unit.unitCode) ?? [], unit.unitCode, status.requirement),
    });
  }
  return rows.sort((a, b) => b.daysOverdue - a.daysOverdue || b.rate - a.rate || compare(a.unit, b.unit) || compare(a.requirement, b.requirement));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
