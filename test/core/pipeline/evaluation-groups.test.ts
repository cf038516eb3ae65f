import { describe, expect, it } from 'vitest';
import { evaluationGroups } from '../../../functions/core/pipeline/evaluation-groups.ts';
import { PART_UNITS } from '../../../functions/core/pipeline/plan-task.ts';
import type { UnitRecord } from '../../../functions/core/snapshot/entities.ts';

const unit = (code: string, unitKind: UnitRecord['unitKind'], parentCode?: string): UnitRecord => ({
  unitCode: code,
  unitName: code,
  unitKind,
  levels: [],
  ...(parentCode === undefined ? {} : { parentCode }),
});

describe('grouping the units an upload touched', () => {
  it('puts each office with its schools, and every other unit in shared chunks instead of one group each', () => {
    const direct = Array.from({ length: PART_UNITS + 5 }, (_, i) => unit(`THPT${String(i).padStart(3, '0')}`, 'school', 'SGD'));
    const registry = new Map(
      [unit('SGD', 'department'), unit('PGD1', 'district_office', 'SGD'), unit('TH1', 'school', 'PGD1'), ...direct].map((u) => [u.unitCode, u]),
    );
    const groups = evaluationGroups(registry, ['NOT-REGISTERED']);
    expect(groups[0]?.targets).toEqual(['PGD1', 'TH1']);
    expect([...(groups[0]?.scope.keys() ?? [])]).toEqual(['PGD1', 'TH1']);
    expect(groups.slice(1).map((g) => g.targets.length)).toEqual([PART_UNITS, 7]);
    expect(groups.slice(1).flatMap((g) => g.targets)).toEqual(['SGD', ...direct.map((u) => u.unitCode), 'NOT-REGISTERED']);
    /* A code missing from the registry is judged from its data alone: it is a target, never in a scope. */
    expect(groups.every((g) => !g.scope.has('NOT-REGISTERED'))).toBe(true);
    expect(groups.slice(1).every((g) => g.targets.filter((code) => code !== 'NOT-REGISTERED').every((code) => g.scope.has(code)))).toBe(true);
  });

  it('evaluates each unit exactly once', () => {
    const registry = new Map([unit('PGD1', 'district_office'), unit('TH1', 'school', 'PGD1'), unit('TH2', 'school', 'PGD-ELSEWHERE')].map((u) => [u.unitCode, u]));
    const targets = evaluationGroups(registry, ['TH1', 'X']).flatMap((g) => g.targets);
    expect(targets.sort()).toEqual(['PGD1', 'TH1', 'TH2', 'X']);
  });
});
