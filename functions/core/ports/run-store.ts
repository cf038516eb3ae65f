import type { PartResult } from '../pipeline/part-result.ts';
import type { RunRef } from '../pipeline/plan-task.ts';

/** Where a fanned-out run stands. */
export interface RunState {
  parts: number;
  /** parts whose result is stored and counted */
  done: number;
  /** every part was queued (a start retried before that queues them again) */
  partsQueued: boolean;
  finished: boolean;
}

/**
 * The record of each scheduled run and its parts' results (DynamoDB: the `RUN#<id>` partition).
 * Every write is conditional, so a duplicated fire, a redelivered part or a second finish
 * changes nothing twice.
 */
export interface RunStore {
  /** records the run with its number of parts; false when it was already recorded */
  createRun(run: RunRef, parts: number): Promise<boolean>;
  getRun(id: string): Promise<RunState | undefined>;
  markPartsQueued(id: string): Promise<void>;
  /** stores a part's result once; false when it was already stored */
  putPartResult(id: string, result: PartResult): Promise<boolean>;
  /** counts the part as done once however often it is asked; the run's state after */
  completePart(id: string, part: string): Promise<RunState>;
  /** every stored part result of the run, read page by page */
  partResults(id: string): AsyncIterable<PartResult>;
  /** true for the first caller only */
  markFinished(id: string): Promise<boolean>;
}
