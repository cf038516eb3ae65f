import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDondocTable } from '../../adapters/dynamodb/create-table.ts';
import type { DondocError } from '../../core/errors.ts';
import { SNAPSHOTS_PREFIX } from '../../core/snapshot/object-keys.ts';
import { lambdaContext } from '../queue/lambda-context.ts';
import { LocalQueue } from '../queue/local-queue.ts';
import { startLocalSqs } from '../queue/local-sqs-endpoint.ts';
import { startLocalDynamo } from '../services/local-dynamodb.ts';
import { S3RVER_CREDENTIALS, startLocalS3 } from '../services/local-s3.ts';
import { startLocalSes } from '../services/local-ses.ts';
import type { LocalService } from '../services/listening.ts';
import { localHandlerEnv, type LocalEndpoints } from './local-env.ts';
import { LOCAL_NAMES } from './local-names.ts';
import { notificationBody } from './s3-event-body.ts';

export interface LocalStackOptions {
  /** where dynalite and s3rver keep their state across restarts */
  dataDir: string;
  department: string;
  /** the dashboard's URL, for links in emails (the web server starts after the stack) */
  dashboardUrl: string;
  /** POWERTOOLS_LOG_LEVEL for the handlers */
  logLevel?: string;
  /** fixed ports (0 or absent: any free port) */
  ports?: Partial<Record<'dynamodb' | 's3' | 'ses' | 'sqs', number>>;
  onHandlerError?: (queue: string, error: unknown) => void;
}

export interface LocalStack {
  endpoints: LocalEndpoints;
  /** settles if a service in a process of its own (dynalite) ends before `stop()`: the stack cannot go on */
  lost: Promise<DondocError>;
  mailboxUrl: string;
  s3: S3Client;
  dynamodb: DynamoDBClient;
  /** puts a snapshot under snapshots/<entity>/…, as a unit's upload would */
  upload(key: string, body: Buffer | string, meta: { asOf?: string; unit?: string }): Promise<void>;
  /** the scheduled run of `run` at `asOf` (ISO 8601), as EventBridge Scheduler would invoke it; resolves once its parts, its finish and its emails are done */
  runSchedule(run: 'daily' | 'digest', asOf?: string): Promise<unknown>;
  /** resolves when no snapshot and no email is waiting or being processed */
  idle(): Promise<void>;
  queues: { ingest: LocalQueue; plan: LocalQueue; notify: LocalQueue };
  stop(): Promise<void>;
}

type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/**
 * The whole pipeline on this machine: dynalite, s3rver and aws-ses-v2-local on loopback, the
 * ingest, planner, plan worker and sender Lambda handlers imported unchanged and fed by in-process queues
 * with SQS's batch, retry and dead-letter semantics. Uploads to the bucket trigger the ingest
 * the way S3's notification does on AWS.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  await mkdir(join(opts.dataDir, 's3'), { recursive: true });
  const started: LocalService[] = [];
  const track = <T extends LocalService>(service: T): T => {
    started.push(service);
    return service;
  };
  try {
    const dynamo = track(await startLocalDynamo({ path: join(opts.dataDir, 'dynamodb'), port: opts.ports?.dynamodb }));
    const s3Service = track(await startLocalS3({ directory: join(opts.dataDir, 's3'), buckets: [LOCAL_NAMES.bucket], port: opts.ports?.s3 }));
    const ses = track(await startLocalSes({ port: opts.ports?.ses }));

    const queues = new Map<string, LocalQueue>();
    const sqs = track(await startLocalSqs(queues, { port: opts.ports?.sqs }));
    const endpoints: LocalEndpoints = { dynamodb: dynamo.endpoint, s3: s3Service.endpoint, ses: ses.endpoint, sqs: sqs.endpoint, dashboard: opts.dashboardUrl };
    Object.assign(process.env, localHandlerEnv(endpoints, opts.department, opts.logLevel ?? 'WARN'));

    const dynamodb = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_NAMES.region, credentials: S3RVER_CREDENTIALS });
    await createDondocTable(dynamodb, LOCAL_NAMES.table);
    const s3 = new S3Client({ endpoint: s3Service.endpoint, region: LOCAL_NAMES.region, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
    await s3.send(new CreateBucketCommand({ Bucket: LOCAL_NAMES.bucket })).catch(() => undefined);

    /* Imported only now: the handlers read their environment when first used. */
    const ingest = (await import('../../handlers/ingest.ts')).handler as unknown as SqsHandler;
    const sender = (await import('../../handlers/sender.ts')).handler as unknown as SqsHandler;
    const planWorker = (await import('../../handlers/plan-worker.ts')).handler as unknown as SqsHandler;
    const planner = (await import('../../handlers/planner.ts')).handler as unknown as (event: unknown, context: Context) => Promise<unknown>;

    const onError = (queue: string) => (error: unknown) => opts.onHandlerError?.(queue, error);
    /* Batch sizes and time limits as lib/constructs/function-sizing.ts gives them on AWS: middy
       aborts a handler whose context says its time is up, as Lambda would. */
    const ingestQueue = new LocalQueue(LOCAL_NAMES.ingestQueue, { consumer: ingest, batchSize: 1, functionTimeoutMs: 300_000, onError: onError('ingest') });
    const notifyQueue = new LocalQueue(LOCAL_NAMES.notifyQueue, { consumer: sender, batchSize: 10, functionTimeoutMs: 30_000, onError: onError('sender') });
    /* On AWS each part is an invocation of its own, ten at a time; one local consumer takes four parts a batch, which its batch processor runs side by side. */
    const planQueue = new LocalQueue(LOCAL_NAMES.planQueue, { consumer: planWorker, batchSize: 4, functionTimeoutMs: 180_000, onError: onError('plan') });
    queues.set(LOCAL_NAMES.ingestQueue, ingestQueue).set(LOCAL_NAMES.planQueue, planQueue).set(LOCAL_NAMES.notifyQueue, notifyQueue);

    s3Service.events.on('event', (event: unknown) => {
      const body = notificationBody(event, SNAPSHOTS_PREFIX);
      if (body !== undefined) ingestQueue.send(body);
    });

    const idle = async () => {
      /* The ingest may queue emails (a rejected upload) and the sender nothing else: settle in that order. */
      await ingestQueue.idle();
      /* A run's parts queue its finish and both queue emails: the run is done when this drains, then the sender. */
      await planQueue.idle();
      await notifyQueue.idle();
    };

    return {
      endpoints,
      lost: dynamo.lost,
      mailboxUrl: ses.mailboxUrl,
      s3,
      dynamodb,
      queues: { ingest: ingestQueue, plan: planQueue, notify: notifyQueue },
      async upload(key, body, meta) {
        const Metadata: Record<string, string> = {};
        if (meta.asOf !== undefined) Metadata['as-of'] = meta.asOf;
        if (meta.unit !== undefined) Metadata['unit'] = meta.unit;
        await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: body, Metadata }));
      },
      async runSchedule(run, asOf) {
        const result = await planner({ run, ...(asOf === undefined ? {} : { asOf }) }, lambdaContext({ functionName: 'dondoc-planner', region: LOCAL_NAMES.region, timeoutMs: 300_000 }));
        await idle();
        return result;
      },
      idle,
      async stop() {
        await Promise.all([ingestQueue.stop(), planQueue.stop(), notifyQueue.stop()]);
        s3.destroy();
        dynamodb.destroy();
        await stopAll(started);
      },
    };
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}

async function stopAll(services: readonly LocalService[]): Promise<void> {
  await Promise.allSettled([...services].reverse().map((s) => s.stop()));
}
