import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { documentClient, sesClient } from '../adapters/aws-clients.ts';
import { DynamoNotificationLog } from '../adapters/dynamodb/dynamo-notification-log.ts';
import { SesMailer } from '../adapters/ses/ses-mailer.ts';
import { decodeMessageBody } from '../adapters/sqs/message-body.ts';
import { OutboundEmail } from '../core/outbox/outbound-email.ts';
import { deliverEmail, type DeliverDeps, type DeliveryOutcome } from '../core/pipeline/deliver-email.ts';
import { readHandlerEnv } from './handler-env.ts';
import { logger, metrics } from './powertools.ts';

/** One queued email. Throwing fails this record only: SQS redelivers it later, then parks it in the DLQ. */
export async function sendRecord(deps: DeliverDeps, record: SQSRecord): Promise<DeliveryOutcome> {
  const email = OutboundEmail.parse(decodeMessageBody(record.body));
  const outcome = await deliverEmail(deps, email);
  /* Addresses identify officials' mailboxes, not the people in the data: they may be logged. */
  logger.info('email processed', { outcome: outcome.outcome, kind: email.kind, stage: email.stage, unit: email.unit, requirement: email.requirement, suppressed: outcome.suppressed });
  metrics.addMetric(`Email_${outcome.outcome}`, MetricUnit.Count, 1);
  return outcome;
}

export function sendBatch(deps: DeliverDeps) {
  const processor = new BatchProcessor(EventType.SQS);
  return (event: SQSEvent, context: Context) => processPartialResponse(event, (record: SQSRecord) => sendRecord(deps, record), processor, { context });
}

let deps: DeliverDeps | undefined;

function productionDeps(): DeliverDeps {
  const env = readHandlerEnv();
  return {
    log: new DynamoNotificationLog(documentClient(), env.TABLE_NAME),
    mailer: new SesMailer(sesClient(), env.SENDER_ADDRESS, env.CONFIGURATION_SET),
  };
}

export const handler = middy((event: SQSEvent, context: Context) => sendBatch((deps ??= productionDeps()))(event, context))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
