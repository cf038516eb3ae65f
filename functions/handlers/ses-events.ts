import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { documentClient } from '../adapters/aws-clients.ts';
import { DynamoNotificationLog } from '../adapters/dynamodb/dynamo-notification-log.ts';
import { suppressionsFor, type Suppression } from '../core/feedback/mail-feedback.ts';
import type { NotificationLog } from '../core/ports/notification-log.ts';
import { sesNotifications } from './events/ses-event.ts';
import { readHandlerEnv } from './handler-env.ts';
import { logger, metrics } from './powertools.ts';

export interface SesEventsDeps {
  log: NotificationLog;
}

/**
 * Suppresses the addresses SES reports as hard-bounced or complaining. Suppressing twice
 * writes the same item, so a retried invocation is harmless; any failure throws, and Lambda's
 * asynchronous retries (then the dead-letter queue) take over.
 */
export async function handleSesEvents(deps: SesEventsDeps, event: SNSEvent): Promise<Suppression[]> {
  const suppressed: Suppression[] = [];
  for (const { messageId, feedback } of sesNotifications(event)) {
    const suppressions = suppressionsFor(feedback);
    for (const { address, reason } of suppressions) await deps.log.suppress(address, reason);
    suppressed.push(...suppressions);
    /* Addresses identify officials' mailboxes, not the people in the data: they may be logged. */
    logger.info('ses event processed', { messageId, feedback, suppressed: suppressions });
    metrics.addMetric(`SesEvent_${feedback.kind}`, MetricUnit.Count, 1);
    if (suppressions.length > 0) metrics.addMetric('AddressSuppressed', MetricUnit.Count, suppressions.length);
  }
  return suppressed;
}

let deps: SesEventsDeps | undefined;

function productionDeps(): SesEventsDeps {
  return { log: new DynamoNotificationLog(documentClient(), readHandlerEnv().TABLE_NAME) };
}

export const handler = middy((event: SNSEvent) => handleSesEvents((deps ??= productionDeps()), event))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
