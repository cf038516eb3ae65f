import { vnDate } from '../time.ts';
import type { RunDeps } from './run-deps.ts';
import { runParts } from './run-parts.ts';
import type { PlanTask, RunRef } from './plan-task.ts';

export type RunKind = RunRef['kind'];

export interface RunStart {
  run: RunRef;
  parts: number;
  /** false when this fire found the run already started (a duplicated schedule) */
  started: boolean;
}

/**
 * Starts the scheduled run: records it and queues one task per part; the parts evaluate,
 * plan and send, the last one queues the finish. A scheduled run is one per day and kind, so
 * a duplicated fire starts nothing; a fire retried before its parts were all queued queues
 * them again (a part runs idempotently). `replayOf` re-runs an earlier moment as its own run.
 */
export async function startRun(deps: RunDeps, kind: RunKind, replayOf?: number): Promise<RunStart> {
  const asOf = replayOf ?? deps.now();
  const day = vnDate(asOf);
  const replay = replayOf !== undefined;
  const id = replay ? `${day}#${kind}#${new Date(asOf).toISOString()}@${deps.now()}` : `${day}#${kind}`;
  const run: RunRef = { id, kind, day, asOf, replay };
  const parts = await runParts(deps.store, deps.department);
  if (!(await deps.runs.createRun(run, parts.length)) && (await deps.runs.getRun(id))?.partsQueued === true) return { run, parts: parts.length, started: false };
  const tasks: PlanTask[] = parts.length > 0 ? parts.map((part) => ({ task: 'part', run, part })) : [{ task: 'finish', run }];
  await deps.plans.enqueue(tasks);
  await deps.runs.markPartsQueued(id);
  return { run, parts: parts.length, started: true };
}
