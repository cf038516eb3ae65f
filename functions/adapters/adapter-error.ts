/**
 * Typed failures of the AWS adapters. Callers (handlers, SQS batch processing) branch on
 * `code` and `retryable`, never on message text.
 */
export type AdapterErrorCode =
  /** the service kept throttling after the SDK's own retries */
  | 'THROTTLED'
  /** a batch still had unprocessed items after the adapter's bounded retries */
  | 'UNPROCESSED'
  /** an optimistic write kept losing to concurrent writers */
  | 'CONFLICT'
  /** an item read back does not have the shape this adapter writes */
  | 'CORRUPT_ITEM'
  /** an item cannot be brought under the service's size limit */
  | 'ITEM_TOO_LARGE'
  /** the service refused the request for good (a rejected email, a malformed message) */
  | 'REJECTED';

const RETRYABLE: ReadonlySet<AdapterErrorCode> = new Set(['THROTTLED', 'UNPROCESSED', 'CONFLICT']);

export class AdapterError extends Error {
  constructor(
    readonly code: AdapterErrorCode,
    message: string,
    options?: { cause?: unknown; details?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'AdapterError';
    this.details = options?.details;
  }

  readonly details: unknown;

  /** true when running the same work again later may succeed (SQS redelivery, a retried invocation) */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}
