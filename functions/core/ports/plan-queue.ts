import type { PlanTask } from '../pipeline/plan-task.ts';

/** Where the parts of a daily run and its finish wait for a worker: SQS on AWS, the in-process queue locally. */
export interface PlanQueue {
  enqueue(tasks: readonly PlanTask[]): Promise<void>;
}
