import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_DATA_ROW } from '../../functions/core/report/identity-xlsx.ts';
import { startBrowserStack, type BrowserStack } from './browser-stack.ts';
import { DEPARTMENT, studentTotals } from './fixture-province.ts';

/* The workbook's total row of a sheet: the one row whose order number is empty. */
function totalRow(sheet: ExcelJS.Worksheet): { students: number; unverified: number } {
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === null && typeof row.getCell(3).value === 'number') {
      return { students: Number(row.getCell(3).value), unverified: Number(row.getCell(4).value) };
    }
  }
  throw new Error(`no total row in ${sheet.name}`);
}

describe('the appendix export in a browser', () => {
  let env: BrowserStack;

  beforeAll(async () => {
    env = await startBrowserStack();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('downloads a workbook whose Phụ lục 1 totals are the page’s, and the fixture’s', async () => {
    const page = await env.pageAs(DEPARTMENT);
    await page.goto(`${env.url}/phu-luc`);
    const cell = (col: string) => page.locator(`[data-testid="appendix-table-1-total-${col}"]`);
    await cell('students-total').waitFor();
    const number = async (col: string) => Number((await cell(col).textContent())?.replace(/\D/g, ''));
    const onPage = { students: await number('students-total'), unverified: await number('students-unverified') };
    expect(onPage).toEqual(studentTotals());

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    /* The browser runs as a server of its own: the file comes back as a copy, not a path. */
    const dir = await mkdtemp(join(tmpdir(), 'dondoc-export-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    await rm(dir, { recursive: true, force: true });
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Phụ lục 1');
    expect(totalRow(sheet as ExcelJS.Worksheet)).toEqual(onPage);
  });
});
