import { Stack } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface OutboundMailProps {
  senderAddress: string;
  /** Verify the whole domain (DKIM) instead of the single address. */
  senderDomain?: string;
  topicKey: IKey;
}

/**
 * How dondoc sends email: a verified identity, a configuration set every message names, and
 * the set's delivery events (bounce, complaint, reject, delivery) on an encrypted topic for
 * the ses-events function.
 */
export class OutboundMail extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly eventsTopic: Topic;

  constructor(scope: Construct, id: string, props: OutboundMailProps) {
    super(scope, id);
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.senderDomain === undefined ? Identity.email(props.senderAddress) : Identity.domain(props.senderDomain),
    });
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.eventsTopic = new Topic(this, 'Events', { masterKey: props.topicKey, enforceSSL: true });
    this.configurationSet.addEventDestination('ToTopic', {
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT, EmailSendingEvent.DELIVERY],
    });
  }

  /** The configuration set's ARN (the L2 exposes only its name); SendEmail is authorised against it. */
  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }
}
