import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HashSet52 } from '../../../functions/core/snapshot/hash-set-52.ts';
import { hash52 } from '../../../functions/core/snapshot/hash52.ts';
import { IssueLog, emptyReport, makeIssue } from '../../../functions/core/snapshot/issue-log.ts';
import { bufferInput, validateSnapshot } from '../../../functions/core/snapshot/open-snapshot.ts';
import { located, readAll, readText } from './helpers.ts';

const NAMES = ['Nguyễn Văn Hùng', 'Phạm Thị Hoa'];
const IDS = ['031208004321', '079199001234'];

describe('personal data', () => {
  it('never reaches records or reports, in clear or in part, whatever the file', async () => {
    const csv = [
      'unit_code,student_code,full_name,national_id,id_verification,birth_date',
      `T1,A,${NAMES[0]},${IDS[0]},verified,2010-01-01`,
      `T1,B,${NAMES[1]},${IDS[1]},bad-status,2010-01-01`,
      `T1,C,${NAMES[0]},${IDS[1]?.slice(0, 11)},verified,2010-01-01`,
      `T1,A,${NAMES[1]},${IDS[0]},verified,2010-01-01`,
    ].join('\n');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('staff');
    sheet.addRow(['unit_code', 'staff_code', 'full_name', 'national_id', 'id_verification']);
    sheet.addRow(['T1', 'GV1', NAMES[0], Number(IDS[0]), 'verified']);
    sheet.addRow(['T1', 'GV2', NAMES[1], `${IDS[1]}9`, 'verified']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

    for (const input of [bufferInput('students.csv', csv), bufferInput('staff.xlsx', xlsx), bufferInput('students.csv', csv.normalize('NFD'))]) {
      const { records, report } = await readAll(input);
      expect(report.errors).toBeGreaterThan(0);
      expect(records.length).toBeGreaterThan(0);
      const out = JSON.stringify({ records, report });
      for (const name of NAMES) {
        expect(out).not.toContain(name);
        expect(out).not.toContain(name.split(' ').at(-1));
      }
      for (const id of IDS) {
        expect(out).not.toContain(id);
        expect(out).not.toContain(id.slice(2, 10));
      }
      for (const record of records) {
        expect(record).not.toHaveProperty('fullName');
        expect(record).not.toHaveProperty('nationalId');
      }
    }
  });

  it('marks presence and keeps an ID only as its hash', async () => {
    const { records } = await readText('students.csv', `unit_code,student_code,full_name,national_id,id_verification\nT1,A,${NAMES[0]},${IDS[0]},verified\nT1,B,,,verified\n`);
    expect(records).toStrictEqual([
      { hasFullName: true, hasNationalId: true, nationalIdHash: hash52(IDS[0] ?? ''), unitCode: 'T1', studentCode: 'A', idVerification: 'verified' },
      { hasFullName: false, hasNationalId: false, unitCode: 'T1', studentCode: 'B', idVerification: 'verified' },
    ]);
  });
});

describe('duplicate codes', () => {
  it('warns on a student code repeated within a unit and still yields both rows', async () => {
    const { records, report } = await readText('students.csv', 'unit_code,student_code,id_verification\nT1,A,verified\nT2,A,verified\nT1,A,unverified\n');
    expect(records.map((r) => ('repeatsCode' in r ? r.repeatsCode : undefined))).toEqual([undefined, undefined, true]);
    expect(report.ok).toBe(true);
    expect(located(report)).toEqual([{ severity: 'warning', code: 'duplicate_record_code', row: 4, column: 'student_code', field: 'student_code', value: 'A' }]);
  });

  it('rejects a unit code listed twice in the registry', async () => {
    const { records, report } = await readText('units.csv', 'Mã đơn vị,Tên đơn vị,Loại đơn vị\nT1,Trường A,Trường\nT1,Trường B,Trường\n');
    expect(records).toHaveLength(1);
    expect(located(report)).toEqual([{ severity: 'error', code: 'duplicate_unit_code', row: 3, column: 'Mã đơn vị', field: 'unit_code', value: 'T1' }]);
  });
});

describe('the issue list', () => {
  it('is capped at 1000 while the counts stay exact', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `T1,S${i},maybe`);
    const report = await validateSnapshot(bufferInput('students.csv', `unit_code,student_code,id_verification\n${rows.join('\n')}\n`));
    expect(report).toMatchObject({ rows: 1500, errors: 1500, warnings: 0, truncated: true, ok: false });
    expect(report.issues).toHaveLength(1000);
    expect(report.issues.at(-1)?.row).toBe(1001);
  });

  it('keeps errors in preference to warnings and lists what it keeps in row order', () => {
    const report = emptyReport('f.csv', 'students', 'csv');
    const log = new IssueLog(report, 3);
    const message = { messageVi: 'vi', messageEn: 'en' };
    for (const row of [2, 3, 4]) log.add(makeIssue('warning', 'duplicate_record_code', { row }, message));
    log.add(makeIssue('error', 'invalid_value', { row: 5 }, message));
    log.add(makeIssue('error', 'invalid_value', { row: 6 }, message));
    log.add(makeIssue('warning', 'duplicate_record_code', { row: 7 }, message));
    log.finish();
    expect(report.issues.map((i) => [i.severity, i.row])).toEqual([
      ['warning', 2],
      ['error', 5],
      ['error', 6],
    ]);
    expect(report).toMatchObject({ errors: 2, warnings: 4, truncated: true, ok: false });
  });
});

describe('hashes', () => {
  it('fit in 52 bits and differ for near keys', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const h = hash52(`THPT001\u0000HS${i}`);
      expect(Number.isSafeInteger(h) && h >= 0 && h < 2 ** 52).toBe(true);
      seen.add(h);
    }
    expect(seen.size).toBe(20_000);
    expect(hash52('a\u0000bc')).not.toBe(hash52('ab\u0000c'));
  });

  it('HashSet52 tells new from seen across growth', () => {
    const set = new HashSet52();
    for (let i = 0; i < 5000; i++) expect(set.add(hash52(String(i)))).toBe(true);
    for (let i = 0; i < 5000; i++) expect(set.add(hash52(String(i)))).toBe(false);
    expect(set.add(0)).toBe(true);
    expect(set.add(0)).toBe(false);
    expect(set.size).toBe(5001);
  });
});
