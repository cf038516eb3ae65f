import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import type { Catalog } from '../../functions/core/catalog/schema.ts';
import { requirementsReading } from '../../functions/core/evaluation/entities-read.ts';
import { evaluate } from '../../functions/core/evaluation/evaluate.ts';
import type { StoredStatus } from '../../functions/core/ports/state-store.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { startAsOfIngest, type AsOfIngest } from './as-of-ingest.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/snapshots/', import.meta.url));
const UNITS = ['SGD-HP', 'PGD-NQ', 'THCS002', 'THPT001'];
/* Either side of the students' identity deadline (15/6 17:00): judged again at the staff upload, that status would change. */
const FIRST = '2023-06-14T08:00:00+07:00';
const STAFF_AT = '2023-06-16T08:00:00+07:00';
const STAFF = [
  'Mã trường,Mã cán bộ,Họ và tên,Chức vụ,Số định danh cá nhân,Trạng thái xác thực,Trạng thái,Ngày cập nhật',
  'THPT001,CB001,Phạm Văn Cường,GV,031080000009,Đã xác thực,Đang làm việc,2023-06-15 09:00',
  'THPT001,CB002,Hoàng Thị Dung,NV,,Chưa xác thực,Đang làm việc,2023-06-15 09:00',
  'THCS002,CB001,Vũ Văn Em,CBQL,079080000010,Đã xác thực,Đang làm việc,2023-06-15 09:00',
].join('\n');

/* Uploads are judged at their own as-of here, so which evaluation wrote a status shows in its evaluatedAt. */
describe('an upload re-evaluates only the requirements that read its entity', () => {
  let stack: AsOfIngest;
  let catalog: Catalog;
  const ingest = (key: string, body: Buffer | string, asOf: string) => stack.ingest(key, body, asOf);

  async function statuses(): Promise<StoredStatus[]> {
    return (await Promise.all(UNITS.map((code) => stack.deps.store.getStatuses(code)))).flat();
  }

  const reading = (entity: 'students' | 'staff') => new Set(requirementsReading(catalog, entity).dispatches.flatMap((d) => d.requirements.map((r) => r.id)));

  beforeAll(async () => {
    catalog = await loadCatalog();
    stack = await startAsOfIngest(catalog, '2023-06-26T08:00:00+07:00');
    await ingest('snapshots/units/u.ndjson', await readFile(`${FIXTURES}units-sample.ndjson`), FIRST);
    await ingest('snapshots/students/s.csv', await readFile(`${FIXTURES}students-sample.csv`), FIRST);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('rewrites the staff requirements and leaves every other status as the students upload stored it', async () => {
    const before = await statuses();
    expect(before.length).toBeGreaterThan(0);
    await ingest('snapshots/staff/cb.csv', STAFF, STAFF_AT);
    const after = await statuses();

    const staff = reading('staff');
    const untouched = (list: StoredStatus[]) => list.filter((s) => !staff.has(s.requirement));
    expect(untouched(after)).toEqual(untouched(before));
    expect(untouched(after).every((s) => s.evaluatedAt === parseInstant(FIRST))).toBe(true);
    const rewritten = after.filter((s) => staff.has(s.requirement));
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.every((s) => s.evaluatedAt === parseInstant(STAFF_AT))).toBe(true);
    /* A requirement that reads both (declared totals, explanations) is rewritten by either. */
    expect([...staff].some((id) => reading('students').has(id))).toBe(true);
  });

  it('stores exactly what evaluating every requirement at each status’s own instant says', async () => {
    const registry = await stack.deps.store.getUnits(UNITS);
    const states = await stack.deps.store.getUnitStates(UNITS);
    for (const stored of await statuses()) {
      const full = evaluate(catalog, { registry, states, asOf: stored.evaluatedAt }).find((r) => r.unit === stored.unit && r.requirement === stored.requirement);
      const { evaluatedAt, ...result } = stored;
      expect({ ...result, evaluatedAt }).toEqual({ ...full, evaluatedAt });
    }
  });

  it('changes nothing when the staff upload is delivered again, or an older one arrives late', async () => {
    const before = await statuses();
    await ingest('snapshots/staff/cb.csv', STAFF, STAFF_AT);
    expect(await statuses()).toEqual(before);
    await ingest('snapshots/staff/older.csv', STAFF.replaceAll('Đã xác thực', 'Chưa xác thực'), '2023-06-15T08:00:00+07:00');
    expect(await statuses()).toEqual(before);
  });

  /* Months later the data has gone stale: what changed is rewritten, whichever entity it reads. */
  it('re-evaluates every requirement when the registry is uploaded again', async () => {
    const later = '2024-03-01T08:00:00+07:00';
    await ingest('snapshots/units/u2.ndjson', await readFile(`${FIXTURES}units-sample.ndjson`), later);
    const rewritten = new Set((await statuses()).filter((s) => s.evaluatedAt === parseInstant(later)).map((s) => s.requirement));
    const [students, staff] = [reading('students'), reading('staff')];
    expect([...rewritten].some((id) => students.has(id) && !staff.has(id))).toBe(true);
    expect([...rewritten].some((id) => staff.has(id) && !students.has(id))).toBe(true);
  });
});
