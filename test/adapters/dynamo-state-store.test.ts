import 'aws-sdk-client-mock-vitest/extend';
import { ConditionalCheckFailedException, ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../functions/adapters/adapter-error.ts';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { DondocError } from '../../functions/core/errors.ts';
import { result, studentsSummary, unitRecord } from './samples.ts';

const TABLE = 'dondoc';
const T0 = Date.UTC(2025, 8, 1);
const ddb = mockClient(DynamoDBDocumentClient);
const store = new DynamoStateStore(ddb as unknown as DynamoDBDocumentClient, TABLE, {
  retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
});

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

afterEach(() => {
  expect(ddb).not.toHaveReceivedCommand(ScanCommand);
  expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  ddb.reset();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('conditional writes', () => {
  it('writes a summary on the condition that nothing newer is stored', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await store.applySummary(studentsSummary('S1', T0))).toBe('applied');
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      TableName: TABLE,
      ConditionExpression: 'attribute_not_exists(PK) OR asOf <= :asOf',
      ExpressionAttributeValues: { ':asOf': T0 },
    });
  });

  it('reports a summary as stale when the condition fails', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    expect(await store.applySummary(studentsSummary('S1', T0))).toBe('stale');
  });

  it('reports an S3 object already processed when its conditional put fails, and offers the key its first processing time', async () => {
    ddb.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});
    ddb.on(GetCommand, { Key: { PK: 'OBJECT#incoming/a.csv#v1', SK: 'META' } }).resolves({ Item: { processedAt: T0 } });
    expect(await store.markObjectProcessed('incoming/a.csv', 'v1', { outcome: 'applied', rows: 3 })).toBe(false);
    expect(ddb).toHaveReceivedCommandWith(PutCommand, { ConditionExpression: 'attribute_not_exists(PK)' });
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({ PK: 'OBJECT#incoming/a.csv', SK: 'LATEST', version: 'v1', rows: 3, processedAt: T0 }),
      ExpressionAttributeValues: { ':at': T0 },
    });
  });

  it('leaves a newer registry entry alone without failing the batch', async () => {
    ddb.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});
    await store.putUnits([unitRecord('S1', 'P1'), unitRecord('S2', 'P1')], T0);
    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 2);
  });

  it('re-reads a status that changed under it and writes again over the newer evaluation', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [] } });
    ddb.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});
    ddb.on(GetCommand).resolves({
      Item: { ...result('S1', 'R1', 'pending'), evaluatedAt: T0 - 1, since: T0 - 1, PK: 'UNIT#S1', SK: 'STATUS#R1' },
    });
    ddb.on(BatchWriteCommand).resolves({});
    const changes = await store.putResults([result('S1', 'R1', 'overdue')], T0);
    expect(changes).toEqual([{ unit: 'S1', requirement: 'R1', from: 'pending', to: 'overdue', at: T0 }]);
    expect(ddb).toHaveReceivedNthCommandWith(PutCommand, 1, { ConditionExpression: 'attribute_not_exists(PK)' });
    expect(ddb).toHaveReceivedNthCommandWith(PutCommand, 2, {
      ConditionExpression: 'evaluatedAt = :replaced',
      ExpressionAttributeValues: { ':replaced': T0 - 1 },
    });
  });

  it('gives up with a retryable CONFLICT when the status keeps changing', async () => {
    ddb.on(BatchGetCommand).resolves({});
    ddb.on(PutCommand).rejects(conditionFailed());
    ddb.on(GetCommand).resolves({});
    const error = await rejection(store.putResults([result('S1', 'R1', 'overdue')], T0));
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'CONFLICT', retryable: true });
    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 3);
  });
});

describe('throttling', () => {
  it('surfaces ProvisionedThroughputExceededException as a retryable THROTTLED error', async () => {
    ddb.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const error = await rejection(store.applySummary(studentsSummary('S1', T0)));
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'THROTTLED', retryable: true });
    expect((error as AdapterError).cause).toBeInstanceOf(ProvisionedThroughputExceededException);
  });

  it('surfaces ThrottlingException on a query the same way', async () => {
    ddb.on(QueryCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const error = await rejection(store.listChildren('P1'));
    expect(error).toMatchObject({ code: 'THROTTLED', retryable: true });
  });

  it('passes other service errors through untouched', async () => {
    const validation = Object.assign(new Error('bad request'), { name: 'ValidationException' });
    ddb.on(GetCommand).rejects(validation);
    expect(await rejection(store.getUnit('S1'))).toBe(validation);
  });
});

