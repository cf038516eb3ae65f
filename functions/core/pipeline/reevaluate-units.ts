import type { Catalog } from '../catalog/schema.ts';
import type { StateStore, StatusChange } from '../ports/state-store.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import { evaluateStored, GROUP_CONCURRENCY } from './evaluate-stored.ts';
import { evaluationGroups } from './evaluation-groups.ts';
import { boundedMap } from '../concurrency/bounded-map.ts';

export interface Reevaluation {
  /** every unit evaluated (the given ones and the district offices above them) */
  units: string[];
  changes: StatusChange[];
}

/**
 * Re-evaluates the units a snapshot touched, and the district offices above them: an
 * office's report rule reads its schools, so a school's change can change its office's status.
 * Touched units are grouped under their office as in the daily run, so a province-wide units
 * snapshot evaluates each office once, with its schools, rather than once per school. Only the
 * requirements of `catalog` are evaluated: the caller passes the part an upload can change.
 */
export async function reevaluateUnits(store: StateStore, catalog: Catalog, codes: Iterable<string>, asOf: number): Promise<Reevaluation> {
  const touched = await store.getUnits([...new Set(codes)]);
  const parents = await store.getUnits([...new Set([...touched.values()].flatMap((u) => u.parentCode ?? []))]);
  const registry = new Map<string, UnitRecord>(touched);
  for (const parent of parents.values()) if (parent.unitKind === 'district_office') registry.set(parent.unitCode, parent);
  const unregistered = [...new Set(codes)].filter((code) => !registry.has(code));

  const evaluated = await boundedMap(evaluationGroups(registry, unregistered), GROUP_CONCURRENCY, async (group) => {
    const office = group.targets.map((code) => registry.get(code)).find((unit) => unit?.unitKind === 'district_office');
    /* An office's rules read all its schools, touched or not. */
    if (office) for (const child of await store.listChildren(office.unitCode)) if (!group.scope.has(child.unitCode)) group.scope.set(child.unitCode, child);
    return (await evaluateStored(store, catalog, group.scope, group.targets, asOf)).changes;
  });
  const changes: StatusChange[] = evaluated.flat();
  return { units: [...registry.keys(), ...unregistered].sort(), changes };
}
