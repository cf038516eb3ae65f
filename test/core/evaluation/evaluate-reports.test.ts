import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../functions/core/evaluation/evaluate.ts';
import type { EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import { catalogOf, registryOf, report, requirement, statesOf, summarise, unit, vn } from './builders.ts';

const PERIOD = '2022-2023/dau-nam';
const OFFICE_DEADLINE = vn('2022-10-30');
const SCHOOL_DEADLINE = vn('2022-10-25');
const schools = requirement(
  'bc-truong',
  { kind: 'report_submitted', period: PERIOD },
  { appliesTo: { unit_kinds: ['school', 'centre'] }, deadlines: [{ at: SCHOOL_DEADLINE }] },
);
const offices = requirement(
  'bc-phong',
  { kind: 'report_submitted', period: PERIOD, after_children: true },
  { appliesTo: { unit_kinds: ['district_office', 'school'], levels: ['MN', 'TH', 'THCS'] }, deadlines: [{ at: OFFICE_DEADLINE }] },
);
const officeUnit = unit('PGD1', { unitKind: 'district_office', levels: ['MN', 'TH', 'THCS'], parentCode: 'SO' });
const registry = registryOf(
  officeUnit,
  unit('MN1', { levels: ['MN'], parentCode: 'PGD1' }),
  unit('TH1', { levels: ['TH'], parentCode: 'PGD1' }),
  // under the office but not concerned by the office requirement (no MN/TH/THCS level): not waited for
  unit('GDTX1', { unitKind: 'centre', levels: ['GDTX'], parentCode: 'PGD1' }),
  unit('THPT1', { levels: ['THPT'], parentCode: 'SO' }),
);

function officeResult(records: EntityRecord[], asOf = vn('2022-11-01')) {
  const states = statesOf(summarise([schools, offices], Math.min(asOf, vn('2022-10-31')), records));
  return evaluate(catalogOf(schools, offices), { registry, states, asOf }).find((r) => r.unit === 'PGD1' && r.requirement === offices.id);
}

describe('evaluate: report submitted', () => {
  it('a school is compliant, late or missing by its own submission', () => {
    const states = statesOf(
      summarise([schools], vn('2022-10-31'), [report('THPT1', PERIOD, SCHOOL_DEADLINE - 1), report('MN1', PERIOD, SCHOOL_DEADLINE + 1), report('TH1', '2021-2022/cuoi-nam', vn('2022-06-01'))]),
    );
    const results = evaluate(catalogOf(schools), { registry, states, asOf: vn('2022-11-01') });
    const status = (code: string) => results.find((r) => r.unit === code);
    expect(status('THPT1')).toMatchObject({ status: 'compliant', compliantSince: SCHOOL_DEADLINE - 1, total: 1, failing: 0 });
    expect(status('MN1')).toMatchObject({ status: 'compliant_late', compliantSince: SCHOOL_DEADLINE + 1 });
    expect(status('TH1')).toMatchObject({ status: 'overdue', total: 1, failing: 1, failingCodes: ['TH1'], rate: 100 });
    expect(status('GDTX1')).toMatchObject({ status: 'overdue', failing: 1 });
    expect(status('PGD1')?.status).toBe('not_applicable');
  });

  it('a submission after the evaluation instant does not count yet', () => {
    const states = statesOf(summarise([schools], vn('2022-10-20'), [report('THPT1', PERIOD, vn('2022-10-24T09:00'))]));
    const at = (asOf: number) => evaluate(catalogOf(schools), { registry, states, asOf }).find((r) => r.unit === 'THPT1')?.status;
    expect(at(vn('2022-10-24T08:59'))).toBe('due_soon');
    expect(at(vn('2022-10-24T09:00'))).toBe('compliant');
  });

  it('has no data while no reports snapshot exists at all', () => {
    const results = evaluate(catalogOf(schools, offices), { registry, states: new Map(), asOf: vn('2022-11-01') });
    expect(new Set(results.filter((r) => r.status !== 'not_applicable').map((r) => r.status))).toEqual(new Set(['no_data']));
  });

  it('after_children: the office is compliant when every concerned school submitted before it', () => {
    const r = officeResult([report('MN1', PERIOD, vn('2022-10-24')), report('TH1', PERIOD, vn('2022-10-26')), report('PGD1', PERIOD, vn('2022-10-28'))]);
    expect(r).toMatchObject({ status: 'compliant', total: 3, failing: 0, failingCodes: [], compliantSince: vn('2022-10-28'), deadline: OFFICE_DEADLINE });
  });

  it('after_children: a missing school keeps the office failing, named by code', () => {
    const r = officeResult([report('MN1', PERIOD, vn('2022-10-24')), report('PGD1', PERIOD, vn('2022-10-28'))]);
    expect(r).toMatchObject({ status: 'overdue', total: 3, failing: 1, failingCodes: ['TH1'], rate: 33.33 });
    expect(r?.compliantSince).toBeUndefined();
  });

  it('after_children: an office that submitted before its last school has not validly submitted', () => {
    const r = officeResult([report('MN1', PERIOD, vn('2022-10-24')), report('TH1', PERIOD, vn('2022-10-29')), report('PGD1', PERIOD, vn('2022-10-28'))]);
    expect(r).toMatchObject({ status: 'overdue', total: 3, failing: 1, failingCodes: ['PGD1'] });
    expect(r?.compliantSince).toBeUndefined();
  });

  it('after_children: nothing submitted at all, before the deadline', () => {
    const r = officeResult([report('THPT1', PERIOD, vn('2022-10-20'))], vn('2022-10-21'));
    expect(r).toMatchObject({ status: 'pending', total: 3, failing: 3, failingCodes: ['MN1', 'TH1', 'PGD1'], rate: 100 });
  });
});
