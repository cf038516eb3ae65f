import { z } from 'zod';

/* What Lambda accepts back from an SQS consumer with ReportBatchItemFailures on; no answer at all is success. */
const BatchResponse = z
  .object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string().min(1) })).nullish() })
  .nullish();

/** The consumer answered something Lambda cannot read as a partial batch response. */
export class InvalidBatchResponse extends Error {
  override readonly name = 'InvalidBatchResponse';
}

export type BatchOutcome = { readonly failed: ReadonlySet<string> } | { readonly failed: ReadonlySet<string>; readonly error: unknown };

/**
 * Which records of a delivered batch failed. Lambda fails the whole batch when the consumer
 * throws, and also when its answer is malformed or names a message that was not in the batch.
 */
export function batchOutcome(messageIds: readonly string[], settled: { response: unknown } | { error: unknown }): BatchOutcome {
  const all = new Set(messageIds);
  if ('error' in settled) return { failed: all, error: settled.error };
  const parsed = BatchResponse.safeParse(settled.response);
  if (!parsed.success) {
    return { failed: all, error: new InvalidBatchResponse(`the consumer's answer is not a partial batch response: ${z.prettifyError(parsed.error)}`) };
  }
  const named = (parsed.data?.batchItemFailures ?? []).map((f) => f.itemIdentifier);
  const strangers = named.filter((id) => !all.has(id));
  if (strangers.length > 0) {
    return { failed: all, error: new InvalidBatchResponse(`the consumer reported failures for messages not in the batch: ${strangers.join(', ')}`) };
  }
  return { failed: new Set(named) };
}
