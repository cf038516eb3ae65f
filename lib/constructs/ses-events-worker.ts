import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantTableWrite } from '../grants/table-access.ts';
import { DondocFunction } from './dondoc-function.ts';
import type { DondocTable } from './dondoc-table.ts';
import { deadLetterQueue } from './secure-queue.ts';
import type { WorkerProps } from './worker-props.ts';

export interface SesEventsWorkerProps extends WorkerProps {
  eventsTopic: ITopic;
  table: DondocTable;
}

/**
 * SES delivery events → the suppression list: a hard bounce or a complaint writes
 * `SUPPRESS#<address>` so the sender never mails that address again. One dead-letter queue
 * catches both an event SNS could not deliver and one the function still failed on after
 * Lambda's asynchronous retries: either way it is a bounce that did not suppress.
 */
export class SesEventsWorker extends Construct {
  readonly fn: DondocFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: SesEventsWorkerProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'Dlq');
    this.fn = new DondocFunction(this, 'Function', {
      handler: 'ses-events',
      description: 'Suppresses addresses that bounced or complained',
      environment: props.environment,
      logRetention: props.logRetention,
      deadLetterQueue: this.deadLetterQueue,
    });
    props.eventsTopic.addSubscription(new LambdaSubscription(this.fn, { deadLetterQueue: this.deadLetterQueue }));
    grantTableWrite(this.fn, props.table, { partitions: ['SUPPRESS#'] });
  }
}
