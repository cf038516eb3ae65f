import { applies } from '../../core/evaluation/applies.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import { STATUSES, type Status } from '../../core/evaluation/types.ts';
import { boundedMap } from '../../core/concurrency/bounded-map.ts';
import { REGISTRY_SHARDS, type StateStore } from '../../core/ports/state-store.ts';

export interface RequirementLine {
  id: string;
  title: string;
  dispatch: string;
  byStatus: Partial<Record<Status, number>>;
}

export interface Compliance {
  /** units in the registry */
  units: number;
  requirements: RequirementLine[];
}

/* Count queries in flight at once: each is a small request the table answers with a number. */
const COUNTS_IN_FLIGHT = 8;

/**
 * What the table says now, for the start-up summary: how many units the registry holds and,
 * per requirement, how many units stand in each status. The statuses are counted by the
 * table (GSI2, one count query per requirement and status): reading every unit's status
 * items back with their failing codes took seconds of a province's start.
 */
export async function readCompliance(store: StateStore, catalog: Catalog): Promise<Compliance> {
  const registered = new Set<string>();
  for (let shard = 0; shard < REGISTRY_SHARDS; shard++) for await (const unit of store.listShard(shard)) registered.add(unit.unitCode);
  const requirements: RequirementLine[] = catalog.dispatches.flatMap((d) =>
    d.requirements.map((r) => ({ id: r.id, title: r.title, dispatch: d.id, byStatus: {} })),
  );
  /* No unit is counted as not applicable: the table indexes only statuses that apply. */
  const pairs = requirements.flatMap((line) => STATUSES.filter((status) => applies({ status })).map((status) => ({ line, status })));
  const counts = await boundedMap(pairs, COUNTS_IN_FLIGHT, ({ line, status }) => store.countWithStatus(line.id, status));
  pairs.forEach(({ line, status }, i) => {
    const count = counts[i] ?? 0;
    if (count > 0) line.byStatus[status] = count;
  });
  return { units: registered.size, requirements };
}
