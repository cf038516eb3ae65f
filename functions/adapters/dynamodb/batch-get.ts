import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { boundedMap } from '../../core/concurrency/bounded-map.ts';
import { AdapterError } from '../adapter-error.ts';
import { BATCHES_IN_FLIGHT, chunks } from './chunks.ts';
import type { TableKey } from './keys.ts';
import { backoffDelay, type RetryPolicy, sleep } from './retry-policy.ts';
import { call } from './sdk-errors.ts';

const BATCH_GET_LIMIT = 100;

/** Which attributes to read back: a `#name` per attribute, since many (`unit`, `rows`) are reserved words. */
export function projectionOf(attributes: readonly string[]): { ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> } {
  const names = Object.fromEntries(attributes.map((attribute, i) => [`#a${i}`, attribute]));
  return { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names };
}

/** Strongly consistent reads of many keys, 100 per request and a few requests at once, UnprocessedKeys retried with backoff; found items come in no particular order. */
export async function getAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly TableKey[],
  policy: RetryPolicy,
  attributes?: readonly string[],
): Promise<Record<string, unknown>[]> {
  const projection = attributes === undefined ? {} : projectionOf(attributes);
  const found: Record<string, unknown>[] = [];
  await boundedMap(chunks(keys, BATCH_GET_LIMIT), BATCHES_IN_FLIGHT, async (chunk) => {
    let pending: Record<string, unknown>[] = chunk.map((key) => ({ ...key }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === policy.maxAttempts) {
        throw new AdapterError('UNPROCESSED', `${pending.length} keys left unprocessed after ${attempt} BatchGetItem attempts`);
      }
      if (attempt > 0) await sleep(backoffDelay(policy, attempt));
      const response = await call('BatchGetItem', () =>
        client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true, ...projection } } })),
      );
      found.push(...(response.Responses?.[tableName] ?? []));
      pending = response.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  });
  return found;
}
