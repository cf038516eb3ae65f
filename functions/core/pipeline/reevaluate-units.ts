import type { Catalog } from '../catalog/schema.ts';
import { evaluate } from '../evaluation/evaluate.ts';
import type { UnitState } from '../evaluation/types.ts';
import type { StateStore, StatusChange } from '../ports/state-store.ts';
import type { UnitRecord } from '../snapshot/entities.ts';

export interface Reevaluation {
  /** every unit evaluated (the given ones and the district offices above them) */
  units: string[];
  changes: StatusChange[];
}

/**
 * Re-evaluates the given units as of `asOf` from the stored state and writes their statuses.
 * A district office's report rule reads its schools, so an office is evaluated with its
 * children, and a school's change re-evaluates the office above it too.
 */
export async function reevaluateUnits(
  store: StateStore,
  catalog: Catalog,
  codes: Iterable<string>,
  asOf: number,
): Promise<Reevaluation> {
  const wanted = new Set(codes);
  const registry = new Map<string, UnitRecord>();
  for (const code of wanted) {
    const unit = await store.getUnit(code);
    if (unit) registry.set(code, unit);
  }
  for (const unit of [...registry.values()]) {
    const parent = unit.parentCode === undefined ? undefined : await store.getUnit(unit.parentCode);
    if (parent?.unitKind === 'district_office') {
      wanted.add(parent.unitCode);
      registry.set(parent.unitCode, parent);
    }
  }
  const changes: StatusChange[] = [];
  for (const code of [...wanted].sort()) {
    const unit = registry.get(code);
    const scope = new Map<string, UnitRecord>(unit ? [[code, unit]] : []);
    if (unit?.unitKind === 'district_office') for (const child of await store.listChildren(code)) scope.set(child.unitCode, child);
    const states = new Map<string, UnitState>();
    for (const member of new Set([code, ...scope.keys()])) states.set(member, await store.getUnitState(member));
    const results = evaluate(catalog, { registry: scope, states, asOf }).filter((r) => r.unit === code && r.status !== 'not_applicable');
    changes.push(...(await store.putResults(results, asOf)));
  }
  return { units: [...wanted].sort(), changes };
}