describe('batches', () => {
  it('sends unprocessed history items again until they are written', async () => {
    ddb.on(BatchGetCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    ddb
      .on(BatchWriteCommand)
      .callsFakeOnce((input: { RequestItems: Record<string, unknown[]> }) => ({
        UnprocessedItems: { [TABLE]: input.RequestItems[TABLE]?.slice(1) },
      }))
      .resolves({});
    const changes = await store.putResults([result('S1', 'R1', 'overdue'), result('S1', 'R2', 'pending'), result('S1', 'R3', 'compliant')], T0);
    expect(changes).toHaveLength(3);
    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, 2);
    const retried = ddb.commandCalls(BatchWriteCommand)[1]?.args[0].input.RequestItems?.[TABLE] ?? [];
    expect(retried.map((request) => request.PutRequest?.Item?.SK)).toEqual([
      `HIST#R2#${new Date(T0).toISOString()}`,
      `HIST#R3#${new Date(T0).toISOString()}`,
    ]);
  });

  it('fails as retryable UNPROCESSED after the bounded attempts', async () => {
    ddb.on(BatchGetCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    ddb.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({ UnprocessedItems: input.RequestItems }));
    const error = await rejection(store.putResults([result('S1', 'R1', 'overdue')], T0));
    expect(error).toMatchObject({ code: 'UNPROCESSED', retryable: true });
    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, 3);
  });

  it('writes history 25 items per request', async () => {
    ddb.on(BatchGetCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    ddb.on(BatchWriteCommand).resolves({});
    await store.putResults(
      Array.from({ length: 30 }, (_, i) => result('S1', `R${i}`, 'overdue')),
      T0,
    );
    const sizes = ddb.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems?.[TABLE]?.length);
    expect(sizes).toEqual([25, 5]);
  });

  it('reads again the keys a batch get left unprocessed', async () => {
    const stored = { PK: 'UNIT#S1', SK: 'STATUS#R1', ...result('S1', 'R1', 'pending'), evaluatedAt: T0 - 1000, since: T0 - 1000 };
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [{ PK: 'UNIT#S1', SK: 'STATUS#R1' }] } } })
      .resolves({ Responses: { [TABLE]: [stored] } });
    ddb.on(PutCommand).resolves({});
    ddb.on(BatchWriteCommand).resolves({});
    const changes = await store.putResults([result('S1', 'R1', 'overdue')], T0);
    expect(ddb).toHaveReceivedNthCommandWith(BatchGetCommand, 2, {
      RequestItems: { [TABLE]: { Keys: [{ PK: 'UNIT#S1', SK: 'STATUS#R1' }], ConsistentRead: true } },
    });
    expect(changes).toEqual([expect.objectContaining({ unit: 'S1', requirement: 'R1', from: 'pending', to: 'overdue' })]);
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      ConditionExpression: 'evaluatedAt = :replaced',
      Item: expect.objectContaining({ GSI2PK: 'REQ#R1#overdue', GSI2SK: 'UNIT#S1', previous: 'pending' }),
    });
  });
});

describe('queries', () => {
  it('follows LastEvaluatedKey to the last page', async () => {
    const lastKey = { PK: 'UNIT#S1', SK: 'META', GSI1PK: 'PARENT#P1', GSI1SK: 'UNIT#S1' };
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ ...unitRecord('S1', 'P1'), asOf: T0 }], LastEvaluatedKey: lastKey })
      .resolvesOnce({ Items: [{ ...unitRecord('S2', 'P1'), asOf: T0 }] });
    const children = await store.listChildren('P1');
    expect(children.map((unit) => unit.unitCode)).toEqual(['S1', 'S2']);
    expect(ddb).toHaveReceivedNthCommandWith(QueryCommand, 1, { IndexName: 'GSI1', ExclusiveStartKey: undefined });
    expect(ddb).toHaveReceivedNthCommandWith(QueryCommand, 2, { IndexName: 'GSI1', ExclusiveStartKey: lastKey });
  });

  it('pages a registry shard lazily through GSI2', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [unitRecord('S1', 'P1')], LastEvaluatedKey: { PK: 'x', SK: 'y' } })
      .resolvesOnce({ Items: [unitRecord('S2', 'P1')] });
    const codes: string[] = [];
    for await (const unit of store.listShard(3)) codes.push(unit.unitCode);
    expect(codes).toEqual(['S1', 'S2']);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, { IndexName: 'GSI2', ExpressionAttributeValues: { ':pk': 'REGISTRY#3' } });
  });

  it('refuses a shard outside 0…15', async () => {
    const error = await rejection(store.listShard(16)[Symbol.asyncIterator]().next());
    expect(error).toBeInstanceOf(DondocError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('rejects an item that does not parse as CORRUPT_ITEM', async () => {
    ddb.on(GetCommand).resolves({ Item: { PK: 'UNIT#S1', SK: 'META', unitCode: 'S1', unitKind: 'castle' } });
    const error = await rejection(store.getUnit('S1'));
    expect(error).toMatchObject({ code: 'CORRUPT_ITEM', retryable: false, details: { key: { PK: 'UNIT#S1', SK: 'META' } } });
  });
});
