import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { appendixCsv } from '../../../functions/core/dashboard/appendix-csv.ts';
import { buildAppendix, readableIdentityReport } from '../../../functions/core/dashboard/appendix.ts';
import { identityLayouts } from '../../../functions/core/report/identity-layouts.ts';
import { identityReport } from '../../../functions/core/report/identity.ts';
import { AS_OF, REGISTRY, SUMMARIES } from '../report/fixture.ts';

const only = (...codes: string[]) => new Map([...REGISTRY].filter(([code]) => codes.includes(code)));

describe('the appendices over the caller’s units', () => {
  it('are the CLI’s report for the department', () => {
    const view = buildAppendix(readableIdentityReport(REGISTRY, SUMMARIES, AS_OF), AS_OF);
    const cli = identityReport(REGISTRY, SUMMARIES.filter((s) => REGISTRY.has(s.unit)), AS_OF);
    expect(view.units).toEqual(cli.units);
    expect(view.appendices.subtitle).toBe('(Số liệu tính đến thời điểm 11h30 ngày 23/6/2023)');
    expect(view.evaluatedAt).toBe(AS_OF);
  });

  it('leave out every figure of units outside an office’s scope, even ones passed in by mistake', () => {
    const report = readableIdentityReport(only('PGD1', 'MN1', 'TH1'), SUMMARIES, AS_OF);
    expect(report.units.map((u) => u.code)).toEqual(['MN1', 'PGD1', 'TH1']);
    expect(report.total.students).toEqual({ total: 30, unverified: 3, rate: 10 });
    expect(report.districts.map((d) => [d.code, d.students.total])).toEqual([['PGD1', 30]]);
  });
});

describe('appendixCsv', () => {
  const report = identityReport(REGISTRY, SUMMARIES, AS_OF);
  const read = (table: 1 | 2 | 3 | 4) => parse(appendixCsv(report, table), { bom: true, relax_column_count: true }) as string[][];

  it.each([1, 2, 3, 4] as const)('Phụ lục %i: title, as-of, one header row, then the workbook’s rows', (table) => {
    const layout = identityLayouts(report)[table - 1];
    const [title, subtitle, header, ...rows] = read(table);
    expect(title).toEqual([layout?.title]);
    expect(subtitle).toEqual([layout?.subtitle]);
    expect(header).toHaveLength(layout?.columns.length ?? 0);
    expect(rows).toEqual(layout?.rows.map((r) => r.cells.map(String)));
  });

  it('names grouped columns with their group', () => {
    expect(read(4)[2]?.slice(0, 4)).toEqual(['TT', 'Đơn vị P. GDĐT', 'HỌC SINH – Số HS MN', 'HỌC SINH – Chưa xác thực']);
  });
});
