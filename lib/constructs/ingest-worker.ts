import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { grantIngestObjects } from '../grants/snapshot-access.ts';
import { grantTableRead, grantTableWrite } from '../grants/table-access.ts';
import { DondocFunction } from './dondoc-function.ts';
import type { DondocTable } from './dondoc-table.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import type { WorkerProps } from './worker-props.ts';

export interface IngestWorkerProps extends WorkerProps {
  ingestQueue: IQueue;
  notifyQueue: IQueue;
  snapshots: SnapshotStore;
  table: DondocTable;
}

/**
 * Upload → validate → apply. One object per invocation (a province workbook can use most of
 * the timeout) and at most two at a time, so concurrent uploads do not fight over the same
 * rollup items.
 */
export class IngestWorker extends Construct {
  readonly fn: DondocFunction;

  constructor(scope: Construct, id: string, props: IngestWorkerProps) {
    super(scope, id);
    this.fn = new DondocFunction(this, 'Function', {
      handler: 'ingest',
      description: 'Validates an uploaded snapshot, applies it and re-evaluates the units it covers',
      environment: props.environment,
      logRetention: props.logRetention,
    });
    this.fn.addEventSource(new SqsEventSource(props.ingestQueue, { batchSize: 1, maxConcurrency: 2, reportBatchItemFailures: true }));
    grantIngestObjects(this.fn.role, props.snapshots);
    grantTableRead(this.fn, props.table);
    grantTableWrite(this.fn, props.table, { partitions: ['UNIT#', 'ROLLUP#', 'OBJECT#'], delete: true });
    props.notifyQueue.grantSendMessages(this.fn);
  }
}
