import type { SQSClient } from '@aws-sdk/client-sqs';
import type { OutboundEmail } from '../../core/outbox/outbound-email.ts';
import type { Outbox } from '../../core/ports/outbox.ts';
import { encodeMessageBody } from './message-body.ts';
import { sendBatches } from './sqs-send-batches.ts';

/** The notification queue: one SQS message per email (compressed when large), sent ten at a time; failed entries are resent. */
export class SqsOutbox implements Outbox {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(emails: readonly OutboundEmail[]): Promise<void> {
    await sendBatches(this.sqs, this.queueUrl, emails.map(encodeMessageBody));
  }
}
