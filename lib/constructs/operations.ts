import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OperationsProps {
  topicKey: IKey;
  adminEmails: readonly string[];
}

/* SES puts an account under review at a 5 % bounce rate or a 0.1 % complaint rate and pauses
   sending at about twice that; alarming at review level leaves time to act. */
const MAX_BOUNCE_RATE = 0.05;
const MAX_COMPLAINT_RATE = 0.001;

/**
 * What wakes an operator: a message parked in any dead-letter queue, a function error, or a
 * sender reputation drifting towards an SES review. Every alarm notifies the operators'
 * topic, to which the configured admin addresses are subscribed.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'dondoc operations', masterKey: props.topicKey, enforceSSL: true });
    for (const address of props.adminEmails) this.topic.addSubscription(new EmailSubscription(address));
    this.action = new SnsAction(this.topic);

    this.alarm('SesBounceRate', sesReputation('Reputation.BounceRate'), MAX_BOUNCE_RATE, 'SES bounce rate is at the level where SES reviews the account');
    this.alarm('SesComplaintRate', sesReputation('Reputation.ComplaintRate'), MAX_COMPLAINT_RATE, 'SES complaint rate is at the level where SES reviews the account');
  }

  /** Any message in the queue means work that was given up on. */
  watchDeadLetterQueue(id: string, queue: IQueue): void {
    const visible = queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' });
    this.alarm(`${id}DeadLetters`, visible, 0, `messages are waiting in the dead-letter queue ${id}`);
  }

  /** Handlers throw only on what they cannot recover from, so a single error is worth a look. */
  watchFunction(id: string, fn: IFunction): void {
    this.alarm(`${id}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), 0, `the ${id} function failed`);
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: `dondoc: ${description}`,
      metric,
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}

/* Account-wide: the rates SES itself acts on, not one configuration set's share of them. */
function sesReputation(metricName: string): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
}
