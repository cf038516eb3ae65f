import { z } from 'zod';
import { DondocError } from '../core/errors.ts';
import { parseInstant } from '../core/time.ts';
import { ENTITY_KINDS, type EntityKind } from '../core/snapshot/entities.ts';
import { invalidOptions, UsageError } from './usage-error.ts';

/** A path option: an empty one (an unset shell variable) would quietly mean the working folder, or read as no file at all. */
export const PathOption = z.string().min(1, 'đường dẫn trống / the path is empty');

const CommonOptions = z.object({
  asOf: z.string().optional(),
  dispatches: PathOption.optional(),
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
  if (!parsed.success) throw invalidOptions(parsed.error);
  const { asOf, dispatches, entity, json } = parsed.data;
  let at: number;
  try {
    at = asOf === undefined ? now() : parseInstant(asOf);
  } catch (err) {
    // parseInstant says which: not ISO 8601, a day or offset that does not exist, or a year past 9999 in Vietnam.
    if (!(err instanceof DondocError) || err.code !== 'INVALID_INSTANT') throw err;
    throw new UsageError(`--as-of: ${err.message} (vd. / e.g. 2023-06-23T11:30:00+07:00)`);
  }
  return { asOf: at, dispatchesDir: dispatches, entity, json: json ?? false };
}
