import type { Catalog } from '../../functions/core/catalog/schema.ts';
import { deadlineFor } from '../../functions/core/catalog/applicability.ts';
import { concerns } from '../../functions/core/evaluation/concerns.ts';
import { deadlineStatus, reminderWindows } from '../../functions/core/evaluation/deadline-status.ts';
import { rate2 } from '../../functions/core/evaluation/rate.ts';
import type { UnitRequirementResult } from '../../functions/core/evaluation/types.ts';
import { mulberry32 } from '../../functions/demo/prng.ts';
import { LEVELS, type UnitRecord } from '../../functions/core/snapshot/entities.ts';

export const DEPARTMENT = 'BGD';

/**
 * A national registry: the ministry's department at the top, `offices` district offices and
 * `units` units in all, a fifth of the schools directly under the department (as upper
 * secondary schools are), every unit with both addresses.
 */
export function nationalRegistry(units: number, offices: number, seed: number): Map<string, UnitRecord> {
  const rng = mulberry32(seed);
  const registry = new Map<string, UnitRecord>();
  const email = (code: string, role: string) => `${role}.${code.toLowerCase()}@edu.vn`;
  registry.set(DEPARTMENT, { unitCode: DEPARTMENT, unitName: 'Bộ GDĐT', unitKind: 'department', levels: [], headEmail: email(DEPARTMENT, 'ht'), officerEmail: email(DEPARTMENT, 'cb') });
  for (let o = 0; o < offices; o++) {
    const code = `PGD${String(o).padStart(4, '0')}`;
    registry.set(code, { unitCode: code, unitName: `Phòng GDĐT ${o}`, unitKind: 'district_office', levels: [], parentCode: DEPARTMENT, district: `Huyện ${o}`, headEmail: email(code, 'tp') });
  }
  for (let s = registry.size; s < units; s++) {
    const code = `TR${String(s).padStart(6, '0')}`;
    const underDepartment = rng.next() < 0.2;
    const level = underDepartment ? 'THPT' : (LEVELS[Math.floor(rng.next() * 3)] ?? 'TH');
    const parentCode = underDepartment ? DEPARTMENT : `PGD${String(Math.floor(rng.next() * offices)).padStart(4, '0')}`;
    registry.set(code, { unitCode: code, unitName: `Trường ${code}`, unitKind: 'school', levels: [level], parentCode, headEmail: email(code, 'ht'), officerEmail: email(code, 'cb') });
  }
  return registry;
}

/**
 * Every unit × requirement that concerns it, as an evaluation at `asOf` would give it: two in
 * five behind. `keep` selects some units' results (one part's) from the same random draws.
 */
export function nationalResults(
  catalog: Catalog,
  registry: ReadonlyMap<string, UnitRecord>,
  asOf: number,
  seed: number,
  keep: (unit: string) => boolean = () => true,
): UnitRequirementResult[] {
  const rng = mulberry32(seed);
  const windowStart = reminderWindows(7);
  const results: UnitRequirementResult[] = [];
  for (const unit of registry.values()) {
    for (const requirement of catalog.dispatches.flatMap((d) => d.requirements)) {
      if (!concerns(requirement, unit)) continue;
      const deadline = deadlineFor(requirement, unit)?.at;
      const total = 100 + Math.floor(rng.next() * 900);
      const met = rng.next() < 0.6;
      const failing = met ? 0 : 1 + Math.floor(rng.next() * 40);
      if (!keep(unit.unitCode)) continue;
      const codes = Array.from({ length: Math.min(failing, 50) }, (_, i) => `HS${String(i).padStart(6, '0')}`);
      results.push({
        unit: unit.unitCode,
        requirement: requirement.id,
        dispatch: requirement.dispatchId,
        status: deadlineStatus(met, met ? asOf - 86_400_000 : undefined, deadline, asOf, windowStart),
        ...(deadline === undefined ? {} : { deadline }),
        total,
        failing,
        rate: rate2(failing, total),
        failingCodes: codes,
      });
    }
  }
  return results;
}

/** The parts the scheduled run cuts this registry into (functions/core/pipeline/run-parts.ts): each office with its schools, then chunks of the department's own units. */
export function nationalParts(registry: ReadonlyMap<string, UnitRecord>, partUnits: number): string[][] {
  const offices = new Map<string, string[]>();
  for (const unit of registry.values()) if (unit.unitKind === 'district_office' && unit.parentCode === DEPARTMENT) offices.set(unit.unitCode, [unit.unitCode]);
  const own = [DEPARTMENT];
  for (const unit of registry.values()) {
    if (unit.unitKind === 'district_office' || unit.unitKind === 'department') continue;
    const office = unit.parentCode === undefined ? undefined : offices.get(unit.parentCode);
    if (office) office.push(unit.unitCode);
    else own.push(unit.unitCode);
  }
  const parts = [...offices.values()];
  for (let i = 0; i < own.length; i += partUnits) parts.push(own.slice(i, i + partUnits));
  return parts;
}
