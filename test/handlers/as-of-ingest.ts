import { PutObjectCommand } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { S3SnapshotObjects } from '../../functions/adapters/s3/s3-snapshot-objects.ts';
import type { Catalog } from '../../functions/core/catalog/schema.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { ingestBatch, type IngestHandlerDeps } from '../../functions/handlers/ingest.ts';
import { startDynalite } from '../adapters/dynalite-fixture.ts';
import { startS3rver } from './s3rver-fixture.ts';
import { fakeContext, s3NotificationBody, sqsEvent, sqsRecord } from './sqs-events.ts';

export interface AsOfIngest {
  deps: IngestHandlerDeps;
  /** uploads `body` under `key` with `asOf` as its metadata and runs the ingest on its notification, which must not fail */
  ingest(key: string, body: Buffer | string, asOf: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The ingest handler on dynalite and s3rver, each upload judged as of the instant it carries
 * (as the local stack does), so which evaluation wrote a status shows in its evaluatedAt.
 */
export async function startAsOfIngest(catalog: Catalog, now: string): Promise<AsOfIngest> {
  const [db, s3] = await Promise.all([startDynalite(), startS3rver()]);
  const deps: IngestHandlerDeps = {
    store: new DynamoStateStore(db.documentClient, db.tableName),
    objects: new S3SnapshotObjects(s3.s3, s3.bucket),
    catalog,
    now: () => parseInstant(now),
    evaluateAt: 'as_of',
    onRejected: async () => {},
  };
  return {
    deps,
    async ingest(key, body, asOf) {
      await s3.s3.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body, Metadata: { 'as-of': asOf } }));
      const out = await ingestBatch(deps)(sqsEvent(sqsRecord('m', s3NotificationBody(s3.bucket, key))), fakeContext());
      expect(out.batchItemFailures).toEqual([]);
    },
    async stop() {
      await Promise.all([db.stop(), s3.stop()]);
    },
  };
}
