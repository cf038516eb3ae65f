import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../functions/core/evaluation/evaluate.ts';
import type { UnitRequirementResult } from '../../../functions/core/evaluation/types.ts';
import { DondocError } from '../../../functions/core/errors.ts';
import type { EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import { catalogOf, registryOf, requirement, statesOf, student, summarise, unit, vn } from './builders.ts';

const DEADLINE = vn('2023-06-08T17:00');
const identity = requirement(
  'xac-thuc-hs',
  { kind: 'identity_verification', entity: 'students' },
  {
    deadlines: [
      { at: DEADLINE, levels: ['MN', 'TH', 'THCS'] },
      { at: vn('2023-06-15T17:00') },
    ],
  },
);
const catalog = catalogOf(identity);
const registry = registryOf(unit('THCS01', { levels: ['THCS'] }));

function one(records: EntityRecord[], asOf: number, snapshotAsOf = Math.min(asOf, vn('2023-06-01')), reminderDays?: number): UnitRequirementResult {
  const states = statesOf(summarise([identity], snapshotAsOf, records));
  const results = evaluate(catalog, { registry, states, asOf }, reminderDays === undefined ? undefined : { reminderDays });
  expect(results).toHaveLength(1);
  return results[0] as UnitRequirementResult;
}

const allVerifiedBy = (at: number) => [
  student('THCS01', 'HS1', { updatedAt: vn('2023-05-01') }),
  student('THCS01', 'HS2', { updatedAt: at }),
];
const oneUnverified = [student('THCS01', 'HS1'), student('THCS01', 'HS2', { idVerification: 'unverified' })];

describe('evaluate: statuses against a deadline', () => {
  it('compliant when the last fix came at or before the deadline, with the deadline the unit’s level selects', () => {
    const r = one(allVerifiedBy(DEADLINE), vn('2023-06-20'), vn('2023-06-19'));
    expect(r).toMatchObject({ status: 'compliant', deadline: DEADLINE, total: 2, failing: 0, rate: 0, compliantSince: DEADLINE });
  });

  it('compliant_late when the unit became compliant only after the deadline', () => {
    const r = one(allVerifiedBy(DEADLINE + 1), vn('2023-06-20'), vn('2023-06-19'));
    expect(r).toMatchObject({ status: 'compliant_late', compliantSince: DEADLINE + 1 });
  });

  it('16:59:59 on a 17:00 deadline is not overdue; 17:00:00 is', () => {
    expect(one(oneUnverified, vn('2023-06-08T16:59:59')).status).toBe('due_soon');
    expect(one(oneUnverified, vn('2023-06-08T17:00:00')).status).toBe('overdue');
    expect(one(oneUnverified, vn('2023-06-08T10:00:00Z')).status).toBe('overdue');
  });

  it('due_soon from 00:00 Vietnam time seven calendar days before the deadline’s day, pending before', () => {
    expect(one(oneUnverified, vn('2023-05-31T23:59:59.999')).status).toBe('pending');
    expect(one(oneUnverified, vn('2023-06-01T00:00')).status).toBe('due_soon');
  });

  it('honours another reminder window', () => {
    expect(one(oneUnverified, vn('2023-06-04T23:59:59'), undefined, 3).status).toBe('pending');
    expect(one(oneUnverified, vn('2023-06-05T00:00'), undefined, 3).status).toBe('due_soon');
    expect(() => one(oneUnverified, vn('2023-06-05T00:00'), undefined, -1)).toThrow(DondocError);
  });

  it('reports failing codes and the rate of a failing unit', () => {
    const records = Array.from({ length: 284 }, (_, i) =>
      student('THCS01', `HS${i}`, i < 13 ? { idVerification: 'unverified' } : {}),
    );
    const r = one(records, vn('2023-06-23T11:30'));
    expect(r).toMatchObject({ status: 'overdue', total: 284, failing: 13, rate: 4.58 });
    expect(r.failingCodes).toEqual(Array.from({ length: 13 }, (_, i) => `HS${i}`));
    expect(r.compliantSince).toBeUndefined();
  });
});

describe('evaluate: rules without a deadline, thresholds, missing data', () => {
  it('compliant / non_compliant when no deadline concerns the unit', () => {
    const noDeadline = requirement('id-any', { kind: 'identity_verification', entity: 'students' });
    const run = (records: EntityRecord[]) =>
      evaluate(catalogOf(noDeadline), { registry, states: statesOf(summarise([noDeadline], vn('2023-06-01'), records)), asOf: vn('2023-06-02') })[0];
    expect(run(allVerifiedBy(vn('2023-05-02')))).toMatchObject({ status: 'compliant', compliantSince: vn('2023-05-02') });
    expect(run(oneUnverified)).toMatchObject({ status: 'non_compliant', failing: 1, rate: 50 });
    expect(run(oneUnverified)?.deadline).toBeUndefined();
  });

  it('meets a threshold below 100 % exactly at the threshold', () => {
    const r986 = requirement('id-98', { kind: 'identity_verification', entity: 'students', threshold: 98.6 });
    const records = (unverified: number) =>
      Array.from({ length: 1000 }, (_, i) => student('THCS01', `HS${i}`, i < unverified ? { idVerification: 'unverified' } : {}));
    const run = (unverified: number) =>
      evaluate(catalogOf(r986), { registry, states: statesOf(summarise([r986], vn('2023-06-01'), records(unverified))), asOf: vn('2023-06-02') })[0]?.status;
    expect(run(14)).toBe('compliant');
    expect(run(15)).toBe('non_compliant');
  });

  it('an empty unit (no active record) meets the identity rule', () => {
    const r = one([student('THCS01', 'HS1', { status: 'graduated', idVerification: 'unverified' })], vn('2023-06-02'));
    expect(r).toMatchObject({ status: 'compliant', total: 0, rate: 0, compliantSince: vn('2023-06-01') });
  });

  it('no_data without the summary the rule needs, keeping the deadline for reminders', () => {
    const results = evaluate(catalog, { registry, states: new Map(), asOf: vn('2023-06-02') });
    expect(results).toEqual([
      { unit: 'THCS01', requirement: identity.id, dispatch: 'cv-test', status: 'no_data', deadline: DEADLINE, total: 0, failing: 0, rate: 0, failingCodes: [] },
    ]);
  });

  it('no_data when the summary predates the requirement (no tally for it)', () => {
    const states = statesOf(summarise([], vn('2023-06-01'), oneUnverified));
    expect(evaluate(catalog, { registry, states, asOf: vn('2023-06-02') })[0]?.status).toBe('no_data');
  });

  it('ignores snapshots taken after the evaluation instant', () => {
    const states = statesOf(summarise([identity], vn('2023-06-05T09:00'), allVerifiedBy(vn('2023-06-04'))));
    const at = (asOf: number) => evaluate(catalog, { registry, states, asOf })[0]?.status;
    expect(at(vn('2023-06-05T08:59:59'))).toBe('no_data');
    expect(at(vn('2023-06-05T09:00'))).toBe('compliant');
  });
});

describe('evaluate: applicability and units', () => {
  const thptOnly = requirement('thpt', { kind: 'identity_verification', entity: 'students' }, { appliesTo: { levels: ['THPT'] } });
  const anyUnit = requirement('all', { kind: 'identity_verification', entity: 'staff' });
  const department = requirement('so', { kind: 'identity_verification', entity: 'staff' }, { appliesTo: { unit_kinds: ['department', 'district_office'] } });
  const units = registryOf(
    unit('Z-THPT', { levels: ['THPT'] }),
    unit('A-MN', { levels: ['MN'], parentCode: 'PGD1' }),
    unit('SO', { unitKind: 'department', levels: [], parentCode: undefined }),
  );

  it('lists units by code, requirements in catalog order, with not_applicable where the requirement does not reach', () => {
    const results = evaluate(catalogOf(thptOnly, anyUnit, department), { registry: units, states: new Map(), asOf: vn('2023-06-01') });
    expect(results.map((r) => `${r.unit} ${r.requirement.split('/')[1]} ${r.status}`)).toEqual([
      'A-MN thpt not_applicable',
      'A-MN all no_data',
      'A-MN so not_applicable',
      'SO thpt not_applicable',
      'SO all not_applicable',
      'SO so no_data',
      'Z-THPT thpt no_data',
      'Z-THPT all no_data',
      'Z-THPT so not_applicable',
    ]);
  });

  it('evaluates a unit that uploaded data but is missing from the registry as a school of the levels it lists', () => {
    const states = statesOf(summarise([thptOnly, anyUnit], vn('2023-06-01'), [student('NEW', 'HS1', { level: 'THPT' })]));
    const results = evaluate(catalogOf(thptOnly, anyUnit, department), { registry: units, states, asOf: vn('2023-06-02') });
    expect(results.filter((r) => r.unit === 'NEW').map((r) => r.status)).toEqual(['compliant', 'no_data', 'not_applicable']);
  });
});
