import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../src/api/client.ts';
import { checkFile, waitForResult } from '../src/views/upload-flow.ts';

const file = (name: string, type: string, size = 10): File => new File([new Uint8Array(size)], name, { type });

describe('checking a file before asking for an upload', () => {
  it('keeps a content type the grant accepts for the suffix and replaces any other', () => {
    expect(checkFile(file('hoc-sinh.csv', 'application/vnd.ms-excel'))).toEqual({ contentType: 'application/vnd.ms-excel' });
    expect(checkFile(file('hoc-sinh.csv', ''))).toEqual({ contentType: 'text/csv' });
    expect(checkFile(file('HS.CSV.GZ', 'application/x-gzip'))).toEqual({ contentType: 'application/x-gzip' });
    expect(checkFile(file('nhan-su.xlsx', 'application/octet-stream'))).toEqual({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  });

  it('names the file and what is wrong with it', () => {
    expect(checkFile(file('ghi-chu.txt', 'text/plain'))).toEqual({ problem: expect.stringContaining('“ghi-chu.txt” không đúng định dạng') });
    expect(checkFile(file('rong.csv', 'text/csv', 0))).toEqual({ problem: 'Tệp “rong.csv” rỗng.' });
  });

  it('refuses a file over the grant’s 50 MB', () => {
    const big = { name: 'lon.csv', type: 'text/csv', size: 50 * 1024 * 1024 + 1 } as File;
    expect(checkFile(big)).toEqual({ problem: expect.stringContaining('quá lớn') });
  });
});

describe('waiting for the validation result', () => {
  it('asks again while the ingest has not decided, then returns its answer', async () => {
    vi.useFakeTimers();
    const answers = [{ state: 'pending', key: 'k' }, { state: 'pending', key: 'k' }, { state: 'applied', key: 'k', rows: 284 }];
    const get = vi.fn(async (_path: string) => answers.shift());
    const api = { get } as unknown as Api;
    const result = waitForResult(api, 'snapshots/students/THCS-A1/hs.csv', new AbortController().signal);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ state: 'applied', key: 'k', rows: 284 });
    expect(get).toHaveBeenCalledTimes(3);
    expect(get.mock.calls[0]?.[0]).toBe('/api/uploads/result?key=snapshots%2Fstudents%2FTHCS-A1%2Fhs.csv');
    vi.useRealTimers();
  });
});
