import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvFileWriter } from '../../../functions/demo/csv-file-writer.ts';

describe('CsvFileWriter', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dondoc-csv-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('quotes cells as RFC 4180 requires and reads back the same values', async () => {
    const rows = [
      ['unit_code', 'unit_name'],
      ['T1', 'Trường "Hoa Sen", cơ sở 2'],
      ['T2', 'hai\ndòng'],
      ['T3', ''],
    ];
    const w = new CsvFileWriter(join(dir, 'quoted.csv'));
    for (const r of rows) await w.writeRow(r);
    await w.close();
    expect(parse(await readFile(join(dir, 'quoted.csv'), 'utf8'))).toEqual(rows);
  });

  it('writes files far larger than its buffer, in order', async () => {
    const path = join(dir, 'large.csv');
    const w = new CsvFileWriter(path);
    for (let i = 0; i < 50_000; i++) await w.writeRow([String(i), 'Nguyễn Văn An']);
    await w.close();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(50_000);
    expect(lines[49_999]).toBe('49999,Nguyễn Văn An');
  });

  it('reports a file it cannot create instead of crashing the process', async () => {
    const w = new CsvFileWriter(join(dir, 'missing-folder', 'x.csv'));
    await expect(w.writeRow(['a'])).resolves.toBeUndefined();
    await expect(w.close()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
