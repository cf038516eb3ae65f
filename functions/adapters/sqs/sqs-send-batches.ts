import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { AdapterError } from '../adapter-error.ts';

/* SendMessageBatch takes at most ten entries and 256 KiB of bodies in all. */
const BATCH = 10;
const BATCH_BYTES = 256 * 1024;
const ATTEMPTS = 3;

/** Sends one message per body, ten at a time; entries SQS failed for its own reasons are resent. */
export async function sendBatches(sqs: SQSClient, queueUrl: string, bodies: readonly string[]): Promise<void> {
  for (const batch of batches(bodies)) await sendBatch(sqs, queueUrl, batch);
}

async function sendBatch(sqs: SQSClient, queueUrl: string, bodies: readonly string[]): Promise<void> {
  let pending = bodies.map((body, i) => ({ Id: String(i), MessageBody: body }));
  for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
    const { Failed = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }));
    const permanent = Failed.filter((f) => f.SenderFault === true);
    if (permanent.length > 0) {
      throw new AdapterError('REJECTED', `SQS refused ${permanent.length} message(s): ${permanent.map((f) => f.Code).join(', ')}`);
    }
    const failedIds = new Set(Failed.map((f) => f.Id));
    pending = pending.filter((entry) => failedIds.has(entry.Id));
  }
  if (pending.length > 0) throw new AdapterError('UNPROCESSED', `SQS kept failing ${pending.length} message(s) after ${ATTEMPTS} attempts`);
}

/** Groups bodies into batches SQS accepts; one body alone over the limit can never be sent. */
function* batches(bodies: readonly string[]): Generator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for (const body of bodies) {
    const size = Buffer.byteLength(body, 'utf8');
    if (size > BATCH_BYTES) throw new AdapterError('REJECTED', `a message of ${size} bytes is over the SQS message limit of ${BATCH_BYTES}`);
    if (batch.length === BATCH || bytes + size > BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(body);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
