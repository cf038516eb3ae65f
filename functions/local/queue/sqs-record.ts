import { createHash, randomUUID } from 'node:crypto';
import type { SQSRecord } from 'aws-lambda';

/* The account every local ARN and queue URL names, as LocalStack and ElasticMQ do. */
export const LOCAL_ACCOUNT = '000000000000';

/* What Lambda shows as SenderId for a message sent with IAM user credentials; nothing reads it. */
const LOCAL_SENDER_ID = 'AIDALOCALDONDOC000000';

/** One message as the queue keeps it between receives. */
export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
}

export interface QueueIdentity {
  readonly name: string;
  readonly region: string;
}

/** The hex MD5 of the UTF-8 body: SQS returns it on send and the SDK checks it. */
export function md5OfBody(body: string): string {
  return createHash('md5').update(body, 'utf8').digest('hex');
}

export function queueArn(queue: QueueIdentity): string {
  return `arn:aws:sqs:${queue.region}:${LOCAL_ACCOUNT}:${queue.name}`;
}

/** The record Lambda's event source mapping hands the consumer for one receive of `message`. */
export function toSqsRecord(queue: QueueIdentity, message: StoredMessage): SQSRecord {
  return {
    messageId: message.messageId,
    /* SQS issues a fresh receipt handle on every receive. */
    receiptHandle: Buffer.from(`${message.messageId}:${message.receiveCount}:${randomUUID()}`).toString('base64'),
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: LOCAL_SENDER_ID,
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
    },
    messageAttributes: {},
    md5OfBody: md5OfBody(message.body),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn(queue),
    awsRegion: queue.region,
  };
}
