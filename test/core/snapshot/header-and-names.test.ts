import { describe, expect, it } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { COLUMNS, ENTITY_KINDS } from '../../../functions/core/snapshot/entities.ts';
import { entityFromName, entityOfSheetName } from '../../../functions/core/snapshot/entity-names.ts';
import { foldKey } from '../../../functions/core/snapshot/fold-key.ts';
import { columnForHeader, entityFromHeader, resolveHeader } from '../../../functions/core/snapshot/header-resolver.ts';
import { RECORD_KEYS } from '../../../functions/core/snapshot/record-keys.ts';
import { formatFromName } from '../../../functions/core/snapshot/snapshot-format.ts';

describe('header resolution', () => {
  it('matches canonical names and aliases case-, accent-, spacing- and separator-insensitively', () => {
    for (const header of ['unit_code', 'UNIT CODE', 'Mã trường', 'ma truong', 'MA_TRUONG', 'Mã-Trường', '  mã   trường ', 'Mã trường'.normalize('NFD')]) {
      expect(columnForHeader('students', header)?.name, header).toBe('unit_code');
    }
    expect(columnForHeader('students', 'Ngày sinh'.normalize('NFD'))?.name).toBe('birth_date');
    expect(columnForHeader('profiles', 'tinh/tp')?.name).toBe('province');
    expect(columnForHeader('units', 'Quận / Huyện')?.name).toBe('district');
  });

  it("folds 'đ' to 'd'", () => {
    expect(foldKey('Đối tượng')).toBe('doituong');
    expect(columnForHeader('explanations', 'DOI TUONG')?.name).toBe('entity');
    expect(columnForHeader('units', 'Ma don vi quan ly')?.name).toBe('parent_code');
  });

  it('shares an alias between entities ("Mã trường")', () => {
    expect(columnForHeader('units', 'Mã trường')?.name).toBe('unit_code');
    expect(columnForHeader('profiles', 'Mã trường')?.name).toBe('unit_code');
  });

  it('never lets one folded header name two columns of an entity', () => {
    for (const entity of ENTITY_KINDS) {
      const owner = new Map<string, string>();
      for (const column of COLUMNS[entity]) {
        for (const alias of [column.name, ...column.aliases]) {
          const key = foldKey(alias);
          expect(owner.get(key) ?? column.name, `${entity}: ${alias}`).toBe(column.name);
          owner.set(key, column.name);
        }
      }
    }
  });

  it('puts every non-personal column somewhere in its record', () => {
    for (const entity of ENTITY_KINDS) {
      const keys: Record<string, string> = RECORD_KEYS[entity];
      for (const column of COLUMNS[entity]) expect(column.personal || keys[column.name] !== undefined, `${entity}.${column.name}`).toBe(true);
    }
  });

  it('resolves a header by position, leaving unknown, blank and repeated headers unresolved', () => {
    const resolved = resolveHeader('students', ['Mã trường', 'Ghi chú', 'unit_code', 'student_code', '']);
    expect(resolved.columns.map((c) => c?.name)).toEqual(['unit_code', undefined, undefined, 'student_code', undefined]);
    expect(resolved.missingRequired.map((c) => c.name)).toEqual(['id_verification']);
  });
});

describe('entity from the header', () => {
  it.each([
    [['Mã trường', 'Mã học sinh', 'Trạng thái xác thực'], 'students'],
    [['unit_code', 'staff_code', 'id_verification'], 'staff'],
    [['Mã đơn vị', 'Kỳ báo cáo', 'Ngày nộp'], 'reports'],
    [['Mã đơn vị', 'Đối tượng', 'Mã học sinh', 'Nguyên nhân'], 'explanations'],
    [['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Cấp học'], 'units'],
    [['Mã trường', 'Internet', 'Có điện', 'Nước sạch'], 'profiles'],
  ] as const)('%j → %s', (header, entity) => {
    expect(entityFromHeader(header)).toBe(entity);
  });

  it('names the entity from its code column even when a required column is missing', () => {
    expect(entityFromHeader(['Mã trường', 'Mã học sinh', 'Ngày sinh', 'Năm học'])).toBe('students');
  });

  it('cannot tell from a header with nothing it recognises', () => {
    expect(entityFromHeader(['foo', 'bar'])).toBeUndefined();
  });
});

describe('names and formats', () => {
  it.each([
    ['snapshots/students/2023-06-23/thpt-ngo-quyen.xlsx', 'students'],
    ['staff-thpt.xlsx', 'staff'],
    ['units.csv', 'units'],
    ['/data/exports/profiles_2024.csv.gz', 'profiles'],
    ['reports/2022-2023.ndjson', 'reports'],
    ['C:\\exports\\explanations\\x.csv', 'explanations'],
    ['snapshots/students/staff-list.csv', 'staff'],
  ] as const)('%s → %s', (name, entity) => {
    expect(entityFromName(name)).toBe(entity);
  });

  it('does not read an entity into a longer word or an unrelated name', () => {
    expect(entityFromName('staffing.csv')).toBeUndefined();
    expect(entityFromName('thpt-ngo-quyen.xlsx')).toBeUndefined();
  });

  it('knows sheets named after an entity, in English or Vietnamese', () => {
    expect(entityOfSheetName('students')).toBe('students');
    expect(entityOfSheetName('Học sinh')).toBe('students');
    expect(entityOfSheetName('HOC SINH')).toBe('students');
    expect(entityOfSheetName('Sheet1')).toBeUndefined();
  });

  it.each([
    ['a.csv', 'csv'],
    ['a.CSV.gz', 'csv'],
    ['a.tsv', 'csv'],
    ['a.txt', 'csv'],
    ['a.ndjson', 'ndjson'],
    ['a.jsonl.gz', 'ndjson'],
    ['a.xlsx', 'xlsx'],
  ] as const)('%s is %s', (name, format) => {
    expect(formatFromName(name)).toBe(format);
  });

  it('refuses other formats with UNSUPPORTED_FORMAT', () => {
    for (const name of ['a.xls', 'a.pdf', 'students']) {
      let thrown: unknown;
      try {
        formatFromName(name);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(DondocError);
      expect(thrown).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    }
  });
});
