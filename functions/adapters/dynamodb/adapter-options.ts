import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';

export interface DynamoAdapterOptions {
  /** retries of unprocessed batch items and lost optimistic writes */
  retry?: RetryPolicy;
  /** conditional writes in flight at once */
  concurrency?: number;
  /** the clock stamped on processed-object, claim and suppression items */
  now?: () => number;
}

export interface ResolvedOptions {
  retry: RetryPolicy;
  concurrency: number;
  now: () => number;
}

export function resolveOptions(options: DynamoAdapterOptions): ResolvedOptions {
  return { retry: options.retry ?? DEFAULT_RETRY_POLICY, concurrency: options.concurrency ?? 16, now: options.now ?? Date.now };
}
