import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoStateStore } from '../adapters/dynamodb/dynamo-state-store.ts';
import { S3SnapshotObjects } from '../adapters/s3/s3-snapshot-objects.ts';
import { documentClient, s3Client, sqsClient } from '../adapters/aws-clients.ts';
import { SqsOutbox } from '../adapters/sqs/sqs-outbox.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import { ingestSnapshot, type IngestDeps, type IngestOutcome } from '../core/pipeline/ingest-snapshot.ts';
import { rejectionNotice } from '../core/pipeline/rejection-notice.ts';
import { objectsCreated } from './events/s3-notification.ts';
import { readHandlerEnv } from './handler-env.ts';
import { outcomeForLog } from './ingest-log.ts';
import { logger, metrics } from './powertools.ts';

export interface IngestHandlerDeps extends IngestDeps {
  /** tells the uploader's unit that its file was rejected, once per object version */
  onRejected: (outcome: Extract<IngestOutcome, { outcome: 'rejected' }>) => Promise<void>;
}

/** One SQS record: one S3 notification, usually one object. Throwing fails only this record. */
export async function ingestRecord(deps: IngestHandlerDeps, record: SQSRecord): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  for (const ref of objectsCreated(record.body)) {
    const outcome = await ingestSnapshot(deps, ref);
    outcomes.push(outcome);
    logger.info('snapshot processed', { ...outcomeForLog(outcome) });
    metrics.addMetric(`Snapshot_${outcome.outcome}`, MetricUnit.Count, 1);
    if (outcome.outcome === 'rejected' && outcome.firstTime) await deps.onRejected(outcome);
  }
  return outcomes;
}

export function ingestBatch(deps: IngestHandlerDeps) {
  const processor = new BatchProcessor(EventType.SQS);
  return (event: SQSEvent, context: Context) =>
    processPartialResponse(event, (record: SQSRecord) => ingestRecord(deps, record), processor, { context });
}

let deps: Promise<IngestHandlerDeps> | undefined;

async function productionDeps(): Promise<IngestHandlerDeps> {
  const env = readHandlerEnv();
  const store = new DynamoStateStore(documentClient(), env.TABLE_NAME);
  const outbox = new SqsOutbox(sqsClient(), env.NOTIFY_QUEUE_URL);
  return {
    store,
    objects: new S3SnapshotObjects(s3Client(), env.BUCKET_NAME),
    catalog: await loadCatalog(env.DONDOC_DISPATCHES_DIR),
    now: Date.now,
    evaluateAt: env.DONDOC_INGEST_EVALUATES_AT,
    onRejected: async (outcome) => {
      const notice = await rejectionNotice(store, env.DEPARTMENT_CODE, outcome, Date.now());
      if (notice) await outbox.enqueue([notice]);
      else logger.warn('rejected upload with nobody to tell', { key: outcome.key, uploader: outcome.uploader });
    },
  };
}

export const handler = middy(async (event: SQSEvent, context: Context) => ingestBatch(await (deps ??= productionDeps()))(event, context))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
