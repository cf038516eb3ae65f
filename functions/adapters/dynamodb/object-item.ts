import { z } from 'zod';
import type { ObjectOutcome, ProcessedObject } from '../../core/ports/state-store.ts';
import { objectKey, objectLatestKey } from './keys.ts';
import { parseItem } from './parse-item.ts';

const Processed = z.object({ key: z.string().min(1), version: z.string().min(1), processedAt: z.number() });

const ProcessedObjectItem = z.discriminatedUnion('outcome', [
  Processed.extend({ outcome: z.literal('applied'), rows: z.number().int().nonnegative() }),
  Processed.extend({ outcome: z.literal('rejected'), quarantineKey: z.string().min(1), reportKey: z.string().min(1) }),
]) satisfies z.ZodType<ProcessedObject>;

/** The mark of one object version, and the same body under the key's latest-outcome item. */
export function toProcessedObjectItems(key: string, version: string, outcome: ObjectOutcome, processedAt: number): { mark: Record<string, unknown>; latest: Record<string, unknown> } {
  const body = ProcessedObjectItem.parse({ key, version, processedAt, ...outcome });
  return { mark: { ...objectKey(key, version), ...body }, latest: { ...objectLatestKey(key), ...body } };
}

export function fromProcessedObjectItem(item: unknown): ProcessedObject {
  return parseItem(ProcessedObjectItem, item, 'processed object');
}
