import { documentClient, sqsClient } from '../adapters/aws-clients.ts';
import { DynamoNotificationLog } from '../adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoRunStore } from '../adapters/dynamodb/dynamo-run-store.ts';
import { DynamoStateStore } from '../adapters/dynamodb/dynamo-state-store.ts';
import { SqsOutbox } from '../adapters/sqs/sqs-outbox.ts';
import { SqsPlanQueue } from '../adapters/sqs/sqs-plan-queue.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import type { RunDeps } from '../core/pipeline/run-deps.ts';
import { readHandlerEnv } from './handler-env.ts';

/** The planner's and the plan worker's adapters, made once per container. */
export async function productionRunDeps(): Promise<RunDeps> {
  const env = readHandlerEnv();
  return {
    store: new DynamoStateStore(documentClient(), env.TABLE_NAME),
    runs: new DynamoRunStore(documentClient(), env.TABLE_NAME),
    log: new DynamoNotificationLog(documentClient(), env.TABLE_NAME),
    outbox: new SqsOutbox(sqsClient(), env.NOTIFY_QUEUE_URL),
    plans: new SqsPlanQueue(sqsClient(), env.PLAN_QUEUE_URL),
    catalog: await loadCatalog(env.DONDOC_DISPATCHES_DIR),
    department: env.DEPARTMENT_CODE,
    dashboardUrl: env.DASHBOARD_URL,
    now: Date.now,
  };
}
