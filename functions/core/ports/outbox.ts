import type { OutboundEmail } from '../outbox/outbound-email.ts';

/** Where planned emails wait for the sender: SQS on AWS, the in-process queue locally. */
export interface Outbox {
  enqueue(emails: readonly OutboundEmail[]): Promise<void>;
}
