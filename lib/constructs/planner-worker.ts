import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Weekday } from '../config/dondoc-config.ts';
import { dailyCron, weeklyCron } from '../config/schedule-cron.ts';
import { grantTableRead, grantTableWrite } from '../grants/table-access.ts';
import { DondocFunction } from './dondoc-function.ts';
import type { DondocTable } from './dondoc-table.ts';
import { deadLetterQueue, type QueueWithDlq } from './secure-queue.ts';
import type { WorkerProps } from './worker-props.ts';

export interface PlannerWorkerProps extends WorkerProps {
  notifyQueue: IQueue;
  /** the parts of each run and its finish, consumed by the plan worker */
  planQueue: QueueWithDlq;
  table: DondocTable;
  dailyRunTime: string;
  digestWeekday: Weekday;
  digestRunTime: string;
}

/**
 * The daily run (reminders, escalations, statuses that changed because a deadline passed)
 * and the weekly digest, both on Vietnam wall time, fanned out through the plan queue: the
 * scheduled planner records the run and queues one message per part (a district office with
 * its schools, or a chunk of the department's own units); the plan worker evaluates and plans
 * one part per invocation, and the last part queues the finish (the department's emails,
 * rollups). A start that still fails after the scheduler's retries lands in a dead-letter
 * queue instead of vanishing; a part that keeps failing is parked in the plan queue's DLQ.
 */
export class PlannerWorker extends Construct {
  readonly fn: DondocFunction;
  /** the plan queue's consumer: one part (or the finish) per invocation */
  readonly worker: DondocFunction;
  readonly deadLetterQueue: Queue;
  readonly daily: Schedule;
  readonly digest: Schedule;
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: PlannerWorkerProps) {
    super(scope, id);
    this.fn = new DondocFunction(this, 'Function', {
      handler: 'planner',
      description: 'Daily run and weekly digest: re-evaluates deadlines and queues one message per email',
      environment: props.environment,
      logRetention: props.logRetention,
    });
    /* The start lists the department's children (GSI1) and records the run. */
    grantTableRead(this.fn, props.table);
    grantTableWrite(this.fn, props.table, { partitions: ['RUN#'] });
    props.planQueue.queue.grantSendMessages(this.fn);

    this.worker = new DondocFunction(this, 'PartFunction', {
      handler: 'plan-worker',
      description: 'One part of the daily run (an office with its schools) or its finish: evaluates, plans, queues emails',
      environment: props.environment,
      logRetention: props.logRetention,
    });
    /* One part per invocation, so memory holds one office's units; a few at once keep DynamoDB busy without throttling it. */
    this.worker.addEventSource(new SqsEventSource(props.planQueue.queue, { batchSize: 1, maxConcurrency: 10, reportBatchItemFailures: true }));
    grantTableRead(this.worker, props.table);
    /* Statuses and findings (UNIT#), rollups and the latest-run marker (ROLLUP#, RUN), the run and its parts (RUN#). */
    grantTableWrite(this.worker, props.table, { partitions: ['UNIT#', 'ROLLUP#', 'RUN'] });
    props.notifyQueue.grantSendMessages(this.worker);
    props.planQueue.queue.grantSendMessages(this.worker);

    this.deadLetterQueue = deadLetterQueue(this, 'ScheduleDlq');
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself a dead-letter queue, the schedules' DeadLetterConfig, which cdk-nag does not count as a DLQ use.",
    });
    /* A role of our own instead of the stack-level one LambdaInvoke would create, so the
       acknowledgement below sits on exactly this role; only this account's default schedule
       group may assume it (confused-deputy guard). */
    const stack = Stack.of(this);
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
      description: 'dondoc schedules: invoke the planner',
    });
    const fnLogicalId = stack.getLogicalId(this.fn.node.defaultChild as CfnFunction);
    Validations.of(this.schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
      reason: "LambdaInvoke's grant covers the planner's versions and aliases (`:*`); the role can invoke this one function and nothing else.",
    });
    this.daily = this.schedule('Daily', dailyCron(props.dailyRunTime), 'daily', 'dondoc daily run: reminders and escalations');
    this.digest = this.schedule('Digest', weeklyCron(props.digestRunTime, props.digestWeekday), 'digest', 'dondoc weekly digest');
  }

  private schedule(id: string, cron: string, run: 'daily' | 'digest', description: string): Schedule {
    return new Schedule(this, id, {
      description,
      schedule: ScheduleExpression.expression(cron, TimeZone.ASIA_HO_CHI_MINH),
      target: new LambdaInvoke(this.fn, {
        role: this.schedulerRole,
        input: ScheduleTargetInput.fromObject({ run }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });
  }
}
