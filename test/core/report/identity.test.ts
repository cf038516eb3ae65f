import { describe, expect, it } from 'vitest';
import { rate2 } from '../../../functions/core/evaluation/rate.ts';
import { identityReport } from '../../../functions/core/report/identity.ts';
import { parseInstant } from '../../../functions/core/time.ts';
import { AS_OF, REGISTRY, SUMMARIES, summary } from './fixture.ts';

const r = (total: number, unverified: number) => ({ total, unverified, rate: rate2(unverified, total) });
const pair = (s: [number, number], t: [number, number]) => ({ students: r(...s), staff: r(...t) });

describe('rate2', () => {
  it('rounds half-up to two decimals, 0 for no records', () => {
    expect(rate2(13, 284)).toBe(4.58);
    expect(rate2(44, 52)).toBe(84.62);
    expect(rate2(1, 8)).toBe(12.5);
    expect(rate2(1, 800)).toBe(0.13);
    expect(rate2(1, 1600)).toBe(0.06);
    expect(rate2(0, 0)).toBe(0);
    expect(rate2(3, 3)).toBe(100);
  });
});

describe('identityReport', () => {
  const report = identityReport(REGISTRY, SUMMARIES, AS_OF);
  const unit = (code: string) => report.units.find((u) => u.code === code);

  it('has the contract shape, with the as-of in Vietnam time', () => {
    expect(Object.keys(report)).toEqual(['asOf', 'total', 'byLevel', 'units', 'districts']);
    expect(report.asOf).toBe('2023-06-23T11:30:00+07:00');
    expect(Object.keys(unit('TH1') ?? {})).toEqual(['code', 'name', 'kind', 'district', 'parent', 'levels', 'students', 'staff', 'byLevel']);
  });

  it('computes rates half-up to two decimals (13 / 284 → 4.58)', () => {
    expect(unit('THPT1')?.students).toEqual({ total: 284, unverified: 13, rate: 4.58 });
  });

  it('totals every record, including those no level could be found for', () => {
    expect(report.total).toEqual(pair([550, 54], [70, 48]));
  });

  it('lists the province by level in MN, TH, THCS, THPT, GDTX order, records without a level placed where the unit allows', () => {
    expect(report.byLevel).toEqual([
      { level: 'MN', ...pair([10, 1], [0, 0]) },
      { level: 'TH', ...pair([50, 5], [9, 1]) },
      { level: 'THCS', ...pair([49, 13], [3, 1]) },
      { level: 'THPT', ...pair([334, 18], [58, 46]) },
      { level: 'GDTX', ...pair([100, 10], [0, 0]) },
    ]);
  });

  it('lists every unit sorted by code, those only in the data as schools with no parent', () => {
    expect(report.units.map((u) => u.code)).toEqual(['GDTX1', 'GHOST', 'MN1', 'MULTI', 'PGD1', 'PGD2', 'SGD', 'TH1', 'THPT1']);
    expect(unit('GHOST')).toMatchObject({ name: 'GHOST', kind: 'school', parent: null, district: null, levels: ['THCS'], students: r(9, 9) });
    expect(unit('SGD')).toMatchObject({ kind: 'department', ...pair([0, 0], [0, 0]), byLevel: [] });
  });

  it("resolves a record's missing level to the unit's only level, or GDTX for a centre without levels", () => {
    expect(unit('MN1')?.byLevel).toEqual([{ level: 'MN', ...pair([10, 1], [0, 0]) }]);
    expect(unit('THPT1')?.byLevel).toEqual([{ level: 'THPT', ...pair([284, 13], [52, 44]) }]);
    expect(unit('GDTX1')).toMatchObject({ kind: 'centre', levels: [], byLevel: [{ level: 'GDTX', ...pair([100, 10], [0, 0]) }] });
  });

  it('keeps the unplaced records of a multi-level unit in its totals only, and orders its levels', () => {
    const multi = unit('MULTI');
    expect(multi?.levels).toEqual(['TH', 'THCS', 'THPT']);
    expect(multi?.students).toEqual(r(127, 19));
    expect(multi?.byLevel.map((l) => [l.level, l.students.total])).toEqual([
      ['TH', 30],
      ['THCS', 40],
      ['THPT', 50],
    ]);
  });

  it("groups schools by supervising unit: the department's own first, district offices (even empty), then unknown parents", () => {
    expect(report.districts.map((d) => [d.code, d.name])).toEqual([
      ['SGD', 'Trực thuộc Sở'],
      ['PGD1', 'Phòng GDĐT Hồng Bàng'],
      ['PGD2', 'Phòng GDĐT Kiến An'],
      ['?', 'Chưa rõ đơn vị quản lý'],
    ]);
  });

  it('counts MN, TH and THCS in Phụ lục 4: THPT classes and centres belong to Phụ lục 2 and 3', () => {
    const [department, hongBang, kienAn, unknown] = report.districts;
    expect(department).toEqual({
      code: 'SGD',
      name: 'Trực thuộc Sở',
      ...pair([70, 7], [7, 1]),
      byLevel: { MN: pair([0, 0], [0, 0]), TH: pair([30, 3], [4, 0]), THCS: pair([40, 4], [3, 1]) },
    });
    expect(hongBang).toMatchObject({ ...pair([30, 3], [5, 1]), byLevel: { MN: pair([10, 1], [0, 0]), TH: pair([20, 2], [5, 1]) } });
    expect(kienAn).toMatchObject(pair([0, 0], [0, 0]));
    expect(unknown).toMatchObject({ students: r(9, 9), byLevel: { THCS: { students: r(9, 9) } } });
  });

  it('names a parent missing from the registry by its code', () => {
    const orphan = identityReport(new Map(), [summary('X1', 'students', { TH: { total: 4, unverified: 1 } })], AS_OF);
    expect(orphan.districts).toEqual([expect.objectContaining({ code: '?', students: r(4, 1) })]);
    const registry = new Map([['X1', { unitCode: 'X1', unitName: 'TH X', unitKind: 'school' as const, levels: ['TH' as const], parentCode: 'PGD9' }]]);
    expect(identityReport(registry, [], AS_OF).districts).toEqual([expect.objectContaining({ code: 'PGD9', name: 'PGD9', students: r(0, 0) })]);
  });

  it('prints the as-of in Vietnam time whatever instant it is given', () => {
    expect(identityReport(REGISTRY, [], parseInstant('2023-06-30T20:15:00Z')).asOf).toBe('2023-07-01T03:15:00+07:00');
  });
});
