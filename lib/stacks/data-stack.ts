import { Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import type { DondocConfig } from '../config/dondoc-config.ts';
import { DashboardUsers } from '../constructs/dashboard-users.ts';
import { DondocTable } from '../constructs/dondoc-table.ts';
import { visibilityTimeoutFor } from '../constructs/function-sizing.ts';
import { QueueWithDlq } from '../constructs/secure-queue.ts';
import { SNAPSHOTS_PREFIX, SnapshotStore } from '../constructs/snapshot-store.ts';

export interface DataStackProps extends StackProps {
  config: DondocConfig;
}

/* The id CDK gives the singleton Lambda behind Bucket.addEventNotification. */
const BUCKET_NOTIFICATIONS_HANDLER_ID = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

/**
 * Everything that holds state and must outlive a redeploy: the snapshot bucket and its keys,
 * the table, the dashboard's users, and the ingest queue (it lives with the bucket so the
 * bucket's notification and the queue's policy do not reference each other across stacks).
 */
export class DondocDataStack extends Stack {
  readonly snapshots: SnapshotStore;
  readonly table: DondocTable;
  readonly ingestQueue: QueueWithDlq;
  readonly users: DashboardUsers;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.snapshots = new SnapshotStore(this, 'Snapshots', {
      noncurrentVersionDays: config.noncurrentVersionDays,
      quarantineDays: config.quarantineDays,
      accessLogDays: config.accessLogDays,
    });
    this.table = new DondocTable(this, 'Data', { tableName: config.tableName });
    this.users = new DashboardUsers(this, 'DashboardUsers', { signInDomainPrefix: config.signInDomainPrefix });

    this.ingestQueue = new QueueWithDlq(this, 'IngestQueue', { visibilityTimeout: visibilityTimeoutFor('ingest') });
    this.snapshots.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.ingestQueue.queue), {
      prefix: SNAPSHOTS_PREFIX,
    });
    this.acknowledgeNotificationsHandler();
  }

  private acknowledgeNotificationsHandler(): void {
    const handler = this.node.tryFindChild(BUCKET_NOTIFICATIONS_HANDLER_ID);
    if (handler === undefined) return;
    const acks = Validations.of(handler);
    acks.acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'CDK-owned custom resource that configures the bucket notification at deploy time; its role is not ours to shape.',
    });
    acks.acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'CDK-owned custom resource: s3:PutBucketNotification has to be granted before the bucket name exists.',
    });
  }
}
