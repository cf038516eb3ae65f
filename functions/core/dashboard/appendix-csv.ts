import { identityLayouts } from '../report/identity-layouts.ts';
import type { IdentityReport } from '../report/identity.ts';
import { toCsv, type CsvCell } from './csv.ts';
import type { AppendixTable } from './views.ts';

export const APPENDIX_TABLES = [1, 2, 3, 4] as const satisfies readonly AppendixTable[];

/**
 * One of Phụ lục 1–4 as CSV: the same grid as the workbook's sheet, its two header rows
 * folded into one ("HỌC SINH – Chưa xác thực") since a CSV has no merged cells.
 */
export function appendixCsv(report: IdentityReport, table: AppendixTable): string {
  const layout = identityLayouts(report)[table - 1];
  if (layout === undefined) throw new RangeError(`no appendix ${table}`);
  const header = layout.columns.map((column, i) => {
    const group = layout.groups.find((g) => i >= g.start && i < g.start + g.span);
    return group === undefined ? column.header : `${group.title} – ${column.header}`;
  });
  const rows: CsvCell[][] = [[layout.title], [layout.subtitle], header, ...layout.rows.map((row) => row.cells)];
  return toCsv(rows);
}
