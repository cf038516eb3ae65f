import type { Scope } from '../../core/access/scope.ts';
import type { StateStore } from '../../core/ports/state-store.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';

export interface DemoUser {
  scope: Scope;
  unitName: string;
  /** the office a school belongs to, so the page can show whose school it is */
  parent?: string;
}

/* Enough schools to show both sides of a scope boundary without listing a province's thousand. */
const SCHOOLS_PER_OFFICE = 2;
const OFFICES_WITH_SCHOOLS = 2;
const DIRECT_UNITS = 2;

const byCode = (a: UnitRecord, b: UnitRecord) => a.unitCode.localeCompare(b.unitCode);

/**
 * Who the local sign-in offers, from the registry: the department, every district office,
 * and a few schools — of the first offices and directly under the department (upper
 * secondary schools, centres).
 */
export async function demoUsers(store: StateStore, department: string): Promise<DemoUser[]> {
  const head = await store.getUnit(department);
  if (head === undefined) return [];
  const children = (await store.listChildren(department)).sort(byCode);
  const offices = children.filter((u) => u.unitKind === 'district_office');
  const direct = children.filter((u) => u.unitKind !== 'district_office').slice(0, DIRECT_UNITS);
  const schools = await Promise.all(
    offices.slice(0, OFFICES_WITH_SCHOOLS).map(async (office) => (await store.listChildren(office.unitCode)).sort(byCode).slice(0, SCHOOLS_PER_OFFICE)),
  );
  return [
    { scope: { kind: 'department', code: head.unitCode }, unitName: head.unitName },
    ...offices.map((u) => ({ scope: { kind: 'district_office' as const, code: u.unitCode }, unitName: u.unitName })),
    ...[...schools.flat(), ...direct].map((u) => ({ scope: { kind: 'unit' as const, code: u.unitCode }, unitName: u.unitName, ...(u.parentCode === undefined ? {} : { parent: u.parentCode }) })),
  ];
}

/** The scope a registry entry signs in with: offices and the department read below themselves. */
export function scopeOf(unit: UnitRecord): Scope {
  if (unit.unitKind === 'department' || unit.unitKind === 'district_office') return { kind: unit.unitKind, code: unit.unitCode };
  return { kind: 'unit', code: unit.unitCode };
}
