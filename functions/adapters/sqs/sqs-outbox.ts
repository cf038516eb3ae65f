import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { OutboundEmail } from '../../core/outbox/outbound-email.ts';
import type { Outbox } from '../../core/ports/outbox.ts';
import { AdapterError } from '../adapter-error.ts';

/* SendMessageBatch takes at most ten entries. */
const BATCH = 10;
const ATTEMPTS = 3;

/** The notification queue: one SQS message per email, sent ten at a time; failed entries are resent. */
export class SqsOutbox implements Outbox {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(emails: readonly OutboundEmail[]): Promise<void> {
    for (let start = 0; start < emails.length; start += BATCH) {
      await this.sendBatch(emails.slice(start, start + BATCH));
    }
  }

  private async sendBatch(batch: readonly OutboundEmail[]): Promise<void> {
    let pending = batch.map((email, i) => ({ Id: String(i), MessageBody: JSON.stringify(email) }));
    for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
      const { Failed = [] } = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
      const permanent = Failed.filter((f) => f.SenderFault === true);
      if (permanent.length > 0) {
        throw new AdapterError('REJECTED', `SQS refused ${permanent.length} message(s): ${permanent.map((f) => f.Code).join(', ')}`);
      }
      const failedIds = new Set(Failed.map((f) => f.Id));
      pending = pending.filter((entry) => failedIds.has(entry.Id));
    }
    if (pending.length > 0) throw new AdapterError('UNPROCESSED', `SQS kept failing ${pending.length} message(s) after ${ATTEMPTS} attempts`);
  }
}
