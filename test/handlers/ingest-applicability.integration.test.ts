import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { startAsOfIngest, type AsOfIngest } from './as-of-ingest.ts';

/* Seed 000 §2.2: schools only, not centres. */
const ACCREDITATION = 'bg-2024-cap-nhat-bien-dong/kiem-dinh-chuan-quoc-gia';
/* Seed 000 §2.1: schools and centres alike. */
const ADDRESSES = 'bg-2024-cap-nhat-bien-dong/viet-yen-dia-gioi-hanh-chinh-moi';

const units = (kind: string) =>
  [
    { 'Mã đơn vị': 'SGD-BG', 'Tên đơn vị': 'Sở GDĐT Bắc Giang', 'Loại đơn vị': 'Sở' },
    { 'Mã đơn vị': 'PGD-VY', 'Tên đơn vị': 'Phòng GDĐT Việt Yên', 'Loại đơn vị': 'Phòng GDĐT', 'Mã đơn vị quản lý': 'SGD-BG', 'Quận/Huyện': 'Việt Yên' },
    { 'Mã đơn vị': 'VY-01', 'Tên đơn vị': 'Trường THCS Nếnh', 'Loại đơn vị': kind, 'Cấp học': 'THCS', 'Mã đơn vị quản lý': 'PGD-VY', 'Quận/Huyện': 'Việt Yên' },
  ]
    .map((row) => JSON.stringify(row))
    .join('\n');

/* No accreditation levels, and the ward's name from before the 2024 reorganisation. */
const PROFILES = ['Mã trường,Xã/Phường,Quận/Huyện,Mức độ kiểm định,Mức chuẩn quốc gia', 'VY-01,Thị trấn Nếnh,Huyện Việt Yên,,'].join('\n');

describe('a registry change that makes a requirement stop applying', () => {
  let stack: AsOfIngest;
  const ingest = (key: string, body: string, asOf: string) => stack.ingest(key, body, asOf);
  const statusOf = async (requirement: string) => (await stack.deps.store.getStatuses('VY-01')).find((s) => s.requirement === requirement)?.status;

  beforeAll(async () => {
    stack = await startAsOfIngest(await loadCatalog(), '2024-03-01T08:00:00+07:00');
    await ingest('snapshots/units/1.ndjson', units('Trường'), '2024-02-20T08:00:00+07:00');
    await ingest('snapshots/profiles/1.csv', PROFILES, '2024-02-21T08:00:00+07:00');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('retires its status when a school is registered again as a centre, and keeps the rest', async () => {
    expect(await statusOf(ACCREDITATION)).toBe('overdue');
    expect(await statusOf(ADDRESSES)).toBe('overdue');

    await ingest('snapshots/units/2.ndjson', units('Trung tâm GDTX'), '2024-02-22T08:00:00+07:00');

    expect(await statusOf(ACCREDITATION)).toBeUndefined();
    expect(await statusOf(ADDRESSES)).toBe('overdue');
    const overdue: string[] = [];
    for await (const unit of stack.deps.store.unitsWithStatus(ACCREDITATION, 'overdue')) overdue.push(unit);
    expect(overdue).toEqual([]);
    expect((await stack.deps.store.getStatusHistory('VY-01')).filter((c) => c.requirement === ACCREDITATION)).toEqual([
      { unit: 'VY-01', requirement: ACCREDITATION, to: 'overdue', at: parseInstant('2024-02-21T08:00:00+07:00') },
      { unit: 'VY-01', requirement: ACCREDITATION, from: 'overdue', to: 'not_applicable', at: parseInstant('2024-02-22T08:00:00+07:00') },
    ]);
  });

  it('judges it again once the unit is a school again', async () => {
    await ingest('snapshots/units/3.ndjson', units('Trường'), '2024-02-23T08:00:00+07:00');
    expect(await statusOf(ACCREDITATION)).toBe('overdue');
  });
});
