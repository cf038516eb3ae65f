import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { bufferInput, openSnapshot, validateSnapshot } from '../../../functions/core/snapshot/open-snapshot.ts';
import { located, readText, STUDENT_HEADER } from './helpers.ts';

async function openError(name: string, text: string | Buffer, entity?: 'students'): Promise<unknown> {
  try {
    await openSnapshot(bufferInput(name, text), entity ? { entity } : undefined);
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('bad values', () => {
  it('names each problem with its row, column as written, canonical field and value seen', async () => {
    const text = [
      'Mã trường,Mã học sinh,Họ và tên,Ngày sinh,Số CCCD,Trạng thái xác thực,Trạng thái học,Ngày cập nhật',
      'T1,HS1,Nguyễn Văn An,2010-06-05,031200000003,Đã xác thực,Đang học,2023-06-08',
      'T1,HS2,Trần Bình,13/25/2010,03120000003,đã duyệt,nghỉ,hôm qua',
      ',HS3,,,,verified,,',
      'T1,,Lê Chi,,,,studying,',
    ].join('\n');
    const { records, report } = await readText('students.csv', text);
    expect(records).toHaveLength(1);
    expect(report).toMatchObject({ rows: 4, errors: 8, warnings: 0, ok: false, truncated: false });
    expect(located(report)).toEqual([
      { severity: 'error', code: 'invalid_value', row: 3, column: 'Ngày sinh', field: 'birth_date', value: '13/25/2010' },
      { severity: 'error', code: 'invalid_value', row: 3, column: 'Số CCCD', field: 'national_id', value: '0312••••••03' },
      { severity: 'error', code: 'invalid_value', row: 3, column: 'Trạng thái xác thực', field: 'id_verification', value: 'đã duyệt' },
      { severity: 'error', code: 'invalid_value', row: 3, column: 'Trạng thái học', field: 'status', value: 'nghỉ' },
      { severity: 'error', code: 'invalid_value', row: 3, column: 'Ngày cập nhật', field: 'updated_at', value: 'hôm qua' },
      { severity: 'error', code: 'required_value_missing', row: 4, column: 'Mã trường', field: 'unit_code' },
      { severity: 'error', code: 'required_value_missing', row: 5, column: 'Mã học sinh', field: 'student_code' },
      { severity: 'error', code: 'required_value_missing', row: 5, column: 'Trạng thái xác thực', field: 'id_verification' },
    ]);
    for (const issue of report.issues) {
      expect(issue.messageVi.length).toBeGreaterThan(0);
      expect(issue.messageEn.length).toBeGreaterThan(0);
    }
  });

  it('explains what an enumeration accepts, in both languages', async () => {
    const { report } = await readText('students.csv', 'unit_code,student_code,id_verification\nT1,A,ok\n');
    expect(report.issues[0]?.messageVi).toContain('verified (Đã xác thực)');
    expect(report.issues[0]?.messageEn).toContain('unverified (Chưa xác thực)');
  });

  it('rejects a level that is not a level, for students and staff', async () => {
    const students = await readText('students.csv', 'unit_code,student_code,id_verification,level\nT1,A,verified,THPT\nT1,B,verified,ĐH\n');
    expect(located(students.report)).toEqual([{ severity: 'error', code: 'invalid_value', row: 3, column: 'level', field: 'level', value: 'ĐH' }]);
    const staff = await readText('staff.csv', 'unit_code,staff_code,id_verification,Cấp học\nT1,A,verified,Mầm non\nT1,B,verified,12\n');
    expect(staff.records).toMatchObject([{ level: 'MN' }]);
    expect(located(staff.report)).toEqual([{ severity: 'error', code: 'invalid_value', row: 3, column: 'Cấp học', field: 'level', value: '12' }]);
  });

  it('reads a school year in its usual spellings and names the row of one that is not a school year', async () => {
    const text = ['unit_code,student_code,id_verification,Năm học', 'T1,A,verified,2022–2023', 'T1,B,verified,2022 - 23', 'T1,C,verified,2022-2024'].join('\n');
    const { records, report } = await readText('students.csv', text);
    expect(records).toMatchObject([{ schoolYear: '2022-2023' }, { schoolYear: '2022-2023' }]);
    expect(located(report)).toEqual([{ severity: 'error', code: 'invalid_value', row: 4, column: 'Năm học', field: 'school_year', value: '2022-2024' }]);
    expect(report.issues[0]?.messageVi).toContain('hai năm liền nhau');
    expect(report.issues[0]?.messageEn).toContain('two consecutive years');
  });

  it('reports undecodable characters as an encoding error, never showing a name', async () => {
    const bytes = Buffer.concat([Buffer.from('unit_code,student_code,full_name,id_verification,class_name\nT1,A,'), Buffer.from([0x4e, 0xff, 0x41]), Buffer.from(',verified,10'), Buffer.from([0xe0]), Buffer.from('\n')]);
    const raw = await validateSnapshot(bufferInput('students.csv', bytes));
    expect(located(raw)).toEqual([
      { severity: 'error', code: 'encoding', row: 2, column: 'full_name', field: 'full_name' },
      { severity: 'error', code: 'encoding', row: 2, column: 'class_name', field: 'class_name', value: '10\uFFFD' },
    ]);
  });
});

describe('bad structure', () => {
  it('reports a missing required column once and yields no record, still checking the rows', async () => {
    const { records, report } = await readText('students.csv', 'unit_code,student_code,birth_date\nT1,A,2010-01-01\nT1,B,2010-02-30\n');
    expect(records).toEqual([]);
    expect(report.rows).toBe(2);
    expect(located(report)).toEqual([
      { severity: 'error', code: 'missing_required_column', row: 1, column: 'id_verification', field: 'id_verification' },
      { severity: 'error', code: 'invalid_value', row: 3, column: 'birth_date', field: 'birth_date', value: '2010-02-30' },
    ]);
  });

  it('lists unknown columns as warnings and ignores them', async () => {
    const { records, report } = await readText('students.csv', 'unit_code,student_code,id_verification,Ghi chú,\nT1,A,verified,xin chào,\n');
    expect(records).toHaveLength(1);
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 1, unknownColumns: ['Ghi chú'] });
    expect(located(report)).toEqual([{ severity: 'warning', code: 'unknown_column', row: 1, column: 'Ghi chú' }]);
  });

  it('rejects two columns meaning the same field', async () => {
    const { report } = await readText('students.csv', 'unit_code,Mã trường,student_code,id_verification\nT1,T1,A,verified\n');
    expect(located(report)).toEqual([{ severity: 'error', code: 'duplicate_column', row: 1, column: 'Mã trường', field: 'unit_code' }]);
    expect(report.ok).toBe(false);
  });

  it('reports a row with the wrong number of cells without stopping', async () => {
    const { records, report } = await readText('students.csv', 'unit_code,student_code,id_verification\nT1,A,verified,extra\nT1,B\nT1,C,verified\n');
    expect(records).toMatchObject([{ studentCode: 'C' }]);
    expect(located(report)).toEqual([
      { severity: 'error', code: 'malformed_row', row: 2 },
      { severity: 'error', code: 'malformed_row', row: 3 },
    ]);
    expect(report.issues[0]?.messageEn).toBe('Row has 4 cells but the header has 3 columns');
  });

  it('reports a bad JSON line and a line that is not an object by line number', async () => {
    const text = ['{"unit_code":"T1","period":"2022-2023/dau-nam"}', '{"unit_code":"T2",', '', '["T3"]', '{"unit_code":"T4","period":"2022-2023/dau-nam","submitted_at":"2022-10-20T16:00:00"}'].join('\n');
    const { records, report } = await readText('reports.ndjson', text);
    expect(records).toStrictEqual([
      { unitCode: 'T1', period: '2022-2023/dau-nam' },
      { unitCode: 'T4', period: '2022-2023/dau-nam', submittedAt: Date.UTC(2022, 9, 20, 9, 0, 0) },
    ]);
    expect(located(report)).toEqual([
      { severity: 'error', code: 'invalid_json', row: 2 },
      { severity: 'error', code: 'malformed_row', row: 4 },
    ]);
  });

  it('checks required keys per NDJSON object, since objects may omit keys', async () => {
    const { report } = await readText('reports.ndjson', '{"unit_code":"T1"}\n{"period":"2022-2023/cuoi-nam","unit_code":"T2"}\n{"period":"x"}\n');
    expect(located(report)).toEqual([
      { severity: 'error', code: 'required_value_missing', row: 1, column: 'period', field: 'period' },
      { severity: 'error', code: 'required_value_missing', row: 3, column: 'unit_code', field: 'unit_code' },
    ]);
  });

  it('reports an NDJSON file whose lines give no keys, rather than crashing on its empty header', async () => {
    const notObject = await readText('students.ndjson', '42\n');
    expect(located(notObject.report)).toEqual([{ severity: 'error', code: 'malformed_row', row: 1 }]);
    // An object without keys is a blank row, as a CSV line of empty cells is.
    const empty = await readText('students.ndjson', '{}\n');
    expect(empty.report).toMatchObject({ ok: true, rows: 0 });
    expect(located(empty.report)).toEqual([{ severity: 'warning', code: 'empty_file' }]);
  });

  it('reports a quote that never closes at its row, within a bounded record, instead of reading the rest of the file into one cell', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `T1,S${i},Lớp 10A${i % 9},verified`);
    rows[2] = 'T1,S2,"Lớp 10A2,verified';
    const { records, report } = await readText('students.csv', `unit_code,student_code,class_name,id_verification\n${rows.join('\n')}\n`);
    expect(records.map((r) => ('studentCode' in r ? r.studentCode : ''))).toEqual(['S0', 'S1']);
    expect(located(report)).toEqual([{ severity: 'error', code: 'malformed_row', row: 4 }]);
    expect(report.issues[0]?.messageEn).toContain('does not close within 1 MB');
  });

  it('reports an NDJSON line past the bound at its row and reads on from the next line', async () => {
    const line = (code: string) => JSON.stringify({ unit_code: 'T1', student_code: code, id_verification: 'verified' });
    const text = [line('S1'), JSON.stringify({ unit_code: 'T1', note: 'x'.repeat(2 * 1024 * 1024) }), line('S3')].join('\n');
    const { records, report } = await readText('students.ndjson', `${text}\n`);
    expect(records.map((r) => ('studentCode' in r ? r.studentCode : ''))).toEqual(['S1', 'S3']);
    expect(located(report)).toEqual([{ severity: 'error', code: 'malformed_row', row: 2 }]);
  });

  it('warns on a header without rows', async () => {
    const { report } = await readText('students.csv', `${STUDENT_HEADER}\r\n`);
    expect(report).toMatchObject({ ok: true, rows: 0, warnings: 1 });
    expect(located(report)).toEqual([{ severity: 'warning', code: 'empty_file' }]);
  });

  it('reports a file that breaks off mid-way instead of throwing', async () => {
    const { gzipSync } = await import('node:zlib');
    const rows = Array.from({ length: 5000 }, (_, i) => `T1,S${i},verified`).join('\n');
    const whole = gzipSync(Buffer.from(`unit_code,student_code,id_verification\n${rows}\n`));
    const report = await validateSnapshot(bufferInput('students.csv.gz', whole.subarray(0, Math.floor(whole.length * 0.6))));
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => i.code)).toContain('unreadable_file');
  });
});

