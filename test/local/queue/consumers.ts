import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { SqsConsumer } from '../../../functions/local/queue/local-queue.ts';

/** A consumer that records every batch and fails the records `fails` picks, as a partial batch response. */
export function recordingConsumer(fails: (record: SQSRecord) => boolean = () => false) {
  const batches: SQSRecord[][] = [];
  const consumer: SqsConsumer = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    batches.push(event.Records);
    return { batchItemFailures: event.Records.filter(fails).map((r) => ({ itemIdentifier: r.messageId })) };
  };
  return { consumer, batches, deliveries: () => batches.flat() };
}

/** Options that keep retries quick in tests. */
export const FAST = { visibilityTimeoutMs: 5, maxVisibilityTimeoutMs: 20 } as const;
