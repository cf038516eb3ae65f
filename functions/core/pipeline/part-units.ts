import type { StateStore } from '../ports/state-store.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import type { PartSpec } from './plan-task.ts';

/** A part's units: every unit its rules may read, and those it evaluates. */
export interface PartUnits {
  scope: Map<string, UnitRecord>;
  targets: string[];
}

/**
 * An office part is the office and every unit under it, read now (a school registered since
 * the run started is in); a chunk is the codes it was given that are still registered.
 */
export async function partUnits(store: StateStore, part: PartSpec): Promise<PartUnits> {
  if ('units' in part) {
    const found = await store.getUnits(part.units);
    return { scope: found, targets: part.units.filter((code) => found.has(code)) };
  }
  const [office, children] = await Promise.all([store.getUnit(part.office), store.listChildren(part.office)]);
  /* An office under an office would be its own part's; dondoc's registry has none, and it is not evaluated twice. */
  const schools = children.filter((u) => u.unitKind !== 'district_office');
  const scope = new Map<string, UnitRecord>(schools.map((u) => [u.unitCode, u]));
  if (office) scope.set(office.unitCode, office);
  return { scope, targets: [...(office ? [office.unitCode] : []), ...schools.map((u) => u.unitCode)] };
}
