import type { Catalog } from '../catalog/schema.ts';
import { applies } from '../evaluation/applies.ts';
import { entitiesReadBy } from '../evaluation/entities-read.ts';
import { evaluate } from '../evaluation/evaluate.ts';
import { LEVELS_READ_FROM } from '../evaluation/evaluation-context.ts';
import type { UnitRequirementResult } from '../evaluation/types.ts';
import type { StateStore, StatusChange } from '../ports/state-store.ts';
import type { EntityKind, UnitRecord } from '../snapshot/entities.ts';

/* Reads and writes in flight at once: each one waits on the store's answer, not on this process. */
export const STORE_CONCURRENCY = 8;
/* Office groups evaluated at once; each keeps the store busy with its own reads and writes. */
export const GROUP_CONCURRENCY = 4;

export interface StoredEvaluation {
  results: UnitRequirementResult[];
  changes: StatusChange[];
}

/**
 * Evaluates `targets` as of `asOf` from their stored state and writes their statuses, for the
 * requirements of `catalog` (the whole catalog, or the part an upload can change). The results
 * that do not apply go to the store too, which retires a status whose requirement stopped
 * applying; they are not returned.
 */
export async function evaluateStored(
  store: StateStore,
  catalog: Catalog,
  scope: ReadonlyMap<string, UnitRecord>,
  targets: readonly string[],
  asOf: number,
  opts: { replay?: boolean } = {},
): Promise<StoredEvaluation> {
  const all = await evaluateTargets(store, catalog, scope, targets, asOf);
  const changes = await store.putResults(all, asOf, opts);
  return { results: all.filter(applies), changes };
}

/**
 * Evaluates `targets` as of `asOf` from their stored state, writing nothing. `scope` holds
 * every unit the targets' rules may read: a district office's report rule reads its schools,
 * so an office comes with its children. Only the summaries those requirements read are
 * fetched. Results that do not apply are not returned.
 */
export async function evaluateFromStore(
  store: StateStore,
  catalog: Catalog,
  scope: ReadonlyMap<string, UnitRecord>,
  targets: readonly string[],
  asOf: number,
): Promise<UnitRequirementResult[]> {
  return (await evaluateTargets(store, catalog, scope, targets, asOf)).filter(applies);
}

async function evaluateTargets(
  store: StateStore,
  catalog: Catalog,
  scope: ReadonlyMap<string, UnitRecord>,
  targets: readonly string[],
  asOf: number,
): Promise<UnitRequirementResult[]> {
  const codes = [...new Set([...scope.keys(), ...targets])];
  const states = await store.getUnitStates(codes, summariesRead(catalog, codes, scope));
  const wanted = new Set(targets);
  return evaluate(catalog, { registry: scope, states, asOf }).filter((r) => wanted.has(r.unit));
}

/* A unit missing from the registry is judged by the levels its people summaries show, so those come too. */
function summariesRead(catalog: Catalog, codes: readonly string[], scope: ReadonlyMap<string, UnitRecord>): EntityKind[] {
  const entities = new Set<EntityKind>(entitiesReadBy(catalog));
  if (codes.some((code) => !scope.has(code))) for (const entity of LEVELS_READ_FROM) entities.add(entity);
  return [...entities];
}
