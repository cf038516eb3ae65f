import { describe, expect, it } from 'vitest';
import { contentTypesFor, MAX_UPLOAD_BYTES, objectName, uploadGrant } from '../../../functions/core/access/upload-grant.ts';

describe('uploadGrant', () => {
  it('keys the upload under snapshots/<entity>/<unit>/ and tags it with the unit and the as-of', () => {
    expect(uploadGrant({ unit: 'TH-A1', entity: 'students', fileName: 'hs.csv', contentType: 'text/csv', asOf: Date.UTC(2023, 5, 23, 1) })).toEqual({
      key: 'snapshots/students/TH-A1/hs.csv',
      keyPrefix: 'snapshots/students/TH-A1/',
      contentType: 'text/csv',
      maxBytes: MAX_UPLOAD_BYTES,
      metadata: { unit: 'TH-A1', 'as-of': '2023-06-23T01:00:00.000Z' },
    });
  });

  it('leaves the as-of out when there is none', () => {
    expect(uploadGrant({ unit: 'TH-A1', entity: 'staff', fileName: 'gv.xlsx', contentType: 'x' }).metadata).toEqual({ unit: 'TH-A1' });
  });
});

describe('objectName', () => {
  it.each([
    ['Danh sách HS 10A.xlsx', 'danh-sach-hs-10a.xlsx'],
    ['ĐỘI NGŨ (2023).csv.gz', 'doi-ngu-2023-.csv.gz'],
    ['..hidden.csv', 'hidden.csv'],
  ])('folds %s to ASCII', (name, expected) => {
    expect(objectName(name)).toBe(expected);
  });
});

describe('contentTypesFor', () => {
  it.each([
    ['a.csv', 'text/csv'],
    ['a.CSV', 'application/vnd.ms-excel'],
    ['a.csv.gz', 'application/gzip'],
    ['a.ndjson', 'application/x-ndjson'],
    ['a.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('accepts %s as %s', (name, type) => {
    expect(contentTypesFor(name)).toContain(type);
  });

  it('accepts nothing for a format the ingest does not read', () => {
    expect(contentTypesFor('a.pdf')).toEqual([]);
    expect(contentTypesFor('a.gz')).toEqual([]);
  });
});
