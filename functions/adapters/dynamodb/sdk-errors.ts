import { AdapterError } from '../adapter-error.ts';

/* The SDK reports service errors as exceptions whose `name` is the DynamoDB error type. */
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return errorName(error) === 'ConditionalCheckFailedException';
}

/**
 * Runs one DynamoDB call. The SDK has already retried throttling by the time it throws, so a
 * throttling error here becomes a retryable AdapterError for the caller's redelivery to
 * handle; everything else passes through unchanged.
 */
export async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const name = errorName(error);
    if (name !== undefined && THROTTLING.has(name)) {
      throw new AdapterError('THROTTLED', `DynamoDB ${operation} throttled (${name})`, { cause: error });
    }
    throw error;
  }
}
