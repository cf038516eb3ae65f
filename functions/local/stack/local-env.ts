import { S3RVER_CREDENTIALS } from '../services/local-s3.ts';
import { LOCAL_NAMES } from './local-names.ts';

export interface LocalEndpoints {
  dynamodb: string;
  s3: string;
  ses: string;
  sqs: string;
  dashboard: string;
}

/**
 * The environment the Lambda handlers read, pointed at the local services. The handlers run
 * unchanged: the same zod-validated variables as DondocFunction sets on AWS, plus endpoints.
 * s3rver accepts only its own key pair; dynalite and the SES mock accept any.
 */
export function localHandlerEnv(endpoints: LocalEndpoints, department: string, logLevel: string): Record<string, string> {
  return {
    AWS_REGION: LOCAL_NAMES.region,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    DONDOC_DYNAMODB_ENDPOINT: endpoints.dynamodb,
    DONDOC_S3_ENDPOINT: endpoints.s3,
    DONDOC_SES_ENDPOINT: endpoints.ses,
    DONDOC_SQS_ENDPOINT: endpoints.sqs,
    TABLE_NAME: LOCAL_NAMES.table,
    BUCKET_NAME: LOCAL_NAMES.bucket,
    NOTIFY_QUEUE_URL: `${endpoints.sqs}/000000000000/${LOCAL_NAMES.notifyQueue}`,
    PLAN_QUEUE_URL: `${endpoints.sqs}/000000000000/${LOCAL_NAMES.planQueue}`,
    SENDER_ADDRESS: LOCAL_NAMES.sender,
    CONFIGURATION_SET: LOCAL_NAMES.configurationSet,
    DEPARTMENT_CODE: department,
    DASHBOARD_URL: endpoints.dashboard,
    /* Uploads here carry the played clock's instant (the demo's 2023, `--as-of`): judged as of then. */
    DONDOC_INGEST_EVALUATES_AT: 'as_of',
    POWERTOOLS_SERVICE_NAME: 'dondoc-local',
    POWERTOOLS_METRICS_NAMESPACE: 'Dondoc',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: logLevel,
  };
}
