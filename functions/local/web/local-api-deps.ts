import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoNotificationLog } from '../../adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoStateStore } from '../../adapters/dynamodb/dynamo-state-store.ts';
import { S3SnapshotObjects } from '../../adapters/s3/s3-snapshot-objects.ts';
import { S3UploadSigner } from '../../adapters/s3/s3-upload-signer.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import type { ApiDeps } from '../../handlers/api/api-deps.ts';
import { LOCAL_NAMES } from '../stack/local-names.ts';
import type { LocalStack } from '../stack/local-stack.ts';

/**
 * The api function's dependencies as productionDeps builds them on AWS, over the local
 * stack's clients: the presigned POSTs it signs point at s3rver, where the browser sends the file.
 */
export function localApiDeps(stack: LocalStack, catalog: Catalog): ApiDeps {
  const documents = DynamoDBDocumentClient.from(stack.dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  return {
    store: new DynamoStateStore(documents, LOCAL_NAMES.table),
    log: new DynamoNotificationLog(documents, LOCAL_NAMES.table),
    uploads: new S3UploadSigner(stack.s3, LOCAL_NAMES.bucket),
    objects: new S3SnapshotObjects(stack.s3, LOCAL_NAMES.bucket),
    catalog,
    now: Date.now,
  };
}
