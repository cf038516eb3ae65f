import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import { documentClient, sqsClient } from '../adapters/aws-clients.ts';
import { DynamoNotificationLog } from '../adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoStateStore } from '../adapters/dynamodb/dynamo-state-store.ts';
import { SqsOutbox } from '../adapters/sqs/sqs-outbox.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import { dailyRun, type DailyRunDeps, type DailyRunSummary } from '../core/pipeline/daily-run.ts';
import { parseInstant } from '../core/time.ts';
import { readHandlerEnv } from './handler-env.ts';
import { logger, metrics } from './powertools.ts';

/**
 * What EventBridge Scheduler sends (lib/constructs/planner-worker.ts). `asOf` replays the run
 * of another moment: an operator re-running a missed day, or the local stack's time travel.
 */
export const ScheduledRun = z.object({ run: z.enum(['daily', 'digest']), asOf: z.string().optional() });

export async function plan(deps: DailyRunDeps, event: unknown): Promise<Omit<DailyRunSummary, 'changes' | 'findings'> & { changes: number; findings: number }> {
  const { run, asOf } = ScheduledRun.parse(event);
  const summary = await dailyRun(asOf === undefined ? deps : { ...deps, now: () => parseInstant(asOf), replay: true }, run);
  /* Findings name units and the kind of gap (a missing address), never a person. */
  for (const finding of summary.findings) logger.warn('data-quality finding', { finding });
  metrics.addMetric('Emails_planned', MetricUnit.Count, summary.emails);
  metrics.addMetric('Status_changes', MetricUnit.Count, summary.changes.length);
  metrics.addMetric('Findings', MetricUnit.Count, summary.findings.length);
  const reported = { ...summary, changes: summary.changes.length, findings: summary.findings.length };
  logger.info('run planned', { run, ...reported });
  return reported;
}

let deps: Promise<DailyRunDeps> | undefined;

async function productionDeps(): Promise<DailyRunDeps> {
  const env = readHandlerEnv();
  return {
    store: new DynamoStateStore(documentClient(), env.TABLE_NAME),
    log: new DynamoNotificationLog(documentClient(), env.TABLE_NAME),
    outbox: new SqsOutbox(sqsClient(), env.NOTIFY_QUEUE_URL),
    catalog: await loadCatalog(env.DONDOC_DISPATCHES_DIR),
    department: env.DEPARTMENT_CODE,
    dashboardUrl: env.DASHBOARD_URL,
    now: Date.now,
  };
}

export const handler = middy(async (event: unknown) => plan(await (deps ??= productionDeps()), event))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
