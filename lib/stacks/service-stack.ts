import { Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DondocConfig } from '../config/dondoc-config.ts';
import type { DashboardUsers } from '../constructs/dashboard-users.ts';
import { Dashboard } from '../constructs/dashboard.ts';
import { DashboardApi } from '../constructs/dashboard-api.ts';
import type { DondocTable } from '../constructs/dondoc-table.ts';
import type { DondocEnvironment } from '../constructs/function-environment.ts';
import { visibilityTimeoutFor } from '../constructs/function-sizing.ts';
import { IngestWorker } from '../constructs/ingest-worker.ts';
import { messagingKey } from '../constructs/messaging-key.ts';
import { Operations } from '../constructs/operations.ts';
import { OutboundMail } from '../constructs/outbound-mail.ts';
import { PlannerWorker } from '../constructs/planner-worker.ts';
import { QueueWithDlq } from '../constructs/secure-queue.ts';
import { SenderWorker } from '../constructs/sender-worker.ts';
import { SesEventsWorker } from '../constructs/ses-events-worker.ts';
import type { SnapshotStore } from '../constructs/snapshot-store.ts';
import type { WorkerProps } from '../constructs/worker-props.ts';

export interface ServiceStackProps extends StackProps {
  config: DondocConfig;
  snapshots: SnapshotStore;
  table: DondocTable;
  ingestQueue: QueueWithDlq;
  users: DashboardUsers;
}

/**
 * Everything that can be torn down and redeployed without losing data: the functions, the
 * notification queue, the schedules, the API, outbound mail and the alarms. State lives in
 * DondocDataStack and arrives here as props.
 */
export class DondocServiceStack extends Stack {
  readonly notifyQueue: QueueWithDlq;
  readonly planQueue: QueueWithDlq;
  readonly mail: OutboundMail;
  readonly ingest: IngestWorker;
  readonly planner: PlannerWorker;
  readonly sender: SenderWorker;
  readonly sesEvents: SesEventsWorker;
  readonly api: DashboardApi;
  readonly dashboard: Dashboard;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { config, snapshots, table } = props;
    const topicKey = messagingKey(this, 'MessagingKey');
    this.notifyQueue = new QueueWithDlq(this, 'NotifyQueue', { visibilityTimeout: visibilityTimeoutFor('sender') });
    this.planQueue = new QueueWithDlq(this, 'PlanQueue', { visibilityTimeout: visibilityTimeoutFor('plan-worker') });
    this.mail = new OutboundMail(this, 'Mail', { senderAddress: config.senderAddress, senderDomain: config.senderDomain, topicKey });

    // The config schema admits only the retention periods CloudWatch Logs offers, which are RetentionDays' values.
    const logRetention = config.logRetentionDays as RetentionDays;
    this.dashboard = new Dashboard(this, 'Dashboard', { users: props.users, snapshots, dashboardUrl: config.dashboardUrl, accessLogDays: config.accessLogDays, logRetention });
    const environment: DondocEnvironment = {
      TABLE_NAME: table.table.tableName,
      BUCKET_NAME: snapshots.bucket.bucketName,
      NOTIFY_QUEUE_URL: this.notifyQueue.queue.queueUrl,
      PLAN_QUEUE_URL: this.planQueue.queue.queueUrl,
      SENDER_ADDRESS: config.senderAddress,
      CONFIGURATION_SET: this.mail.configurationSet.configurationSetName,
      DEPARTMENT_CODE: config.departmentCode,
      DASHBOARD_URL: this.dashboard.url,
    };
    const worker: WorkerProps = { environment, logRetention };

    this.ingest = new IngestWorker(this, 'Ingest', {
      ...worker,
      ingestQueue: props.ingestQueue.queue,
      notifyQueue: this.notifyQueue.queue,
      snapshots,
      table,
    });
    this.planner = new PlannerWorker(this, 'Planner', {
      ...worker,
      notifyQueue: this.notifyQueue.queue,
      planQueue: this.planQueue,
      table,
      dailyRunTime: config.dailyRunTime,
      digestWeekday: config.digestWeekday,
      digestRunTime: config.digestRunTime,
    });
    this.sender = new SenderWorker(this, 'Sender', { ...worker, notifyQueue: this.notifyQueue, table, mail: this.mail });
    this.sesEvents = new SesEventsWorker(this, 'SesEvents', { ...worker, eventsTopic: this.mail.eventsTopic, table });
    this.api = new DashboardApi(this, 'Api', { ...worker, userPool: props.users.userPool, client: this.dashboard.client, table, snapshots });
    this.dashboard.serve(this.api.httpApi);

    this.operations = new Operations(this, 'Operations', { topicKey, adminEmails: config.adminEmails });
    this.operations.watchDeadLetterQueue('Ingest', props.ingestQueue.deadLetterQueue);
    this.operations.watchDeadLetterQueue('Notify', this.notifyQueue.deadLetterQueue);
    this.operations.watchDeadLetterQueue('PlannerSchedule', this.planner.deadLetterQueue);
    this.operations.watchDeadLetterQueue('Plan', this.planQueue.deadLetterQueue);
    this.operations.watchDeadLetterQueue('SesEvents', this.sesEvents.deadLetterQueue);
    this.operations.watchFunction('Ingest', this.ingest.fn);
    this.operations.watchFunction('Planner', this.planner.fn);
    this.operations.watchFunction('PlanWorker', this.planner.worker);
    this.operations.watchFunction('Sender', this.sender.fn);
    this.operations.watchFunction('SesEvents', this.sesEvents.fn);
    this.operations.watchFunction('Api', this.api.fn);
  }
}
