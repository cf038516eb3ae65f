import 'aws-sdk-client-mock-vitest/extend';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoRunStore } from '../../functions/adapters/dynamodb/dynamo-run-store.ts';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { SqsPlanQueue } from '../../functions/adapters/sqs/sqs-plan-queue.ts';
import { PlanTask } from '../../functions/core/pipeline/plan-task.ts';
import type { RunDeps } from '../../functions/core/pipeline/run-deps.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { planBatch } from '../../functions/handlers/plan-worker.ts';
import { plan } from '../../functions/handlers/planner.ts';
import { fakeContext, sqsEvent, sqsRecord } from './sqs-events.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const client = ddb as unknown as DynamoDBDocumentClient;
const deps: RunDeps = {
  store: new DynamoStateStore(client, 'dondoc'),
  runs: new DynamoRunStore(client, 'dondoc'),
  log: new DynamoNotificationLog(client, 'dondoc'),
  outbox: { enqueue: async () => undefined },
  plans: new SqsPlanQueue(sqs as unknown as SQSClient, 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/dondoc-plan'),
  catalog: { dispatches: [] },
  department: 'SGD',
  dashboardUrl: 'https://dondoc.example.gov.vn',
  now: () => parseInstant('2023-06-05T08:00:00+07:00'),
};
const run = { id: '2023-06-05#daily', kind: 'daily', day: '2023-06-05', asOf: parseInstant('2023-06-05T08:00:00+07:00'), replay: false } as const;
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

beforeEach(() => {
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(PutCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
});

afterEach(() => {
  ddb.reset();
  sqs.reset();
});

describe('planner (the scheduled start)', () => {
  it('records the run and queues its parts on the plan queue', async () => {
    const start = await plan(deps, { run: 'daily' });
    expect(start).toMatchObject({ started: true, parts: 1, run });
    expect(ddb).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ PK: 'RUN#2023-06-05#daily', SK: 'RUN', parts: 1 }), ConditionExpression: 'attribute_not_exists(PK)' });
    const entries = sqs.commandCalls(SendMessageBatchCommand).flatMap((c) => c.args[0].input.Entries ?? []);
    expect(entries.map((e) => PlanTask.parse(JSON.parse(e.MessageBody ?? '')))).toEqual([{ task: 'part', run, part: { id: '00000', units: ['SGD'] } }]);
    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, { UpdateExpression: 'SET partsQueued = :yes' });
  });

  it('queues nothing when the schedule fires a second time', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    ddb.on(GetCommand).resolves({ Item: { PK: 'RUN#2023-06-05#daily', SK: 'RUN', parts: 1, done: 0, partsQueued: true } });
    expect(await plan(deps, { run: 'daily' })).toMatchObject({ started: false });
    expect(sqs).not.toHaveReceivedCommand(SendMessageBatchCommand);
  });

  it('refuses an event that is not a scheduled run', async () => {
    await expect(plan(deps, { run: 'weekly' })).rejects.toThrow();
    expect(ddb).not.toHaveReceivedCommand(PutCommand);
  });
});

describe('plan worker', () => {
  it('fails only the record it cannot read, and does nothing for a finish already done', async () => {
    ddb.on(GetCommand).resolves({ Item: { PK: 'RUN#2023-06-05#daily', SK: 'RUN', parts: 1, done: 1, partsQueued: true, finishedAt: 1 } });
    const response = await planBatch(deps)(sqsEvent(sqsRecord('m1', '{"task":"part"}'), sqsRecord('m2', JSON.stringify({ task: 'finish', run }))), fakeContext());
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect(ddb).not.toHaveReceivedCommand(QueryCommand);
    expect(sqs).not.toHaveReceivedCommand(SendMessageBatchCommand);
  });
});
