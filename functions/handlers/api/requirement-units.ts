import { canRead, type Scope } from '../../core/access/scope.ts';
import type { Status } from '../../core/evaluation/types.ts';
import type { StateStore } from '../../core/ports/state-store.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';
import { boundedMap } from '../../core/concurrency/bounded-map.ts';
import { byCode } from './unit-routes.ts';

const UNIT_READS_IN_FLIGHT = 16;

export interface RequirementUnits {
  requirement: string;
  status: Status;
  units: UnitRecord[];
}

/**
 * The units with a status for a requirement, as far as the caller may read them. A unit
 * whose registry entry is gone cannot be placed in the hierarchy and is left out.
 */
export async function requirementUnits(store: StateStore, scope: Scope, requirement: string, status: Status): Promise<RequirementUnits> {
  const codes: string[] = [];
  for await (const code of store.unitsWithStatus(requirement, status)) codes.push(code);
  const units = (await candidates(store, scope, codes)).filter((unit) => canRead(scope, unit)).sort(byCode);
  return { requirement, status, units };
}

/* An office or a unit reads a few registry entries at most, so it loads those rather than
   one entry per unit of the whole province. */
async function candidates(store: StateStore, scope: Scope, codes: readonly string[]): Promise<UnitRecord[]> {
  if (scope.kind === 'department') return defined(await boundedMap(codes, UNIT_READS_IN_FLIGHT, (code) => store.getUnit(code)));
  const wanted = new Set(codes);
  const own = await store.getUnit(scope.code);
  const children = scope.kind === 'district_office' ? await store.listChildren(scope.code) : [];
  return defined([own, ...children]).filter((unit) => wanted.has(unit.unitCode));
}

function defined(units: ReadonlyArray<UnitRecord | undefined>): UnitRecord[] {
  return units.filter((unit): unit is UnitRecord => unit !== undefined);
}
