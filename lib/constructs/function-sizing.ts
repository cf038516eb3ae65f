import { Duration } from 'aws-cdk-lib';
import type { HandlerName } from './dondoc-function.ts';

export interface FunctionSizing {
  timeout: Duration;
  memorySize: number;
}

/* The ingest parses workbooks of a whole province in memory; the sender and the SES event
   handler do one small call per record; the API answers behind API Gateway's 30 s limit. */
export const FUNCTION_SIZING: Record<HandlerName, FunctionSizing> = {
  ingest: { timeout: Duration.minutes(5), memorySize: 1536 },
  /* The planner only lists the department's children; each part is one office with its schools. */
  planner: { timeout: Duration.minutes(1), memorySize: 256 },
  'plan-worker': { timeout: Duration.minutes(3), memorySize: 1024 },
  sender: { timeout: Duration.seconds(30), memorySize: 256 },
  'ses-events': { timeout: Duration.seconds(30), memorySize: 256 },
  api: { timeout: Duration.seconds(10), memorySize: 512 },
};

/** Lambda's SQS integration wants the queue's visibility timeout at least six times the consumer's. */
export function visibilityTimeoutFor(handler: HandlerName): Duration {
  return Duration.seconds(FUNCTION_SIZING[handler].timeout.toSeconds() * 6);
}
