import type { Catalog } from '../../core/catalog/schema.ts';
import type { Status } from '../../core/evaluation/types.ts';
import { REGISTRY_SHARDS, type StateStore, type StoredStatus } from '../../core/ports/state-store.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';

export interface RequirementLine {
  id: string;
  title: string;
  dispatch: string;
  byStatus: Partial<Record<Status, number>>;
}

export interface Compliance {
  units: Array<{ unit: UnitRecord; statuses: StoredStatus[] }>;
  requirements: RequirementLine[];
}

/**
 * What the table says now, for the start-up summary: every unit with
 * its stored statuses, and per requirement how many units stand in each status. It walks the
 * registry shard by shard, one query per unit: fine for a province on a laptop.
 */
export async function readCompliance(store: StateStore, catalog: Catalog): Promise<Compliance> {
  const units: Compliance['units'] = [];
  for (let shard = 0; shard < REGISTRY_SHARDS; shard++) {
    for await (const unit of store.listShard(shard)) units.push({ unit, statuses: await store.getStatuses(unit.unitCode) });
  }
  units.sort((a, b) => (a.unit.unitCode < b.unit.unitCode ? -1 : a.unit.unitCode > b.unit.unitCode ? 1 : 0));
  const requirements: RequirementLine[] = catalog.dispatches.flatMap((d) =>
    d.requirements.map((r) => ({ id: r.id, title: r.title, dispatch: d.id, byStatus: {} })),
  );
  const byId = new Map(requirements.map((r) => [r.id, r]));
  for (const { statuses } of units) {
    for (const s of statuses) {
      const line = byId.get(s.requirement);
      if (line) line.byStatus[s.status] = (line.byStatus[s.status] ?? 0) + 1;
    }
  }
  return { units, requirements };
}
