import ExcelJS from 'exceljs';
import { replaceFile } from '../fs/replace-file.ts';
import type { IdentityReport } from './identity.ts';
import { identityLayouts, type AppendixLayout, type CellKind } from './identity-layouts.ts';

/** Where the grid starts: title, subtitle, a blank row, then the two header rows. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 2;

const NUM_FMT: Record<CellKind, string | undefined> = { text: undefined, count: '#,##0', rate: '0.00' };
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';

/** Wide enough for the longest name and for a wrapped header; never Excel's default 9, which exceljs leaves unwritten. */
function columnWidth(layout: AppendixLayout, i: number): number {
  const col = layout.columns[i];
  if (!col) return 10;
  if (col.kind !== 'text') return Math.min(16, Math.max(10, Math.ceil(col.header.length / 2) + 2));
  const longest = Math.max(col.header.length, ...layout.rows.map((r) => String(r.cells[i] ?? '').length));
  return Math.min(48, Math.max(6, longest + 2));
}

function addSheet(wb: ExcelJS.Workbook, layout: AppendixLayout): void {
  const ws = wb.addWorksheet(layout.sheetName, { views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 }] });
  const n = layout.columns.length;
  layout.columns.forEach((_, i) => {
    ws.getColumn(i + 1).width = columnWidth(layout, i);
  });

  ws.mergeCells(1, 1, 1, n);
  ws.mergeCells(2, 1, 2, n);
  Object.assign(ws.getCell(1, 1), { value: layout.title, font: { name: FONT, bold: true, size: 13 }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  Object.assign(ws.getCell(2, 1), { value: layout.subtitle, font: { name: FONT, italic: true }, alignment: { horizontal: 'center' } });
  ws.getRow(1).height = 36;

  const header = (row: number, col: number, value: string) =>
    Object.assign(ws.getCell(row, col), {
      value,
      font: { name: FONT, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: BORDER,
    });
  layout.columns.forEach((c, i) => {
    const inGroup = layout.groups.some((g) => i >= g.start && i < g.start + g.span);
    header(HEADER_ROW + 1, i + 1, c.header);
    if (!inGroup) {
      header(HEADER_ROW, i + 1, c.header);
      ws.mergeCells(HEADER_ROW, i + 1, HEADER_ROW + 1, i + 1);
    }
  });
  for (const g of layout.groups) {
    for (let i = g.start; i < g.start + g.span; i++) header(HEADER_ROW, i + 1, g.title);
    ws.mergeCells(HEADER_ROW, g.start + 1, HEADER_ROW, g.start + g.span);
  }
  ws.getRow(HEADER_ROW + 1).height = 32;

  layout.rows.forEach((r, ri) => {
    r.cells.forEach((value, ci) => {
      const kind = layout.columns[ci]?.kind ?? 'text';
      const cell = ws.getCell(FIRST_DATA_ROW + ri, ci + 1);
      cell.value = value === '' ? null : value;
      cell.border = BORDER;
      cell.font = { name: FONT, bold: r.isTotal };
      const fmt = NUM_FMT[kind];
      if (fmt) cell.numFmt = fmt;
      if (ci === 0) cell.alignment = { horizontal: 'center' };
    });
  });
}

function identityWorkbook(report: IdentityReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dondoc';
  for (const layout of identityLayouts(report)) addSheet(wb, layout);
  return wb;
}

/**
 * `dondoc report identity --format xlsx`: Phụ lục 1–4 as a workbook laid out like the seed's
 * tables, written whole or not at all. A file that cannot be written rejects with the file
 * system's error (its `code`, such as EISDIR or ENOSPC).
 */
export async function writeIdentityXlsx(report: IdentityReport, outPath: string): Promise<void> {
  await replaceFile(outPath, await identityXlsxBytes(report));
}

/** The same workbook in memory, for the dashboard's export. */
export async function identityXlsxBytes(report: IdentityReport): Promise<Buffer> {
  return Buffer.from(await identityWorkbook(report).xlsx.writeBuffer());
}
