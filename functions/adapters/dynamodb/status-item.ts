import { applies } from '../../core/evaluation/applies.ts';
import { z } from 'zod';
import { STATUSES, type UnitRequirementResult } from '../../core/evaluation/types.ts';
import type { StatusChange, StoredStatus } from '../../core/ports/state-store.ts';
import { historyKey, statusIndexes, statusKey } from './keys.ts';
import { parseItem } from './parse-item.ts';
import { plainData } from './plain-data.ts';
import type { StatusLineage, Transition } from './status-transition.ts';

/**
 * A status item keeps at most this many failing codes; `failing` stays the true count. The
 * complete lists live on the summaries.
 */
export const STATUS_CODES_CAP = 1_000;

const Status = z.enum(STATUSES);

const StoredStatusSchema = z.object({
  unit: z.string().min(1),
  requirement: z.string().min(1),
  dispatch: z.string(),
  status: Status,
  deadline: z.number().optional(),
  total: z.number(),
  failing: z.number(),
  rate: z.number(),
  warning: z.number().optional(),
  failingCodes: z.array(z.string()),
  compliantSince: z.number().optional(),
  evaluatedAt: z.number(),
}) satisfies z.ZodType<StoredStatus>;

const StatusItemSchema = StoredStatusSchema.extend({ since: z.number(), previous: Status.optional() });

export type StatusItem = StoredStatus & StatusLineage;

/**
 * True when writing `result` would store what is already there:
 * the daily run re-evaluates every unit, and most statuses do not change from one day to the
 * next, so such writes are skipped rather than paid for.
 */
export function unchanged(stored: StatusItem, result: UnitRequirementResult): boolean {
  const codes = result.failingCodes.slice(0, STATUS_CODES_CAP);
  return (
    stored.status === result.status &&
    stored.deadline === result.deadline &&
    stored.total === result.total &&
    stored.failing === result.failing &&
    stored.rate === result.rate &&
    stored.warning === result.warning &&
    stored.compliantSince === result.compliantSince &&
    stored.failingCodes.length === codes.length &&
    stored.failingCodes.every((code, i) => code === codes[i])
  );
}

export function toStatusItem(
  result: UnitRequirementResult,
  evaluatedAt: number,
  lineage: Transition,
): Record<string, unknown> {
  const stored = StoredStatusSchema.parse({ ...result, failingCodes: result.failingCodes.slice(0, STATUS_CODES_CAP), evaluatedAt });
  return {
    ...statusKey(stored.unit, stored.requirement),
    /* A retired status is no unit "in" any status: GSI2 lists and counts only statuses that apply. */
    ...(applies(stored) ? statusIndexes(stored.unit, stored.requirement, stored.status) : {}),
    ...plainData(stored),
    since: lineage.since,
    ...(lineage.previous === undefined ? {} : { previous: lineage.previous }),
  };
}

export function fromStatusItem(item: unknown): StatusItem {
  return parseItem(StatusItemSchema, item, 'status');
}

/** The port's view: the lineage stays an implementation detail of change detection. */
export function storedStatusOf(item: unknown): StoredStatus {
  return parseItem(StoredStatusSchema, item, 'status');
}

export function toHistoryItem(change: StatusChange): Record<string, unknown> {
  return { ...historyKey(change.unit, change.requirement, change.at), ...plainData(change) };
}

const StatusChangeSchema = z.object({
  unit: z.string().min(1),
  requirement: z.string().min(1),
  from: Status.optional(),
  to: Status,
  at: z.number(),
}) satisfies z.ZodType<StatusChange>;

export function fromHistoryItem(item: unknown): StatusChange {
  return parseItem(StatusChangeSchema, item, 'status history');
}
