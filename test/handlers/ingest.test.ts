import 'aws-sdk-client-mock-vitest/extend';
import { Readable } from 'node:stream';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { S3SnapshotObjects } from '../../functions/adapters/s3/s3-snapshot-objects.ts';
import type { Catalog } from '../../functions/core/catalog/schema.ts';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { ingestBatch, type IngestHandlerDeps } from '../../functions/handlers/ingest.ts';
import { fakeContext, s3NotificationBody, sqsEvent, sqsRecord } from './sqs-events.ts';

const BUCKET = 'dondoc-snapshots';
const KEY = 'snapshots/students/2023-06-23/thpt.csv';
const CSV = 'unit_code,student_code,id_verification\nTHPT001,HS001,verified\nTHPT001,HS002,unverified\n';

const s3 = mockClient(S3Client);
/* What the SDK returns in Node: a readable stream (its mixin methods are not used by the adapter). */
const body = () => Readable.from([Buffer.from(CSV)]) as never;
const ddb = mockClient(DynamoDBDocumentClient);
let catalog: Catalog;

function deps(rejected: string[] = []): IngestHandlerDeps {
  return {
    store: new DynamoStateStore(ddb as unknown as DynamoDBDocumentClient, 'dondoc', { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }),
    objects: new S3SnapshotObjects(s3 as unknown as S3Client, BUCKET),
    catalog,
    now: () => parseInstant('2023-06-23T11:30:00+07:00'),
    onRejected: async (outcome) => {
      rejected.push(outcome.key);
    },
  };
}

function objectExists(): void {
  s3.on(HeadObjectCommand).resolves({ VersionId: 'v1', ETag: '"e1"', Metadata: { 'as-of': '2023-06-23T08:00:00+07:00' } });
  s3.on(GetObjectCommand).callsFake(async () => ({ Body: body() }));
}

function tableAnswers(): void {
  ddb.on(GetCommand).resolves({});
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(BatchGetCommand).resolves({ Responses: { dondoc: [] } });
  ddb.on(PutCommand).resolves({});
  ddb.on(BatchWriteCommand).resolves({});
}

const event = (...ids: string[]) => sqsEvent(...ids.map((id) => sqsRecord(id, s3NotificationBody(BUCKET, KEY, 'v1'))));

beforeAll(async () => {
  catalog = await loadCatalog();
});

afterEach(() => {
  expect(ddb).not.toHaveReceivedCommand(ScanCommand);
  s3.reset();
  ddb.reset();
});

describe('ingest handler failure paths (mocked SDK)', () => {
  it('applies the snapshot of the exact version the event names', async () => {
    objectExists();
    tableAnswers();
    const out = await ingestBatch(deps())(event('m1'), fakeContext());
    expect(out.batchItemFailures).toEqual([]);
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: BUCKET, Key: KEY, VersionId: 'v1' });
    expect(ddb).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ PK: 'UNIT#THPT001', SK: 'SUMMARY#students' }) });
  });

  it('fails the record when DynamoDB throttles beyond its retries, so SQS redelivers it', async () => {
    objectExists();
    tableAnswers();
    ddb.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const out = await ingestBatch(deps())(event('m1', 'm2'), fakeContext()).catch((err: unknown) => err);
    /* Every record failed: Powertools throws so Lambda retries the whole batch. */
    expect(out).toBeInstanceOf(Error);
  });

  it('fails only the throttled record of a batch and applies the other', async () => {
    objectExists();
    tableAnswers();
    ddb.on(PutCommand).rejectsOnce(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} })).resolves({});
    const out = await ingestBatch(deps())(event('m1', 'm2'), fakeContext());
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
  });

  it('refuses an object whose as-of metadata names no instant, with a report, rather than failing it until the dead-letter queue', async () => {
    s3.on(HeadObjectCommand).resolves({ VersionId: 'v1', ETag: '"e1"', Metadata: { 'as-of': 'hôm qua' } });
    s3.on(GetObjectCommand).callsFake(async () => ({ Body: body() }));
    s3.on(CopyObjectCommand).resolves({});
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    tableAnswers();
    const rejected: string[] = [];
    const out = await ingestBatch(deps(rejected))(event('m1'), fakeContext());
    expect(out.batchItemFailures).toEqual([]);
    expect(rejected).toEqual([KEY]);
    const report = JSON.parse(String(s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Body)) as { ok: boolean; issues: unknown[] };
    expect(report).toMatchObject({ ok: false, issues: [{ code: 'invalid_metadata', field: 'as-of', value: 'hôm qua' }] });
    expect(s3).not.toHaveReceivedCommand(GetObjectCommand);
    expect(ddb).not.toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ SK: 'SUMMARY#students' }) });
  });

  it('treats a deleted object as done: nothing to retry, nothing written', async () => {
    s3.on(HeadObjectCommand).rejects(new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } }));
    const out = await ingestBatch(deps())(event('m1'), fakeContext());
    expect(out.batchItemFailures).toEqual([]);
    expect(ddb).not.toHaveReceivedCommand(PutCommand);
  });

  it('retries (fails the record) when S3 answers with a server error', async () => {
    s3.on(HeadObjectCommand)
      .rejectsOnce(new S3ServiceException({ name: 'InternalError', $fault: 'server', message: 'We encountered an internal error', $metadata: {} }))
      .resolves({ VersionId: 'v1', ETag: '"e1"' });
    s3.on(GetObjectCommand).callsFake(async () => ({ Body: body() }));
    tableAnswers();
    const out = await ingestBatch(deps())(event('m1', 'm2'), fakeContext());
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
  });

  it('fails a record whose body is not an S3 notification and names no object', async () => {
    const out = await ingestBatch(deps())(sqsEvent(sqsRecord('junk', 'not json'), sqsRecord('test', '{"Event":"s3:TestEvent"}')), fakeContext());
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'junk' }]);
    expect(s3).not.toHaveReceivedCommand(HeadObjectCommand);
  });
});
