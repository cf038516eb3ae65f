import type { SQSClient } from '@aws-sdk/client-sqs';
import type { PlanTask } from '../../core/pipeline/plan-task.ts';
import type { PlanQueue } from '../../core/ports/plan-queue.ts';
import { sendBatches } from './sqs-send-batches.ts';

/** The plan queue: one SQS message per part of a run, and one for its finish. */
export class SqsPlanQueue implements PlanQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(tasks: readonly PlanTask[]): Promise<void> {
    await sendBatches(this.sqs, this.queueUrl, tasks.map((task) => JSON.stringify(task)));
  }
}
