import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { finishRun } from '../core/pipeline/finish-run.ts';
import { PlanTask } from '../core/pipeline/plan-task.ts';
import type { RunDeps } from '../core/pipeline/run-deps.ts';
import { runPart } from '../core/pipeline/run-part.ts';
import { logger, metrics } from './powertools.ts';
import { productionRunDeps } from './run-deps.ts';

/** One task of a scheduled run: a part, or the finish. Throwing fails this record only, for SQS to redeliver or park. */
export async function planRecord(deps: RunDeps, record: SQSRecord): Promise<void> {
  const task = PlanTask.parse(JSON.parse(record.body) as unknown);
  if (task.task === 'part') {
    const { result, findings, stored, finishQueued } = await runPart(deps, task.run, task.part);
    /* Findings name units and the kind of gap (a missing address), never a person. */
    for (const finding of findings) logger.warn('data-quality finding', { finding });
    logger.info('part planned', { run: task.run.id, part: result.part, units: result.units, changes: result.changes, emails: result.emails, findings: result.findings, stored, finishQueued });
    metrics.addMetric('Emails_planned', MetricUnit.Count, result.emails);
    metrics.addMetric('Status_changes', MetricUnit.Count, result.changes);
    return;
  }
  const summary = await finishRun(deps, task.run);
  if (summary === undefined) {
    logger.info('run already finished', { run: task.run.id });
    return;
  }
  for (const finding of summary.finish.findings) logger.warn('data-quality finding', { finding });
  const { finish, ...reported } = summary;
  logger.info('run finished', { run: task.run.id, ...reported });
  metrics.addMetric('Emails_planned', MetricUnit.Count, finish.emails);
  metrics.addMetric('Findings', MetricUnit.Count, summary.findings);
}

export function planBatch(deps: RunDeps) {
  const processor = new BatchProcessor(EventType.SQS);
  return (event: SQSEvent, context: Context) => processPartialResponse(event, (record: SQSRecord) => planRecord(deps, record), processor, { context });
}

let deps: Promise<RunDeps> | undefined;

export const handler = middy(async (event: SQSEvent, context: Context) => planBatch(await (deps ??= productionRunDeps()))(event, context))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
