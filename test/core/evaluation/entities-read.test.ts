import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../functions/core/catalog/load.ts';
import { entitiesReadBy, requirementsReading } from '../../../functions/core/evaluation/entities-read.ts';
import { evaluate } from '../../../functions/core/evaluation/evaluate.ts';
import type { UnitState } from '../../../functions/core/evaluation/types.ts';
import { ENTITY_KINDS, type EntityKind } from '../../../functions/core/snapshot/entities.ts';
import { catalogOf, profile, requirement, staff, student, summarise, unit, vn } from './builders.ts';

const ids = (entity: EntityKind, catalog = mixed) =>
  requirementsReading(catalog, entity).dispatches.flatMap((d) => d.requirements.map((r) => r.id.split('/')[1]));

const mixed = catalogOf(
  requirement('hs-dinh-danh', { kind: 'identity_verification', entity: 'students' }),
  requirement('cb-dinh-danh', { kind: 'identity_verification', entity: 'staff' }),
  requirement('ho-so', { kind: 'required_fields', entity: 'profiles', fields: ['district'] }),
  requirement('khop-tong-so', { kind: 'declared_totals' }),
  requirement('giai-trinh-hs', { kind: 'explanations', entity: 'students' }),
  requirement('bao-cao', { kind: 'report_submitted', period: '2022-2023/dau-nam', after_children: true }),
);

describe('the requirements an upload can change', () => {
  it('are those whose rule reads the uploaded entity, in catalog order', () => {
    expect(ids('students')).toEqual(['hs-dinh-danh', 'khop-tong-so', 'giai-trinh-hs']);
    expect(ids('staff')).toEqual(['cb-dinh-danh', 'khop-tong-so']);
    expect(ids('profiles')).toEqual(['ho-so', 'khop-tong-so']);
    expect(ids('explanations')).toEqual(['giai-trinh-hs']);
    expect(ids('reports')).toEqual(['bao-cao']);
  });

  it('are every requirement for the registry, which decides whom each concerns and when', () => {
    expect(requirementsReading(mixed, 'units')).toBe(mixed);
  });

  it('cover every requirement of the shipped catalog between them, and drop dispatches left empty', async () => {
    const catalog = await loadCatalog();
    const all = catalog.dispatches.flatMap((d) => d.requirements.map((r) => r.id));
    const union = new Set(
      ENTITY_KINDS.filter((e) => e !== 'units').flatMap((e) => requirementsReading(catalog, e).dispatches.flatMap((d) => d.requirements.map((r) => r.id))),
    );
    expect([...union].sort()).toEqual([...all].sort());
    for (const entity of ENTITY_KINDS) for (const d of requirementsReading(catalog, entity).dispatches) expect(d.requirements.length).toBeGreaterThan(0);
    expect([...entitiesReadBy(catalog)].sort()).toEqual(['explanations', 'profiles', 'reports', 'staff', 'students']);
  });

  /* What makes leaving the other requirements alone right: their results do not depend on the entity at all. */
  it('leave out only requirements whose results stay the same whatever the entity holds', () => {
    const units = new Map([['THPT1', unit('THPT1', { levels: ['THPT'] })]]);
    const requirements = mixed.dispatches.flatMap((d) => d.requirements);
    const asOf = vn('2023-06-23T08:00');
    const base: UnitState = {};
    for (const s of summarise(requirements, asOf, [student('THPT1', 'HS1'), staff('THPT1', 'CB1'), profile('THPT1', { declaredStudents: 1, declaredStaff: 1 })])) {
      base[s.entity] = s;
    }
    const without = { ...base, students: undefined };
    const judged = (state: UnitState) => evaluate(mixed, { registry: units, states: new Map([['THPT1', state]]), asOf });
    const changed = new Set(
      judged(base)
        .filter((r, i) => JSON.stringify(r) !== JSON.stringify(judged(without)[i]))
        .map((r) => r.requirement.split('/')[1]),
    );
    expect([...changed].every((id) => ids('students').includes(id))).toBe(true);
    expect(changed.size).toBeGreaterThan(0);
  });
});
