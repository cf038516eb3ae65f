import { describe, expect, it } from 'vitest';
import { buildOverview } from '../../../functions/core/dashboard/overview.ts';
import { unitCounts } from '../../../functions/core/dashboard/unit-counts.ts';
import type { StatusCounts } from '../../../functions/core/evaluation/types.ts';
import { catalogWith, DEADLINE, REQ, requirementWith, run } from '../notify/province.ts';
import { unit } from '../evaluation/builders.ts';

const OTHER = 'hp-2023-quy-trinh-ra-soat/nhan-su-xac-thuc';
const LATER = run('2023-06-20');
const catalog = catalogWith(requirementWith(), { ...requirementWith(undefined, OTHER), deadlines: [{ at: DEADLINE, levels: ['THPT'] }, { at: LATER }] });
const counts = (units: number, byStatus: StatusCounts['byStatus']): StatusCounts => ({ units, total: 100 * units, failing: 5, rate: 5 / units, byStatus });

describe('buildOverview', () => {
  const scope = { kind: 'department' as const, code: 'SGD', name: 'Sở GDĐT Hải Phòng' };

  it('gives every requirement of the catalog its deadlines in Vietnamese, counts and trend, oldest point first', () => {
    const view = buildOverview({
      scope,
      catalog,
      counts: new Map([[REQ, counts(3, { overdue: 2, compliant: 1 })]]),
      trend: [
        { scope: 'PROVINCE', key: REQ, day: '2023-06-09', counts: counts(3, { overdue: 2, compliant: 1 }) },
        { scope: 'PROVINCE', key: REQ, day: '2023-06-08', counts: counts(3, { due_soon: 3 }) },
      ],
      run: { day: '2023-06-09', evaluatedAt: run('2023-06-09') },
      now: run('2026-11-23'),
    });
    expect(view).toMatchObject({ scope, evaluatedAt: run('2023-06-09'), runDay: '2023-06-09' });
    const [first, second] = view.dispatches[0]?.requirements ?? [];
    expect(first?.deadlines).toEqual([{ at: DEADLINE, text: '17h00 ngày 08/6/2023', appliesTo: '' }]);
    expect(first?.counts.byStatus).toEqual({ overdue: 2, compliant: 1 });
    expect(first?.trend.map((p) => p.day)).toEqual(['2023-06-08', '2023-06-09']);
    /* the next deadline is the one after the run, not after the clock */
    expect(first?.nextDeadline).toBeUndefined();
    expect(second?.deadlines.map((d) => d.appliesTo)).toEqual(['THPT', '']);
    expect(second?.nextDeadline).toBe(LATER);
    expect(second?.counts).toEqual({ units: 0, total: 0, failing: 0, rate: 0, byStatus: {} });
    expect(second?.trend).toEqual([]);
  });

  it('counts from the clock before any run, and says no run happened', () => {
    const view = buildOverview({ scope, catalog, counts: new Map(), trend: [], now: run('2023-06-01') });
    expect(view.evaluatedAt).toBeUndefined();
    expect(view.dispatches[0]?.requirements[0]?.nextDeadline).toBe(DEADLINE);
  });
});

describe('unitCounts', () => {
  it('counts a school’s own statuses like a rollup, leaving out what does not apply', () => {
    const school = unit('THPT1');
    const result = (requirement: string, status: 'overdue' | 'not_applicable') => ({
      unit: 'THPT1', requirement, dispatch: 'd', status, total: 40, failing: 4, rate: 10, failingCodes: [],
    });
    const counted = unitCounts(school, [result(REQ, 'overdue'), result(OTHER, 'not_applicable')]);
    expect(counted.get(REQ)).toEqual({ units: 1, total: 40, failing: 4, rate: 10, byStatus: { overdue: 1 } });
    expect(counted.has(OTHER)).toBe(false);
  });
});
