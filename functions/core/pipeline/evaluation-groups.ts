import type { UnitRecord } from '../snapshot/entities.ts';
import { PART_UNITS } from './plan-task.ts';

export interface EvaluationGroup {
  /** every unit the targets' rules may read */
  scope: Map<string, UnitRecord>;
  targets: string[];
}

/**
 * Splits the registry so that each unit is evaluated exactly once and never without what its
 * rules read: a district office together with its schools; every other unit (and every code
 * not in the registry) in chunks of PART_UNITS, as the daily run cuts the department's own
 * units, since only an office's rules read other units. A chunk is one set of batch reads
 * and writes instead of one per unit; one group at a time is in memory.
 */
export function evaluationGroups(registry: ReadonlyMap<string, UnitRecord>, unregistered: readonly string[] = []): EvaluationGroup[] {
  const groups = new Map<string, EvaluationGroup>();
  for (const unit of registry.values()) {
    if (unit.unitKind === 'district_office') groups.set(unit.unitCode, { scope: new Map([[unit.unitCode, unit]]), targets: [unit.unitCode] });
  }
  const others: Array<UnitRecord | string> = [];
  for (const unit of registry.values()) {
    if (unit.unitKind === 'district_office') continue;
    const office = unit.parentCode === undefined ? undefined : groups.get(unit.parentCode);
    if (office) {
      office.scope.set(unit.unitCode, unit);
      office.targets.push(unit.unitCode);
    } else {
      others.push(unit);
    }
  }
  others.push(...unregistered.filter((code) => !registry.has(code)));
  const chunks: EvaluationGroup[] = [];
  for (let i = 0; i < others.length; i += PART_UNITS) {
    const chunk = others.slice(i, i + PART_UNITS);
    chunks.push({
      scope: new Map(chunk.flatMap((unit) => (typeof unit === 'string' ? [] : [[unit.unitCode, unit] as const]))),
      targets: chunk.map((unit) => (typeof unit === 'string' ? unit : unit.unitCode)),
    });
  }
  return [...groups.values(), ...chunks];
}
