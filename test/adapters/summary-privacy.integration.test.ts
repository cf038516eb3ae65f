import { gunzipSync } from 'node:zlib';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import type { UnitEntitySummary } from '../../functions/core/evaluation/types.ts';
import { type DynaliteFixture, startDynalite } from './dynalite-fixture.ts';
import { studentsSummary } from './samples.ts';

let db: DynaliteFixture;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.stop();
});

it('stores counts and record codes of a summary, never a name or a national ID smuggled into it', async () => {
  const NAME = 'Nguyễn Thị Minh Khai';
  const NATIONAL_ID = '001203004567';
  const clean = studentsSummary('S-PRIV', Date.UTC(2025, 8, 1));
  /* the shape a careless accumulator might produce: personal fields at every level */
  const tainted = {
    ...clean,
    fullName: NAME,
    nationalId: NATIONAL_ID,
    byClass: { '1A': { total: 60, unverified: 2, fullName: NAME } },
    tallies: { 'CV-1234-ID': { ...clean.tallies['CV-1234-ID'], nationalIds: [NATIONAL_ID] } },
  } as unknown as UnitEntitySummary;
  const store = new DynamoStateStore(db.documentClient, db.tableName);

  await store.applySummary(tainted);

  const { Item } = await db.client.send(
    new GetItemCommand({ TableName: db.tableName, Key: { PK: { S: 'UNIT#S-PRIV' }, SK: { S: 'SUMMARY#students' } } }),
  );
  /* The body is compressed: searched as stored, a name would never be found. */
  const stored = `${JSON.stringify({ ...Item, body: undefined })}${gunzipSync(Item?.body?.B ?? new Uint8Array()).toString('utf8')}`;
  expect(stored).toContain('S-PRIV');
  expect(stored).not.toContain(NAME);
  expect(stored).not.toContain(NATIONAL_ID);
  expect(Object.keys(Item ?? {}).sort()).toEqual(['PK', 'SK', 'asOf', 'body', 'byLevel', 'entity', 'unit'].sort());
  expect((await store.getUnitState('S-PRIV')).students).toEqual(clean);
});
