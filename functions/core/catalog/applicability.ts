import type { UnitRecord } from '../snapshot/entities.ts';
import { foldText } from './fold-text.ts';
import type { Applicability, Deadline, Requirement } from './schema.ts';

/*
 * Every filter that is present must match (AND); within a filter any listed value matches
 * (OR). An absent or empty filter matches every unit.
 */
function matches(filter: Applicability, unit: UnitRecord): boolean {
  const { unit_kinds: kinds, levels, districts } = filter;
  if (kinds?.length && !kinds.includes(unit.unitKind)) return false;
  if (levels?.length && !unit.levels.some((level) => levels.includes(level))) return false;
  if (districts?.length && !districts.some((d) => matchesDistrict(d, unit))) return false;
  return true;
}

/** A unit code names that unit exactly; anything else is a place name looked for inside the unit's district. */
function matchesDistrict(entry: string, unit: UnitRecord): boolean {
  const wanted = entry.trim();
  if (wanted === '') return false;
  if (wanted.toUpperCase() === unit.unitCode.trim().toUpperCase()) return true;
  return unit.district !== undefined && foldText(unit.district).includes(foldText(wanted));
}

/** Whether the requirement concerns this unit at all (its `applies_to`). */
export function appliesTo(requirement: Requirement, unit: UnitRecord): boolean {
  return matches(requirement.appliesTo, unit);
}

/**
 * The unit's deadline: the first entry, in the order the YAML lists them, whose filters all
 * match. Catalog authors put the more specific entry first (e.g. schools with THPT before
 * the MN/TH/THCS entry, so a multi-level school takes the THPT deadline). Undefined when the
 * requirement has no deadline, or none of its entries concerns the unit.
 */
export function deadlineFor(requirement: Requirement, unit: UnitRecord): Deadline | undefined {
  return requirement.deadlines.find((d) =>
    matches({ unit_kinds: d.unitKinds, levels: d.levels, districts: d.districts }, unit),
  );
}
