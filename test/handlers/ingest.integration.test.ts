import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { S3SnapshotObjects } from '../../functions/adapters/s3/s3-snapshot-objects.ts';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { ingestBatch, type IngestHandlerDeps } from '../../functions/handlers/ingest.ts';
import { logger } from '../../functions/handlers/powertools.ts';
import { startDynalite, type DynaliteFixture } from '../adapters/dynalite-fixture.ts';
import { startS3rver, type S3rverFixture } from './s3rver-fixture.ts';
import { fakeContext, s3NotificationBody, sqsEvent, sqsRecord } from './sqs-events.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/snapshots/', import.meta.url));
const NOW = parseInstant('2023-06-23T11:30:00+07:00');
const IDENTITY = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';

describe('ingest handler on dynalite and s3rver', () => {
  let db: DynaliteFixture;
  let s3: S3rverFixture;
  let deps: IngestHandlerDeps;
  const rejected: string[] = [];

  async function upload(key: string, body: Buffer | string, asOf: string) {
    await s3.s3.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body, Metadata: { 'as-of': asOf, unit: 'THPT001' } }));
  }

  const run = (...keys: string[]) =>
    ingestBatch(deps)(sqsEvent(...keys.map((key, i) => sqsRecord(`m${i}`, s3NotificationBody(s3.bucket, key)))), fakeContext());

  beforeAll(async () => {
    [db, s3] = await Promise.all([startDynalite(), startS3rver()]);
    deps = {
      store: new DynamoStateStore(db.documentClient, db.tableName),
      objects: new S3SnapshotObjects(s3.s3, s3.bucket),
      catalog: await loadCatalog(),
      now: () => NOW,
      onRejected: async (outcome) => {
        rejected.push(outcome.key);
      },
    };
    await upload('snapshots/units/2023-06-23/units.ndjson', await readFile(`${FIXTURES}units-sample.ndjson`), '2023-06-23T08:00:00+07:00');
    await upload('snapshots/students/2023-06-23/thpt.csv', await readFile(`${FIXTURES}students-sample.csv`), '2023-06-23T08:00:00+07:00');
  });

  afterAll(async () => {
    await Promise.all([db?.stop(), s3?.stop()]);
  });

  it('applies units and students, and stores each unit × requirement status with its figures', async () => {
    const out = await run('snapshots/units/2023-06-23/units.ndjson', 'snapshots/students/2023-06-23/thpt.csv');
    expect(out.batchItemFailures).toEqual([]);
    const statuses = await deps.store.getStatuses('THPT001');
    expect(statuses.find((s) => s.requirement === IDENTITY)).toMatchObject({
      status: 'overdue',
      total: 2,
      failing: 1,
      rate: 50,
      failingCodes: ['HS002'],
      deadline: parseInstant('2023-06-15T17:00:00+07:00'),
    });
  });

  it('leaves the same state when the same object is delivered again', async () => {
    const before = await deps.store.getStatuses('THPT001');
    const out = await run('snapshots/students/2023-06-23/thpt.csv');
    expect(out.batchItemFailures).toEqual([]);
    expect(await deps.store.getStatuses('THPT001')).toEqual(before);
  });

  it('ignores an older snapshot arriving after a newer one', async () => {
    const allVerified = (await readFile(`${FIXTURES}students-sample.csv`, 'utf8')).replaceAll('Chưa xác thực', 'Đã xác thực');
    await upload('snapshots/students/2023-06-20/thpt.csv', allVerified, '2023-06-20T08:00:00+07:00');
    const out = await run('snapshots/students/2023-06-20/thpt.csv');
    expect(out.batchItemFailures).toEqual([]);
    const identity = (await deps.store.getStatuses('THPT001')).find((s) => s.requirement === IDENTITY);
    expect(identity).toMatchObject({ status: 'overdue', failing: 1 });
  });

  it('quarantines a bad file with its report, tells the uploader once, and does not retry it', async () => {
    const key = 'snapshots/students/2023-06-23/bad.csv';
    await upload(key, 'unit_code,student_code,id_verification\nTHPT001,HS001,verified\nTHPT001,HS002,perhaps\n', '2023-06-23T09:00:00+07:00');
    const first = await run(key);
    expect(first.batchItemFailures).toEqual([]);
    expect(rejected).toEqual([key]);

    await expect(s3.s3.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }))).rejects.toMatchObject({ name: 'NotFound' });
    const quarantined = await s3.s3.send(new GetObjectCommand({ Bucket: s3.bucket, Key: 'quarantine/students/2023-06-23/bad.csv' }));
    expect(await quarantined.Body?.transformToString()).toContain('perhaps');

    const statuses = await deps.store.getStatuses('THPT001');
    expect(statuses.find((s) => s.requirement === IDENTITY)).toMatchObject({ failing: 1, total: 2 });
  });

  it('writes the validation report next to the quarantined file, naming row, column and value', async () => {
    const listed = await s3.s3.send(new GetObjectCommand({ Bucket: s3.bucket, Key: await reportKey() }));
    const report = JSON.parse((await listed.Body?.transformToString()) ?? '{}') as { ok: boolean; issues: Array<Record<string, unknown>> };
    expect(report.ok).toBe(false);
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 3, field: 'id_verification', value: 'perhaps', severity: 'error' }));
  });

  it('refuses a units file naming a registered school as the supervisor of a school, and registers nothing of it', async () => {
    const key = 'snapshots/units/2023-06-24/more.csv';
    await upload(key, 'unit_code,unit_name,unit_kind,parent_code\nTHCS009,Trường THCS 9,school,PGD-NQ\nTH010,Trường TH 10,school,THPT001\n', '2023-06-24T09:00:00+07:00');
    const out = await run(key);
    expect(out.batchItemFailures).toEqual([]);
    expect(rejected).toContain(key);
    const listed = await s3.s3.send(new GetObjectCommand({ Bucket: s3.bucket, Key: await reportKey('units/2023-06-24/more.csv') }));
    const report = JSON.parse((await listed.Body?.transformToString()) ?? '{}') as { issues: Array<Record<string, unknown>> };
    expect(report.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'invalid_parent', row: 3, column: 'parent_code', value: 'THPT001' })]);
    expect(await deps.store.getUnits(['THCS009', 'TH010'])).toEqual(new Map());
  });

  it('fails only the malformed message of a batch', async () => {
    const out = await ingestBatch(deps)(
      sqsEvent(sqsRecord('bad', '{"not":"an s3 event"}'), sqsRecord('good', s3NotificationBody(s3.bucket, 'snapshots/students/2023-06-23/thpt.csv'))),
      fakeContext(),
    );
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
  });

  it('treats an object that is gone as done, not as a failure to retry', async () => {
    const out = await run('snapshots/students/2023-06-23/deleted-meanwhile.csv');
    expect(out.batchItemFailures).toEqual([]);
  });

  it('logs object keys and counts, never a name or a national ID number', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    logger.setLogLevel('INFO');
    try {
      await upload('snapshots/students/2023-06-24/thpt.csv', await readFile(`${FIXTURES}students-sample.csv`), '2023-06-24T08:00:00+07:00');
      await run('snapshots/students/2023-06-24/thpt.csv');
    } finally {
      spy.mockRestore();
    }
    const logs = written.join('');
    expect(logs).toContain('snapshots/students/2023-06-24/thpt.csv');
    for (const secret of ['Nguyễn Văn An', 'Trần Thị Bình', 'Tí', '031208000001', '079208000002']) expect(logs).not.toContain(secret);
  });

  it('keeps no name and no national ID number anywhere in the table', async () => {
    const { Items = [] } = await db.documentClient.send(new ScanCommand({ TableName: db.tableName }));
    const dump = JSON.stringify(Items);
    expect(Items.length).toBeGreaterThan(0);
    for (const secret of ['Nguyễn Văn An', 'Trần Thị Bình', 'Tí', '031208000001', '079208000002']) expect(dump).not.toContain(secret);
  });

  /* The local stack plays a clock: its uploads carry that clock's instant, and are judged as of it. */
  it('evaluates an upload at its as-of when told to, not at the processing time', async () => {
    const asOf = '2023-06-27T08:00:00+07:00';
    const allVerified = (await readFile(`${FIXTURES}students-sample.csv`, 'utf8')).replaceAll('Chưa xác thực', 'Đã xác thực');
    await upload('snapshots/students/2023-06-27/thpt.csv', allVerified, asOf);
    const out = await ingestBatch({ ...deps, evaluateAt: 'as_of' })(
      sqsEvent(sqsRecord('m0', s3NotificationBody(s3.bucket, 'snapshots/students/2023-06-27/thpt.csv'))),
      fakeContext(),
    );
    expect(out.batchItemFailures).toEqual([]);
    const identity = (await deps.store.getStatuses('THPT001')).find((s) => s.requirement === IDENTITY);
    expect(identity).toMatchObject({ failing: 0, evaluatedAt: parseInstant(asOf) });
  });

  async function reportKey(path = 'students/2023-06-23/bad.csv'): Promise<string> {
    const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const listed = await s3.s3.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `reports/${path}.` }));
    const key = listed.Contents?.[0]?.Key;
    if (key === undefined) throw new Error('no report written');
    return key;
  }
});
