import { Stack, Validations } from 'aws-cdk-lib';
import { ManagedPolicy, PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { QUARANTINE_PREFIX, REPORTS_PREFIX, SNAPSHOTS_PREFIX, type SnapshotStore } from '../constructs/snapshot-store.ts';

/* Object-level statements per prefix instead of bucket.grantRead/grantPut, which add
   wildcard actions (s3:GetObject*, s3:List*, s3:Abort*) on the whole bucket.

   The statements live in a customer-managed policy beside the bucket, which the function's
   role attaches. A prefix needs a trailing `*`, so cdk-nag asks for an acknowledgement that
   names the resource exactly; beside the bucket that is a plain GetAtt, whereas in the
   role's own stack it would be a generated cross-stack output no acknowledgement can spell. */

function objects(store: SnapshotStore, prefix: string): string {
  return store.bucket.arnForObjects(`${prefix}*`);
}

function keyUse(store: SnapshotStore, actions: string[]): PolicyStatement {
  return new PolicyStatement({
    actions,
    resources: [store.key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(store.bucket).region}.amazonaws.com` } },
  });
}

function prefixPolicy(store: SnapshotStore, id: string, prefixes: string[], statements: PolicyStatement[]): ManagedPolicy {
  const policy = new ManagedPolicy(store, id, { description: `dondoc snapshot bucket: ${id}`, statements });
  const bucket = `<${Stack.of(store).getLogicalId(store.bucket.node.defaultChild as CfnBucket)}.Arn>`;
  for (const prefix of prefixes) {
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${bucket}/${prefix}*]`,
      reason: `Object permissions are limited to the ${prefix} key prefix; an S3 prefix can only be granted with a trailing wildcard.`,
    });
  }
  return policy;
}

/**
 * The ingest reads an upload, moves a rejected one to quarantine (copy, then delete) and
 * writes a validation report. ListBucket lets a vanished object read as 404 NoSuchKey
 * rather than 403, so the handler can tell "gone" from "forbidden".
 */
export function grantIngestObjects(role: IRole, store: SnapshotStore): void {
  role.addManagedPolicy(
    prefixPolicy(store, 'IngestObjects', [SNAPSHOTS_PREFIX, QUARANTINE_PREFIX, REPORTS_PREFIX], [
      new PolicyStatement({ actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:DeleteObject'], resources: [objects(store, SNAPSHOTS_PREFIX)] }),
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [objects(store, QUARANTINE_PREFIX), objects(store, REPORTS_PREFIX)] }),
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [store.bucket.bucketArn] }),
      keyUse(store, ['kms:Decrypt', 'kms:GenerateDataKey']),
    ]),
  );
}

/** The dashboard API signs presigned uploads into `snapshots/`; the upload runs with its rights. */
export function grantSnapshotUpload(role: IRole, store: SnapshotStore): void {
  role.addManagedPolicy(
    prefixPolicy(store, 'UploadSnapshots', [SNAPSHOTS_PREFIX], [
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [objects(store, SNAPSHOTS_PREFIX)] }),
      keyUse(store, ['kms:GenerateDataKey']),
    ]),
  );
}

/**
 * The dashboard API shows a rejected upload's validation report, which the ingest wrote as
 * JSON under `reports/`; the rejected file itself (under `quarantine/`) holds names and ID
 * numbers and stays out of the API's reach.
 */
export function grantReportRead(role: IRole, store: SnapshotStore): void {
  role.addManagedPolicy(
    prefixPolicy(store, 'ReadReports', [REPORTS_PREFIX], [
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [objects(store, REPORTS_PREFIX)] }),
      keyUse(store, ['kms:Decrypt']),
    ]),
  );
}
