import type { Catalog } from '../catalog/schema.ts';
import type { StateStore, StatusChange } from '../ports/state-store.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import { evaluateStored } from './evaluate-stored.ts';

export interface Reevaluation {
  /** every unit evaluated (the given ones and the district offices above them) */
  units: string[];
  changes: StatusChange[];
}

/**
 * Re-evaluates the units a snapshot touched, and the district offices above them: an
 * office's report rule reads its schools, so a school's change can change its office's status.
 */
export async function reevaluateUnits(store: StateStore, catalog: Catalog, codes: Iterable<string>, asOf: number): Promise<Reevaluation> {
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
    changes.push(...(await evaluateStored(store, catalog, scope, [code], asOf)).changes);
  }
  return { units: [...wanted].sort(), changes };
}
