import { finishRun } from '../../../functions/core/pipeline/finish-run.ts';
import type { PlanTask } from '../../../functions/core/pipeline/plan-task.ts';
import type { RunDeps } from '../../../functions/core/pipeline/run-deps.ts';
import { runPart } from '../../../functions/core/pipeline/run-part.ts';
import type { PlanQueue } from '../../../functions/core/ports/plan-queue.ts';

/** The plan queue as a list: tests take tasks off it in order, or deliver one twice. */
export class MemoryPlanQueue implements PlanQueue {
  readonly tasks: PlanTask[] = [];

  async enqueue(tasks: readonly PlanTask[]): Promise<void> {
    this.tasks.push(...tasks);
  }
}

/** Runs one task as the plan worker would. */
export async function runTask(deps: RunDeps, task: PlanTask): Promise<void> {
  if (task.task === 'part') await runPart(deps, task.run, task.part);
  else await finishRun(deps, task.run);
}

/** Works the queue until it is empty: every part, then the finish the last one queued. */
export async function drain(deps: RunDeps, queue: MemoryPlanQueue): Promise<void> {
  for (let task = queue.tasks.shift(); task !== undefined; task = queue.tasks.shift()) await runTask(deps, task);
}
