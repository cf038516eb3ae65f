/**
 * The environment every dondoc function receives. The handlers validate it with zod under
 * exactly these names, so they are a contract: add, never rename.
 */
export interface DondocEnvironment {
  TABLE_NAME: string;
  BUCKET_NAME: string;
  NOTIFY_QUEUE_URL: string;
  PLAN_QUEUE_URL: string;
  SENDER_ADDRESS: string;
  CONFIGURATION_SET: string;
  DEPARTMENT_CODE: string;
  DASHBOARD_URL: string;
}

/** Where the bundling step puts the catalog inside the function package (see DondocFunction). */
export const DISPATCHES_DIR_IN_PACKAGE = '/var/task/dispatches';

/* Names the Lambda service sets itself; defining one fails the deployment, so refuse it at synth. */
const RESERVED_EXACT = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_XRAY_CONTEXT_MISSING',
  'AWS_XRAY_DAEMON_ADDRESS',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);
const RESERVED_PREFIXES = ['AWS_LAMBDA_'];

export function reservedEnvironmentNames(env: Record<string, string>): string[] {
  return Object.keys(env).filter((name) => RESERVED_EXACT.has(name) || RESERVED_PREFIXES.some((p) => name.startsWith(p)));
}
