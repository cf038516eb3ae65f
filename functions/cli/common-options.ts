import { z } from 'zod';
import { parseInstant } from '../core/time.ts';
import { ENTITY_KINDS, type EntityKind } from '../core/snapshot/entities.ts';
import { UsageError } from './usage-error.ts';

const CommonOptions = z.object({
  asOf: z.string().optional(),
  dispatches: z.string().optional(),
  entity: z.enum(ENTITY_KINDS).optional(),
  json: z.boolean().optional(),
});

export interface ResolvedOptions {
  asOf: number;
  dispatchesDir?: string;
  entity?: EntityKind;
  json: boolean;
}

/** Validates the options every evaluating command shares; a bad value is wrong usage (exit 2). */
export function resolveCommonOptions(raw: unknown, now: () => number = Date.now): ResolvedOptions {
  const parsed = CommonOptions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`Tùy chọn không hợp lệ / invalid option: --${String(issue?.path[0] ?? '?')}: ${issue?.message ?? ''}`);
  }
  const { asOf, dispatches, entity, json } = parsed.data;
  let at: number;
  try {
    at = asOf === undefined ? now() : parseInstant(asOf);
  } catch {
    throw new UsageError(`--as-of "${asOf}" không phải thời điểm ISO 8601 / is not an ISO 8601 instant (vd. 2023-06-23T11:30:00+07:00)`);
  }
  return { asOf: at, dispatchesDir: dispatches, entity, json: json ?? false };
}
