import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { grantTableRead, grantTableWrite } from '../grants/table-access.ts';
import { DondocFunction } from './dondoc-function.ts';
import type { DondocTable } from './dondoc-table.ts';
import type { OutboundMail } from './outbound-mail.ts';
import type { QueueWithDlq } from './secure-queue.ts';
import type { WorkerProps } from './worker-props.ts';

export interface SenderWorkerProps extends WorkerProps {
  notifyQueue: QueueWithDlq;
  table: DondocTable;
  mail: OutboundMail;
}

/**
 * One queued message → one email. Each send is claimed on the notification log first
 * (NOTIFY#, released again if SES refuses), and a suppressed address (SUPPRESS#) is skipped.
 * Two concurrent batches of ten stay well under SES's default sending rate, so a large daily
 * run drains steadily instead of being throttled into the dead-letter queue.
 */
export class SenderWorker extends Construct {
  readonly fn: DondocFunction;

  constructor(scope: Construct, id: string, props: SenderWorkerProps) {
    super(scope, id);
    this.fn = new DondocFunction(this, 'Function', {
      handler: 'sender',
      description: 'Sends one queued notification email, at most once per recipient and stage',
      environment: props.environment,
      logRetention: props.logRetention,
    });
    this.fn.addEventSource(
      new SqsEventSource(props.notifyQueue.queue, { batchSize: 10, maxConcurrency: 2, reportBatchItemFailures: true }),
    );
    grantTableRead(this.fn, props.table, { partitions: ['NOTIFY#', 'SUPPRESS#'] });
    grantTableWrite(this.fn, props.table, { partitions: ['NOTIFY#'], delete: true });

    /* With a domain identity the identity alone would allow any address of the domain; the
       condition keeps the From line to the one configured sender. */
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [props.mail.identity.emailIdentityArn, props.mail.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': props.environment.SENDER_ADDRESS } },
      }),
    );
  }
}
