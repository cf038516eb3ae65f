import type { Scope } from '../../core/access/scope.ts';
import type { Status } from '../../core/evaluation/types.ts';
import type { StateStore } from '../../core/ports/state-store.ts';
import { listedUnit, type ListedUnit } from '../../core/dashboard/listed-unit.ts';
import { readableAmong } from './readable-units.ts';
import { byCode } from './unit-routes.ts';

export interface RequirementUnits {
  requirement: string;
  status: Status;
  units: ListedUnit[];
}

/** The units with a status for a requirement, as far as the caller may read them. */
export async function requirementUnits(store: StateStore, scope: Scope, requirement: string, status: Status): Promise<RequirementUnits> {
  const codes: string[] = [];
  for await (const code of store.unitsWithStatus(requirement, status)) codes.push(code);
  const units = [...(await readableAmong(store, scope, codes)).values()].sort(byCode).map(listedUnit);
  return { requirement, status, units };
}
