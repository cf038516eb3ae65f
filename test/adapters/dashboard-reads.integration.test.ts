import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { startDynalite, type DynaliteFixture } from './dynalite-fixture.ts';
import { result, studentsSummary } from './samples.ts';

const T0 = Date.UTC(2023, 5, 9);
const REQ = 'CV-1234-ID';
const KEY = 'snapshots/students/TH-A1/hoc-sinh.csv';

describe('the store’s dashboard reads on dynalite', () => {
  let db: DynaliteFixture;
  let clock = T0;
  let store: DynamoStateStore;

  beforeAll(async () => {
    db = await startDynalite();
    store = new DynamoStateStore(db.documentClient, db.tableName, { now: () => clock });
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('reads the students and staff figures of many units in batches, without their record codes', async () => {
    const codes = Array.from({ length: 130 }, (_, i) => `S${String(i).padStart(3, '0')}`);
    for (const code of codes) await store.applySummary(studentsSummary(code, T0, ['HS001', 'HS002', 'HS003']));
    await store.applySummary({ ...studentsSummary('S000', T0), entity: 'staff', byLevel: { TH: { total: 7, unverified: 1 } } });
    /* 131 summaries over 262 keys: three BatchGetItem calls, absent staff items left out */
    const sources = await store.getIdentitySources([...codes, 'NOBODY', 'S000']);
    expect(sources).toHaveLength(131);
    expect(sources.find((s) => s.unit === 'S129')).toEqual({ unit: 'S129', entity: 'students', byLevel: { TH: { total: 120, unverified: 3 } } });
    expect(sources.find((s) => s.unit === 'S000' && s.entity === 'staff')?.byLevel).toEqual({ TH: { total: 7, unverified: 1 } });
    expect(JSON.stringify(sources)).not.toContain('HS001');
  });

  it('reads the statuses of many (unit, requirement) pairs, leaving out pairs with none', async () => {
    const units = Array.from({ length: 110 }, (_, i) => `U${i}`);
    await store.putResults(units.map((u) => result(u, REQ, 'overdue')), T0);
    const statuses = await store.getStatusesOf([...units.map((unit) => ({ unit, requirement: REQ })), { unit: 'U1', requirement: 'other' }, { unit: 'U1', requirement: REQ }]);
    expect(statuses).toHaveLength(110);
    expect(statuses.find((s) => s.unit === 'U42')).toMatchObject({ status: 'overdue', failing: 2, failingCodes: ['HS001', 'HS002'], evaluatedAt: T0 });
  });

  it('keeps what became of an object, by key, the latest version winning over a late redelivery of an earlier one', async () => {
    expect(await store.latestObjectOutcome(KEY)).toBeUndefined();
    clock = T0 + 1_000;
    await store.markObjectProcessed(KEY, 'v1', { outcome: 'rejected', quarantineKey: 'quarantine/students/TH-A1/hoc-sinh.csv', reportKey: 'reports/students/TH-A1/hoc-sinh.csv.v1.json' });
    expect(await store.latestObjectOutcome(KEY)).toEqual({
      key: KEY,
      version: 'v1',
      processedAt: T0 + 1_000,
      outcome: 'rejected',
      quarantineKey: 'quarantine/students/TH-A1/hoc-sinh.csv',
      reportKey: 'reports/students/TH-A1/hoc-sinh.csv.v1.json',
    });
    clock = T0 + 2_000;
    expect(await store.markObjectProcessed(KEY, 'v2', { outcome: 'applied', rows: 42 })).toBe(true);
    clock = T0 + 3_000;
    expect(await store.markObjectProcessed(KEY, 'v1', { outcome: 'rejected', quarantineKey: 'q', reportKey: 'r' })).toBe(false);
    expect(await store.latestObjectOutcome(KEY)).toEqual({ key: KEY, version: 'v2', processedAt: T0 + 2_000, outcome: 'applied', rows: 42 });
  });

  it('gives the latest run’s day and evaluation instant', async () => {
    expect(await store.latestRun()).toBeUndefined();
    await store.putRollups('2023-06-09', [], T0 + 3_600_000);
    expect(await store.latestRun()).toEqual({ day: '2023-06-09', evaluatedAt: T0 + 3_600_000 });
  });
});
