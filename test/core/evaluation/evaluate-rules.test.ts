import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../functions/core/evaluation/evaluate.ts';
import type { EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import type { Requirement } from '../../../functions/core/catalog/schema.ts';
import { catalogOf, profile, registryOf, requirement, staff, statesOf, student, summarise, unit, vn } from './builders.ts';

const DAY = 86_400_000;
const registry = registryOf(unit('A'), unit('B'));

/** Each snapshot is one file: its own as-of, its own records. */
function run(req: Requirement, asOf: number, ...snapshots: Array<[number, EntityRecord[]]>) {
  const states = statesOf(...snapshots.map(([at, records]) => summarise([req], at, records)));
  return evaluate(catalogOf(req), { registry, states, asOf });
}

function forUnit(req: Requirement, code: string, asOf: number, ...snapshots: Array<[number, EntityRecord[]]>) {
  return run(req, asOf, ...snapshots).find((r) => r.unit === code);
}

describe('evaluate: update window', () => {
  const req = requirement('uw', { kind: 'update_window', entity: 'students', effective_field: 'status_effective_date' }, { deadlines: [{ at: vn('2024-02-10') }] });
  const start = vn('2024-02-01T00:00');
  const changed = (code: string, lag: number) => student('A', code, { status: 'transferred_out', statusEffectiveDate: '2024-02-01', updatedAt: start + lag });
  const at = vn('2024-02-20');

  it('is compliant within three days, whatever the deadline says', () => {
    expect(forUnit(req, 'A', at, [at, [changed('HS1', 3 * DAY)]])).toMatchObject({ status: 'compliant', warning: 0, total: 1, failing: 0 });
  });

  it('warns between three and five days', () => {
    const r = forUnit(req, 'A', at, [at, [changed('HS1', 3 * DAY + 1), changed('HS2', DAY)]]);
    expect(r).toMatchObject({ status: 'warning', warning: 1, failing: 0, rate: 0 });
    expect(r?.compliantSince).toBeUndefined();
  });

  it('measures a change that took effect on a day whose midnight the clocks skipped (1 April 1947) from that day’s first instant', () => {
    // At 00:00 on 1/4/1947 Vietnam's clocks went to 01:00, UTC+08:00: the day began at 17:00 UTC on 31/3.
    const dayStart = Date.UTC(1947, 2, 31, 17);
    const old = (code: string, lag: number) => student('A', code, { status: 'transferred_out', statusEffectiveDate: '1947-04-01', updatedAt: dayStart + lag });
    expect(forUnit(req, 'A', at, [at, [old('HS1', 3 * DAY), old('HS2', 5 * DAY + 1)]])).toMatchObject({ status: 'non_compliant', total: 2, failing: 1, failingCodes: ['HS2'] });
  });

  it('is non_compliant beyond five days', () => {
    expect(forUnit(req, 'A', at, [at, [changed('HS1', 5 * DAY + 1), changed('HS2', 4 * DAY)]])).toMatchObject({
      status: 'non_compliant',
      warning: 1,
      failing: 1,
      failingCodes: ['HS1'],
      rate: 50,
    });
  });
});

describe('evaluate: freshness', () => {
  const req = requirement('song', { kind: 'freshness', entity: 'students', max_age_days: 7 });

  it('is compliant while the latest snapshot is at most max_age_days old', () => {
    const taken = vn('2024-09-01T08:00');
    expect(forUnit(req, 'A', taken + 7 * DAY, [taken, [student('A', 'HS1')]])).toMatchObject({ status: 'compliant', total: 1, failing: 0, compliantSince: taken });
    expect(forUnit(req, 'A', taken + 7 * DAY + 1, [taken, [student('A', 'HS1')]])).toMatchObject({ status: 'non_compliant', total: 1, failing: 1, rate: 100 });
  });

  it('has no data for a unit that never uploaded', () => {
    expect(forUnit(req, 'B', vn('2024-09-02'), [vn('2024-09-01'), [student('A', 'HS1')]])?.status).toBe('no_data');
  });
});

describe('evaluate: declared totals', () => {
  const req = requirement('khop', { kind: 'declared_totals', tolerance: 1 });
  const t = vn('2022-10-20');
  const people = (n: number, make: (unitCode: string, code: string) => EntityRecord) => Array.from({ length: n }, (_, i) => make('A', `X${i}`));
  const leftStaff = staff('A', 'GV-left', { status: 'left' });

  it('compares the declared totals with the active records, within the tolerance', () => {
    const r = forUnit(
      req,
      'A',
      vn('2022-10-21'),
      [t, [profile('A', { declaredStudents: 11, declaredStaff: 3 })]],
      [t - DAY, people(10, student)],
      [t + 1000, [...people(3, staff), leftStaff]],
    );
    expect(r).toMatchObject({ status: 'compliant', total: 2, failing: 0, compliantSince: t + 1000 });
  });

  it('fails a total off by more than the tolerance, or not declared at all', () => {
    const r = forUnit(req, 'A', vn('2022-10-21'), [t, [profile('A', { declaredStudents: 12 })]], [t, people(10, student)], [t, people(3, staff)]);
    expect(r).toMatchObject({ status: 'non_compliant', total: 2, failing: 2, failingCodes: ['declared_students', 'declared_staff'], rate: 100 });
    const r2 = forUnit(req, 'A', vn('2022-10-21'), [t, [profile('A', { declaredStudents: 9, declaredStaff: 5 })]], [t, people(10, student)], [t, people(3, staff)]);
    expect(r2).toMatchObject({ failing: 1, failingCodes: ['declared_staff'], rate: 50 });
  });

  it('needs the profile and both person snapshots', () => {
    expect(forUnit(req, 'A', vn('2022-10-21'), [t, [profile('A', { declaredStudents: 10, declaredStaff: 3 })]], [t, people(10, student)])?.status).toBe('no_data');
  });
});

describe('evaluate: explanations', () => {
  const req = requirement('giai-trinh', { kind: 'explanations', entity: 'students' }, { deadlines: [{ at: vn('2023-07-04T17:00') }] });
  const t = vn('2023-06-23T11:30');
  const people: EntityRecord[] = [
    student('A', 'HS1', { idVerification: 'unverified' }),
    student('A', 'HS2', { idVerification: 'mismatch' }),
    student('A', 'HS3', { idVerification: 'unverified' }),
    student('A', 'HS4'),
    student('B', 'HS9', { idVerification: 'unverified' }),
  ];
  const explain = (unitCode: string, recordCode: string, parts: { cause?: string; remedy?: string; expectedDate?: string }): EntityRecord => ({
    entity: 'explanations',
    record: { unitCode, entity: 'students', recordCode, ...parts },
  });
  const full = { cause: 'Sai ngày sinh', remedy: 'Đối chiếu giấy khai sinh', expectedDate: '2023-07-01' };

  it('counts the unverified records still without a complete explanation', () => {
    const results = run(req, vn('2023-07-05'), [t, people], [vn('2023-07-01'), [explain('A', 'HS1', full), explain('A', 'HS2', { cause: 'x', remedy: 'y' }), explain('A', 'HS4', full)]]);
    expect(results.find((r) => r.unit === 'A')).toMatchObject({ status: 'overdue', total: 3, failing: 2, failingCodes: ['HS2', 'HS3'], rate: 66.67 });
    expect(results.find((r) => r.unit === 'B')).toMatchObject({ status: 'overdue', total: 1, failing: 1, failingCodes: ['HS9'] });
  });

  it('is compliant from the explanations snapshot once every case is explained', () => {
    const explained = vn('2023-07-03');
    const r = forUnit(req, 'A', vn('2023-07-05'), [t, people], [explained, ['HS1', 'HS2', 'HS3'].map((c) => explain('A', c, full))]);
    expect(r).toMatchObject({ status: 'compliant', total: 3, failing: 0, compliantSince: explained });
  });

  it('honours the fields the rule asks for', () => {
    const causeOnly = requirement('gt-nn', { kind: 'explanations', entity: 'students', fields: ['cause'] });
    const r = forUnit(causeOnly, 'A', vn('2023-07-05'), [t, people], [t, ['HS1', 'HS2', 'HS3'].map((c) => explain('A', c, { cause: 'x' }))]);
    expect(r).toMatchObject({ status: 'compliant', failing: 0 });
  });

  it('has no data before any explanations snapshot exists, unless nothing needs explaining', () => {
    const results = run(req, vn('2023-07-05'), [t, [...people.filter((p) => p.record.unitCode === 'A'), student('B', 'HS9')]]);
    expect(results.find((r) => r.unit === 'A')?.status).toBe('no_data');
    expect(results.find((r) => r.unit === 'B')).toMatchObject({ status: 'compliant', total: 0, compliantSince: t });
  });
});
