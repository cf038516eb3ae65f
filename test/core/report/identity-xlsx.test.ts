import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityReport, type IdentityReport } from '../../../functions/core/report/identity.ts';
import { FIRST_DATA_ROW, HEADER_ROW, writeIdentityXlsx } from '../../../functions/core/report/identity-xlsx.ts';
import { AS_OF, REGISTRY, SUMMARIES } from './fixture.ts';

describe('writeIdentityXlsx', () => {
  let dir: string;
  let report: IdentityReport;
  const wb = new ExcelJS.Workbook();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dondoc-xlsx-'));
    report = identityReport(REGISTRY, SUMMARIES, AS_OF);
    const out = join(dir, 'identity.xlsx');
    await writeIdentityXlsx(report, out);
    await wb.xlsx.readFile(out);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const sheet = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
  const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

  it('has the four appendices as sheets, each with its title and as-of', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);
    wb.worksheets.forEach((ws, i) => {
      expect(String(ws.getCell(1, 1).value)).toMatch(new RegExp(`^PHỤ LỤC ${i + 1}: THỐNG KÊ`));
      expect(ws.getCell(2, 1).value).toBe('(Số liệu tính đến thời điểm 11h30 ngày 23/6/2023)');
    });
  });

  it('has two header rows with merged HỌC SINH / CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN groups, bold', () => {
    for (const name of ['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3']) {
      const ws = sheet(name);
      expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:H1', 'A2:H2', 'C4:E4', 'F4:H4', 'A4:A5', 'B4:B5']));
      expect(ws.getCell(HEADER_ROW, 3).value).toBe('HỌC SINH');
      expect(ws.getCell(HEADER_ROW, 6).value).toBe('CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN');
      expect(ws.getCell(HEADER_ROW, 3).font?.bold).toBe(true);
      expect(rowValues(ws, HEADER_ROW + 1).slice(4)).toEqual(['Tỉ lệ (%)', expect.any(String), expect.any(String), 'Tỉ lệ (%)']);
    }
    expect(sheet('Phụ lục 3').getCell(HEADER_ROW + 1, 3).value).toBe('Tổng số học viên');
    const pl4 = sheet('Phụ lục 4');
    expect(pl4.model.merges).toEqual(expect.arrayContaining(['C4:I4', 'J4:P4', 'A4:A5', 'B4:B5']));
    expect(rowValues(pl4, HEADER_ROW + 1)).toEqual([
      'TT', 'Đơn vị P. GDĐT',
      'Số HS MN', 'Chưa xác thực', 'Số HS TH', 'Chưa xác thực', 'Số HS THCS', 'Chưa xác thực', 'Tổng số HS chưa xác thực',
      'Số NS MN', 'Chưa xác thực', 'Số NS TH', 'Chưa xác thực', 'Số NS THCS', 'Chưa xác thực', 'Tổng số NS chưa xác thực',
    ]);
  });

  it('Phụ lục 1: one row per level, then the total, with the JSON figures as numbers', () => {
    const ws = sheet('Phụ lục 1');
    report.byLevel.forEach((l, i) => {
      expect(rowValues(ws, FIRST_DATA_ROW + i).slice(2)).toEqual([l.students.total, l.students.unverified, l.students.rate, l.staff.total, l.staff.unverified, l.staff.rate]);
    });
    const total = rowValues(ws, FIRST_DATA_ROW + report.byLevel.length);
    expect(total.slice(1)).toEqual(['TỔNG SỐ', 550, 54, 9.82, 70, 48, 68.57]);
    expect(ws.getCell(FIRST_DATA_ROW, 5).numFmt).toBe('0.00');
    expect(ws.getCell(FIRST_DATA_ROW, 3).numFmt).toBe('#,##0');
    expect(ws.getCell(FIRST_DATA_ROW + report.byLevel.length, 2).font?.bold).toBe(true);
  });

  it('Phụ lục 2: the total, then each school with THPT classes at its THPT figures', () => {
    const ws = sheet('Phụ lục 2');
    expect(rowValues(ws, FIRST_DATA_ROW).slice(1)).toEqual(['TỔNG SỐ', 334, 18, 5.39, 58, 46, 79.31]);
    const schools = report.units.filter((u) => u.byLevel.some((l) => l.level === 'THPT'));
    expect(schools.map((u) => u.code)).toEqual(['MULTI', 'THPT1']);
    schools.forEach((u, i) => {
      const thpt = u.byLevel.find((l) => l.level === 'THPT');
      expect(rowValues(ws, FIRST_DATA_ROW + 1 + i)).toEqual([i + 1, u.name, thpt?.students.total, thpt?.students.unverified, thpt?.students.rate, thpt?.staff.total, thpt?.staff.unverified, thpt?.staff.rate]);
    });
    expect(ws.rowCount).toBe(FIRST_DATA_ROW + schools.length);
  });

  it('Phụ lục 3: the centres', () => {
    const ws = sheet('Phụ lục 3');
    expect(rowValues(ws, FIRST_DATA_ROW + 1)).toEqual([1, 'TT GDTX Hải Phòng', 100, 10, 10, 0, 0, 0]);
  });

  it('Phụ lục 4: the total, then each group of the JSON districts with MN / TH / THCS columns', () => {
    const ws = sheet('Phụ lục 4');
    report.districts.forEach((d, i) => {
      const side = (e: 'students' | 'staff') => [d.byLevel.MN[e].total, d.byLevel.MN[e].unverified, d.byLevel.TH[e].total, d.byLevel.TH[e].unverified, d.byLevel.THCS[e].total, d.byLevel.THCS[e].unverified, d[e].unverified];
      expect(rowValues(ws, FIRST_DATA_ROW + 1 + i)).toEqual([i + 1, d.name, ...side('students'), ...side('staff')]);
    });
    expect(rowValues(ws, FIRST_DATA_ROW).slice(1)).toEqual(['TỔNG SỐ', 10, 1, 50, 5, 49, 13, 19, 0, 0, 9, 1, 3, 1, 2]);
  });

  it('sets column widths to fit the unit names and the numbers', () => {
    expect(sheet('Phụ lục 2').getColumn(2).width).toBeGreaterThanOrEqual('THPT Phan Chu Trinh'.length);
    expect(sheet('Phụ lục 4').getColumn(2).width).toBeGreaterThanOrEqual('Phòng GDĐT Hồng Bàng'.length);
    for (const ws of wb.worksheets) for (let c = 3; c <= ws.columnCount; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(10);
  });
});
