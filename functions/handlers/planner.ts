import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import type { RunDeps } from '../core/pipeline/run-deps.ts';
import { startRun, type RunStart } from '../core/pipeline/start-run.ts';
import { parseInstant } from '../core/time.ts';
import { logger, metrics } from './powertools.ts';
import { productionRunDeps } from './run-deps.ts';

/**
 * What EventBridge Scheduler sends (lib/constructs/planner-worker.ts). `asOf` replays the run
 * of another moment: an operator re-running a missed day, or the local stack's time travel.
 */
export const ScheduledRun = z.object({ run: z.enum(['daily', 'digest']), asOf: z.string().optional() });

/** Starts the run: its parts go to the plan queue, where the plan worker evaluates, plans and finishes them. */
export async function plan(deps: RunDeps, event: unknown): Promise<RunStart> {
  const { run, asOf } = ScheduledRun.parse(event);
  const start = await startRun(deps, run, asOf === undefined ? undefined : parseInstant(asOf));
  metrics.addMetric('Run_parts', MetricUnit.Count, start.started ? start.parts : 0);
  logger.info(start.started ? 'run started' : 'run already started', { run: start.run, parts: start.parts });
  return start;
}

let deps: Promise<RunDeps> | undefined;

export const handler = middy(async (event: unknown) => plan(await (deps ??= productionRunDeps()), event))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
