import { canRead, type Scope } from '../../core/access/scope.ts';
import { boundedMap } from '../../core/concurrency/bounded-map.ts';
import { REGISTRY_SHARDS, type StateStore } from '../../core/ports/state-store.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';

/** Every registry entry the caller may read: the whole registry for the department, a few entries otherwise. */
export async function readableRegistry(store: StateStore, scope: Scope): Promise<Map<string, UnitRecord>> {
  const units = scope.kind === 'department' ? await wholeRegistry(store) : await ownUnits(store, scope);
  return new Map(units.filter((unit) => canRead(scope, unit)).map((unit) => [unit.unitCode, unit]));
}

/**
 * The registry entries of these codes that the caller may read. A unit whose entry is gone
 * cannot be placed in the hierarchy and is left out. An office or a unit reads its few own
 * entries rather than one per unit of the province.
 */
export async function readableAmong(store: StateStore, scope: Scope, codes: readonly string[]): Promise<Map<string, UnitRecord>> {
  if (scope.kind === 'department') return store.getUnits(codes);
  const wanted = new Set(codes);
  const own = await readableRegistry(store, scope);
  return new Map([...own].filter(([code]) => wanted.has(code)));
}

async function wholeRegistry(store: StateStore): Promise<UnitRecord[]> {
  const shards = await boundedMap([...Array(REGISTRY_SHARDS).keys()], REGISTRY_SHARDS, async (shard) => {
    const units: UnitRecord[] = [];
    for await (const unit of store.listShard(shard)) units.push(unit);
    return units;
  });
  return shards.flat();
}

async function ownUnits(store: StateStore, scope: Scope): Promise<UnitRecord[]> {
  const [own, children] = await Promise.all([store.getUnit(scope.code), scope.kind === 'district_office' ? store.listChildren(scope.code) : []]);
  return own === undefined ? children : [own, ...children];
}
