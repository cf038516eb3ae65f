import { z } from 'zod';

/**
 * The environment every handler receives (lib/constructs/function-environment.ts sets it),
 * parsed once at module load so a misconfigured function fails on its first cold start,
 * not halfway through a batch.
 */
export const HandlerEnv = z.object({
  TABLE_NAME: z.string().min(3),
  BUCKET_NAME: z.string().min(3),
  NOTIFY_QUEUE_URL: z.string().min(1),
  /** the parts of a scheduled run and its finish (the planner and the plan worker) */
  PLAN_QUEUE_URL: z.string().min(1),
  SENDER_ADDRESS: z.email(),
  CONFIGURATION_SET: z.string().min(1),
  DEPARTMENT_CODE: z.string().min(2),
  DASHBOARD_URL: z.url(),
  DONDOC_DISPATCHES_DIR: z.string().min(1).optional(),
  /** when the ingest evaluates an upload (IngestDeps.evaluateAt): AWS leaves it at the processing time */
  DONDOC_INGEST_EVALUATES_AT: z.enum(['processing', 'as_of']).default('processing'),
});
export type HandlerEnv = z.infer<typeof HandlerEnv>;

export function readHandlerEnv(env: NodeJS.ProcessEnv = process.env): HandlerEnv {
  return HandlerEnv.parse(env);
}