describe('what stops reading before any row', () => {
  it('throws INVALID_SNAPSHOT for a file without a header', async () => {
    for (const text of ['', '\n\n', ',,,\n']) {
      const err = await openError('students.csv', text);
      expect(err).toBeInstanceOf(DondocError);
      expect(err).toMatchObject({ code: 'INVALID_SNAPSHOT' });
    }
  });

  it('throws UNKNOWN_ENTITY when neither option, name nor header tells the entity', async () => {
    expect(await openError('export.csv', 'a,b\n1,2\n')).toMatchObject({ code: 'UNKNOWN_ENTITY' });
  });

  it('throws UNSUPPORTED_FORMAT for an unknown extension', async () => {
    expect(await openError('students.xls', 'x')).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });

  it('throws INVALID_SNAPSHOT for an XLSX that is not a workbook', async () => {
    const error = await openError('students.xlsx', 'not a zip file at all');
    expect(error).toMatchObject({ code: 'INVALID_SNAPSHOT' });
    expect((error as Error).message).toContain('không phải bảng tính Excel .xlsx');
    expect((error as Error).message).toContain('not an Excel .xlsx workbook');
  });
});

describe('entity choice', () => {
  const header = 'Mã trường,Mã học sinh,Trạng thái xác thực\nT1,A,verified\n';

  it('takes the option first, then the path, then the header', async () => {
    expect((await readText('staff/students.csv', header, 'students')).entity).toBe('students');
    expect((await readText('snapshots/students/2023/x.csv', header)).entity).toBe('students');
    expect((await readText('students-thpt.csv', header)).entity).toBe('students');
    expect((await readText('export.csv', header)).entity).toBe('students');
  });

  it('validates against the named entity even when the header suggests another', async () => {
    const { report } = await readText('staff.csv', header);
    expect(report.entity).toBe('staff');
    expect(located(report)).toContainEqual({ severity: 'error', code: 'missing_required_column', row: 1, column: 'staff_code', field: 'staff_code' });
  });

  it('detects the entity from a header behind a BOM', async () => {
    expect((await readText('export.csv', `\uFEFF${header}`)).entity).toBe('students');
  });

  it('refuses an option that is not an entity', async () => {
    const err = await openSnapshot(bufferInput('x.csv', header), { entity: 'pupils' as 'students' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNKNOWN_ENTITY' });
  });
});

describe('streaming', () => {
  const text = `unit_code,student_code,id_verification\n${Array.from({ length: 3000 }, (_, i) => `T1,S${i},${i === 2500 ? 'bad' : 'verified'}`).join('\n')}\n`;

  it('fills the report as records stream and completes it when they end', async () => {
    const opened = await openSnapshot(bufferInput('students.csv', text));
    let seen = 0;
    for await (const rec of opened.records()) {
      seen += 1;
      if (seen === 100) expect(opened.report.rows).toBeGreaterThanOrEqual(100);
      expect(rec.entity).toBe('students');
    }
    expect(seen).toBe(2999);
    expect(opened.report).toMatchObject({ rows: 3000, errors: 1, ok: false });
    expect(located(opened.report)).toEqual([{ severity: 'error', code: 'invalid_value', row: 2502, column: 'id_verification', field: 'id_verification', value: 'bad' }]);
  });

  it('can be left early, and read only once', async () => {
    const opened = await openSnapshot(bufferInput('students.csv', text));
    for await (const _rec of opened.records()) break;
    expect(opened.report.rows).toBeGreaterThan(0);
    expect(opened.report.rows).toBeLessThan(3000);
    const again = async (): Promise<void> => {
      for await (const _rec of opened.records()) continue;
    };
    await expect(again()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
