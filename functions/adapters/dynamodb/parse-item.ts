import type { z } from 'zod';
import { AdapterError } from '../adapter-error.ts';

/** Items read back are data from outside the process: parse them, and say which item broke. */
export function parseItem<S extends z.ZodType>(schema: S, item: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    const key = typeof item === 'object' && item !== null ? { PK: (item as { PK?: unknown }).PK, SK: (item as { SK?: unknown }).SK } : undefined;
    throw new AdapterError('CORRUPT_ITEM', `unreadable ${what} item`, { details: { key, issues: parsed.error.issues } });
  }
  return parsed.data;
}
