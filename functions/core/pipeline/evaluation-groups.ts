import type { UnitRecord } from '../snapshot/entities.ts';

export interface EvaluationGroup {
  /** every unit the targets' rules may read */
  scope: Map<string, UnitRecord>;
  targets: string[];
}

/**
 * Splits the registry so that each unit is evaluated exactly once and never without what its
 * rules read: a district office together with its schools, every other unit on its own.
 * One group at a time is in memory, so a national registry runs in bounded space.
 */
export function evaluationGroups(registry: ReadonlyMap<string, UnitRecord>): EvaluationGroup[] {
  const groups = new Map<string, EvaluationGroup>();
  for (const unit of registry.values()) {
    if (unit.unitKind === 'district_office') groups.set(unit.unitCode, { scope: new Map([[unit.unitCode, unit]]), targets: [unit.unitCode] });
  }
  const singles: EvaluationGroup[] = [];
  for (const unit of registry.values()) {
    if (unit.unitKind === 'district_office') continue;
    const office = unit.parentCode === undefined ? undefined : groups.get(unit.parentCode);
    if (office) {
      office.scope.set(unit.unitCode, unit);
      office.targets.push(unit.unitCode);
    } else {
      singles.push({ scope: new Map([[unit.unitCode, unit]]), targets: [unit.unitCode] });
    }
  }
  return [...groups.values(), ...singles];
}
