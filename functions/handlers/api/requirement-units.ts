import type { Scope } from '../../core/access/scope.ts';
import type { Status } from '../../core/evaluation/types.ts';
import type { StateStore } from '../../core/ports/state-store.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';
import { readableAmong } from './readable-units.ts';
import { byCode } from './unit-routes.ts';

export interface RequirementUnits {
  requirement: string;
  status: Status;
  units: UnitRecord[];
}

/** The units with a status for a requirement, as far as the caller may read them. */
export async function requirementUnits(store: StateStore, scope: Scope, requirement: string, status: Status): Promise<RequirementUnits> {
  const codes: string[] = [];
  for await (const code of store.unitsWithStatus(requirement, status)) codes.push(code);
  const units = [...(await readableAmong(store, scope, codes)).values()].sort(byCode);
  return { requirement, status, units };
}
