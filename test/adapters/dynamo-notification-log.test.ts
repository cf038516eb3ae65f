import 'aws-sdk-client-mock-vitest/extend';
import { ConditionalCheckFailedException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';

const TABLE = 'dondoc';
const NOW = Date.UTC(2025, 9, 16, 1, 0);
const ddb = mockClient(DynamoDBDocumentClient);
const log = new DynamoNotificationLog(ddb as unknown as DynamoDBDocumentClient, TABLE, { now: () => NOW });
const key = { unit: 'S1', requirement: 'R1', stage: 'T-7', recipient: 'HT@Example.edu.vn' };
const itemKey = { PK: 'NOTIFY#S1#R1#T-7', SK: 'TO#ht@example.edu.vn' };
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

afterEach(() => {
  expect(ddb).not.toHaveReceivedCommand(ScanCommand);
  ddb.reset();
});

describe('claim', () => {
  it('puts the log item on the condition that it does not exist, indexed by day', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await log.claim(key, { day: '2025-10-16', subject: 'Nhắc hạn' })).toBe(NOW);
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      TableName: TABLE,
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: expect.objectContaining({ ...itemKey, GSI1PK: 'SENT#S1', GSI1SK: expect.stringMatching(/^R1#T-7#/), claimedAt: NOW }),
    });
  });

  it('is false when the item already exists', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    expect(await log.claim(key, { day: '2025-10-16', subject: 'Nhắc hạn' })).toBeUndefined();
  });

  it('surfaces throttling as a retryable error rather than a lost claim', async () => {
    ddb.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(log.claim(key, { day: '2025-10-16', subject: 'Nhắc hạn' })).rejects.toMatchObject({ code: 'THROTTLED', retryable: true });
  });
});

describe('release and markSent', () => {
  it('deletes only a claim that was not marked sent', async () => {
    ddb.on(DeleteCommand).resolves({});
    await log.release(key);
    expect(ddb).toHaveReceivedCommandWith(DeleteCommand, { Key: itemKey, ConditionExpression: 'attribute_not_exists(sentAt)' });
  });

  it('keeps a sent claim quietly', async () => {
    ddb.on(DeleteCommand).rejects(conditionFailed());
    await expect(log.release(key)).resolves.toBeUndefined();
  });

  it('rewrites each claim whole with the SES message id and when it was sent, 25 to a request', async () => {
    ddb.on(BatchWriteCommand).resolves({});
    const claims = Array.from({ length: 30 }, (_, i) => ({ key: { ...key, unit: `S${i + 1}` }, claimedAt: NOW - 1000 }));
    await log.markSent(claims, { day: '2025-10-16', subject: 'Nhắc hạn', messageId: 'ses-1' });
    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, 2);
    const written = ddb.commandCalls(BatchWriteCommand).flatMap((c) => c.args[0].input.RequestItems?.[TABLE] ?? []);
    expect(written).toHaveLength(30);
    expect(written[0]?.PutRequest?.Item).toEqual({
      ...itemKey,
      GSI1PK: 'SENT#S1',
      GSI1SK: expect.stringMatching(/^R1#T-7#/),
      unit: 'S1',
      requirement: 'R1',
      stage: 'T-7',
      recipient: 'ht@example.edu.vn',
      day: '2025-10-16',
      subject: 'Nhắc hạn',
      claimedAt: NOW - 1000,
      messageId: 'ses-1',
      sentAt: NOW,
    });
  });

  it('sends the claims DynamoDB left unprocessed again', async () => {
    const claim = { key, claimedAt: NOW };
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [{ PutRequest: { Item: { ...itemKey, messageId: 'ses-1' } } }] } })
      .resolves({});
    await log.markSent([claim], { day: '2025-10-16', subject: 'Nhắc hạn', messageId: 'ses-1' });
    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, 2);
  });
});

describe('suppression', () => {
  it('looks the address up by its lower-case spelling', async () => {
    ddb.on(GetCommand).resolves({ Item: { PK: 'SUPPRESS#ht@example.edu.vn' } });
    expect(await log.isSuppressed('HT@example.edu.vn')).toBe(true);
    expect(ddb).toHaveReceivedCommandWith(GetCommand, { Key: { PK: 'SUPPRESS#ht@example.edu.vn', SK: 'META' } });
  });

  it('stores the reason and the time', async () => {
    ddb.on(PutCommand).resolves({});
    await log.suppress('HT@example.edu.vn', 'complaint');
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      Item: { PK: 'SUPPRESS#ht@example.edu.vn', SK: 'META', address: 'ht@example.edu.vn', reason: 'complaint', at: NOW },
    });
  });
});
