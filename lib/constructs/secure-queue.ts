import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/* SQS-managed encryption rather than a customer key: S3, EventBridge Scheduler and Lambda
   can all write to it without key-policy plumbing, and message bodies carry object keys and
   unit codes, never personal data. */
function secureQueue(scope: Construct, id: string, props: QueueProps): Queue {
  return new Queue(scope, id, { ...props, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
}

/** A queue that is itself a dead-letter queue: kept two weeks, long enough to investigate and redrive. */
export function deadLetterQueue(scope: Construct, id: string): Queue {
  return secureQueue(scope, id, { retentionPeriod: Duration.days(14) });
}

export interface QueueWithDlqProps {
  /** At least six times the consumer's timeout, as Lambda's SQS integration recommends. */
  visibilityTimeout: Duration;
  maxReceiveCount?: number;
}

/** A work queue and its dead-letter queue: a message that fails `maxReceiveCount` times is parked, not retried forever. */
export class QueueWithDlq extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: QueueWithDlqProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'Dlq');
    this.queue = secureQueue(this, 'Queue', {
      visibilityTimeout: props.visibilityTimeout,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
  }
}
