import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { boundedMap } from '../../core/concurrency/bounded-map.ts';
import { AdapterError } from '../adapter-error.ts';
import { BATCHES_IN_FLIGHT, chunks } from './chunks.ts';
import { backoffDelay, type RetryPolicy, sleep } from './retry-policy.ts';
import { call } from './sdk-errors.ts';

const BATCH_WRITE_LIMIT = 25;

/**
 * Unconditional puts, 25 per request. A batch may come back partly done (UnprocessedItems)
 * without any error; those items are sent again with backoff until the policy's attempts run
 * out, then the whole call fails as retryable. A few batches are in flight at once: a run's
 * history is thousands of items, and one request at a time leaves the table waiting on the round trips. Every caller writes items whose keys are
 * deterministic, so a retried call rewrites the same items.
 */
export async function putAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
  policy: RetryPolicy,
): Promise<void> {
  await boundedMap(chunks(items, BATCH_WRITE_LIMIT), BATCHES_IN_FLIGHT, async (chunk) => {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === policy.maxAttempts) {
        throw new AdapterError('UNPROCESSED', `${pending.length} items left unprocessed after ${attempt} BatchWriteItem attempts`);
      }
      if (attempt > 0) await sleep(backoffDelay(policy, attempt));
      const response = await call('BatchWriteItem', () => client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } })));
      pending = (response.UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
        request.PutRequest?.Item === undefined ? [] : [{ PutRequest: { Item: request.PutRequest.Item } }],
      );
    }
  });
}
