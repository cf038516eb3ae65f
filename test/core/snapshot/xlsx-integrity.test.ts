import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cappedBytes } from '../../../functions/core/snapshot/capped-bytes.ts';
import { bufferInput } from '../../../functions/core/snapshot/open-snapshot.ts';
import { located, readAll } from './helpers.ts';

/** The zip reader inflates a part in pieces of this many bytes; exceljs decoded each piece on its own. */
const INFLATE_PIECE = 16 * 1024;
const isContinuationByte = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

async function studentsWorkbook(rows: readonly string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('students');
  sheet.addRow(['unit_code', 'student_code', 'class_name', 'id_verification']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with one part's stored bytes changed, its recorded CRC-32 left as it was. */
async function withPartBytesChanged(bytes: Buffer, from: string, to: string): Promise<Buffer> {
  const stored = await (await JSZip.loadAsync(bytes)).generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const at = stored.indexOf(from);
  expect(at).toBeGreaterThan(0);
  return Buffer.concat([stored.subarray(0, at), Buffer.from(to), stored.subarray(at + from.length)]);
}

async function withPart(bytes: Buffer, path: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(path)?.async('string');
  if (xml === undefined) throw new Error(`no ${path}`);
  zip.file(path, edit(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('reading a workbook', () => {
  it('keeps a Vietnamese letter whole when the zip reader hands it over in two pieces', async () => {
    // Pads the first class name until a letter of the shared strings straddles the first piece's end.
    for (let pad = 1; pad < 40; pad++) {
      const rows = [['THPT001', 'HSX', 'x'.repeat(pad), 'Đã xác thực'], ...Array.from({ length: 700 }, (_, i) => ['THPT001', `HS${i}`, `Lớp Địa Đức Ưởng ${i}`, 'Đã xác thực'])];
      const bytes = await studentsWorkbook(rows);
      const strings = await (await JSZip.loadAsync(bytes)).file('xl/sharedStrings.xml')?.async('nodebuffer');
      if (!isContinuationByte(strings?.[INFLATE_PIECE])) continue;
      const { records, report } = await readAll(bufferInput('upload.xlsx', bytes));
      expect(report).toMatchObject({ ok: true, rows: 701, errors: 0 });
      expect(records.map((r) => ('className' in r ? r.className : undefined))).toEqual(rows.map((row) => row[2]));
      return;
    }
    throw new Error('no padding put a letter across the first piece');
  });

  it('refuses a part whose bytes no longer match their CRC-32, rather than reading the changed values', async () => {
    const bytes = await withPartBytesChanged(await studentsWorkbook([['T1', 'A', '10A1', 'verified']]), '<t>10A1</t>', '<t>10A9</t>');
    await expect(readAll(bufferInput('upload.xlsx', bytes))).rejects.toMatchObject({ code: 'INVALID_SNAPSHOT', message: expect.stringContaining('CRC') });
  });

  it('refuses a sheet cut short, rather than counting the rows before the cut as the whole file', async () => {
    const whole = await studentsWorkbook([
      ['T1', 'A', '10A1', 'verified'],
      ['T1', 'B', '10A1', 'verified'],
    ]);
    const cut = await withPart(whole, 'xl/worksheets/sheet1.xml', (xml) => xml.slice(0, xml.indexOf('<row r="3"')));
    await expect(readAll(bufferInput('upload.xlsx', cut))).rejects.toMatchObject({ code: 'INVALID_SNAPSHOT', message: expect.stringContaining('</worksheet>') });
    expect((await readAll(bufferInput('upload.xlsx', whole))).records).toHaveLength(2);
  });

  it('says a sheet exceljs cannot follow is corrupt, with what it met', async () => {
    const whole = await studentsWorkbook([['T1', 'A', '10A1', 'verified']]);
    const stray = await withPart(whole, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<row r="9"><c r="A9"><v>1</v></c></row><sheetData>'));
    await expect(readAll(bufferInput('upload.xlsx', stray))).rejects.toMatchObject({
      code: 'INVALID_SNAPSHOT',
      message: expect.stringContaining('the worksheet is corrupt or not as Excel writes it'),
    });
  });
});

describe('parts where the relationships place them', () => {
  it('reads a sheet part not named sheetN.xml and shared strings kept under another name', async () => {
    const zip = await JSZip.loadAsync(await studentsWorkbook([['T1', 'A', 'Lớp 10A1', 'verified']]));
    const move = async (from: string, to: string) => {
      const text = await zip.file(from)?.async('string');
      if (text === undefined) throw new Error(`no ${from}`);
      zip.remove(from);
      zip.file(to, text);
    };
    await move('xl/worksheets/sheet1.xml', 'xl/worksheets/hoc-sinh.xml');
    await move('xl/sharedStrings.xml', 'xl/chuoi.xml');
    for (const path of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
      const text = (await zip.file(path)?.async('string')) ?? '';
      zip.file(path, text.replace('worksheets/sheet1.xml', 'worksheets/hoc-sinh.xml').replace('sharedStrings.xml', 'chuoi.xml'));
    }
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const { records, report } = await readAll(bufferInput('upload.xlsx', bytes));
    expect(report).toMatchObject({ ok: true, rows: 1 });
    expect(records).toMatchObject([{ unitCode: 'T1', studentCode: 'A', className: 'Lớp 10A1' }]);
  });
});

describe('parts whose tags carry a namespace prefix', () => {
  it("reads a workbook written with the x: prefix, as .NET's Open XML SDK writes it", async () => {
    const zip = await JSZip.loadAsync(await studentsWorkbook([['T1', 'A', 'Lớp 10A1', 'Đã xác thực']]));
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    for (const path of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
      const xml = (await zip.file(path)?.async('string')) ?? '';
      const prefixed = xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, (_tag, slash: string, name: string) => `<${slash}x:${name}`).replace(`xmlns="${main}"`, `xmlns:x="${main}"`);
      expect(prefixed).toContain('<x:');
      zip.file(path, prefixed);
    }
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const { records, report } = await readAll(bufferInput('upload.xlsx', bytes));
    expect(report).toMatchObject({ ok: true, rows: 1 });
    expect(records).toMatchObject([{ unitCode: 'T1', studentCode: 'A', className: 'Lớp 10A1', idVerification: 'verified' }]);
  });
});

describe('cells far to the right', () => {
  it('reads rows as if cells past column 1024 were not there: under no column of the header, they were only a cost', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('students');
    sheet.addRow(['unit_code', 'student_code', 'class_name', 'id_verification']);
    sheet.getCell('XFD1').value = 'ghi chú';
    sheet.addRow(['T1', 'A', '10A1', 'verified']);
    sheet.getCell('XFD2').value = 'x';
    sheet.getCell('AMJ2').value = 'y';
    sheet.getCell('XFD3').value = 'chỉ một ô ở cột cuối';
    const { records, report } = await readAll(bufferInput('upload.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(records).toStrictEqual([{ hasFullName: false, hasNationalId: false, unitCode: 'T1', studentCode: 'A', className: '10A1', idVerification: 'verified' }]);
    expect(report).toMatchObject({ ok: true, rows: 1, unknownColumns: [] });
  });
});

describe('a file that is no zip', () => {
  it('says a password-protected workbook (an OLE compound file, as .xls is) is one, and how to open it up', async () => {
    const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    await expect(readAll(bufferInput('upload.xlsx', compound), 'students')).rejects.toMatchObject({
      code: 'INVALID_SNAPSHOT',
      message: expect.stringContaining('the workbook is password-protected, or an old .xls file'),
    });
    await expect(readAll(bufferInput('upload.xlsx', Buffer.alloc(4096)), 'students')).rejects.toMatchObject({
      message: expect.stringContaining('it does not open as a zip archive'),
    });
  });
});

describe('cells that show an Excel error', () => {
  it('refuses an error value or a formula without a value, naming it, where #N/A passed for a unit code', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('students');
    sheet.addRow(['unit_code', 'student_code', 'id_verification', 'birth_date', 'class_name']);
    sheet.addRow([{ error: '#N/A' }, 'A', 'verified', { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'VLOOKUP(B2,X!A:B,2,0)' }]);
    sheet.addRow(['T1', 'B', 'verified', { formula: 'DATE(2010,6,5)', result: new Date(Date.UTC(2010, 5, 5)) }, { formula: '"10A"&"1"', result: '10A1' }]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { records, report } = await readAll(bufferInput('upload.xlsx', bytes));
    expect(records).toMatchObject([{ unitCode: 'T1', studentCode: 'B', birthDate: '2010-06-05', className: '10A1' }]);
    expect(located(report)).toEqual([
      { severity: 'error', code: 'invalid_value', row: 2, column: 'unit_code', field: 'unit_code', value: '#N/A' },
      // exceljs reads the error a formula saved as a number it cannot parse: the formula is what is left to show.
      { severity: 'error', code: 'invalid_value', row: 2, column: 'birth_date', field: 'birth_date', value: '=1/0' },
      { severity: 'error', code: 'invalid_value', row: 2, column: 'class_name', field: 'class_name', value: '=VLOOKUP(B2,X!A:B,2,0)' },
    ]);
    expect(report.issues[0]?.messageEn).toContain('Excel error #N/A');
  });
});

describe('cappedBytes', () => {
  it('passes a workbook up to its limit and fails the stream one byte past it', async () => {
    const chunks: Buffer[] = [];
    const collect = async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    };
    await pipeline(Readable.from([Buffer.alloc(6), Buffer.alloc(4)]), cappedBytes(10), collect);
    expect(Buffer.concat(chunks)).toHaveLength(10);
    await expect(pipeline(Readable.from([Buffer.alloc(6), Buffer.alloc(5)]), cappedBytes(10), collect)).rejects.toMatchObject({ code: 'INVALID_SNAPSHOT' });
  });
});
