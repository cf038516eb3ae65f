import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { documentClient, s3Client } from '../adapters/aws-clients.ts';
import { DynamoNotificationLog } from '../adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoStateStore } from '../adapters/dynamodb/dynamo-state-store.ts';
import { S3SnapshotObjects } from '../adapters/s3/s3-snapshot-objects.ts';
import { S3UploadSigner } from '../adapters/s3/s3-upload-signer.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import type { ApiDeps } from './api/api-deps.ts';
import { apiRequest } from './api/api-request.ts';
import { callerScope } from './api/caller-scope.ts';
import { errorResponse, statusOf, success } from './api/http-response.ts';
import { matchRoute } from './api/routes.ts';
import { readHandlerEnv } from './handler-env.ts';
import { logger } from './powertools.ts';

/**
 * The dashboard API. Every route runs behind the caller's scope, read from the token's
 * claims; the gateway's authorizer has already checked the token itself.
 */
export async function handleApiRequest(deps: ApiDeps, event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    const request = apiRequest(event);
    const scope = callerScope(request.claims);
    const { run, params } = matchRoute(request.method, request.path);
    return success(await run({ deps, scope, params, query: request.query, body: request.body }));
  } catch (error) {
    logFailure(event, error);
    return errorResponse(error);
  }
}

/* The stack trace goes to the log, never to the response; refused identities and scopes are warnings so that probing shows up. */
function logFailure(event: APIGatewayProxyEventV2WithJWTAuthorizer, error: unknown): void {
  const status = statusOf(error);
  const request = { routeKey: event.routeKey, path: event.rawPath, status };
  if (status >= 500) logger.error('request failed', { ...request, error: error as Error });
  else if (status === 401 || status === 403) logger.warn('request refused', { ...request, reason: (error as Error).message });
  else logger.info('bad request', { ...request, reason: (error as Error).message });
}

let deps: Promise<ApiDeps> | undefined;

async function productionDeps(): Promise<ApiDeps> {
  const env = readHandlerEnv();
  return {
    store: new DynamoStateStore(documentClient(), env.TABLE_NAME),
    log: new DynamoNotificationLog(documentClient(), env.TABLE_NAME),
    uploads: new S3UploadSigner(s3Client(), env.BUCKET_NAME),
    objects: new S3SnapshotObjects(s3Client(), env.BUCKET_NAME),
    catalog: await loadCatalog(env.DONDOC_DISPATCHES_DIR),
    now: Date.now,
  };
}

export const handler = middy(async (event: APIGatewayProxyEventV2WithJWTAuthorizer) => handleApiRequest(await (deps ??= productionDeps()), event)).use(
  injectLambdaContext(logger),
);
