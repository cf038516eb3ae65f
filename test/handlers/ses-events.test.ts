import 'aws-sdk-client-mock-vitest/extend';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { SNSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdapterError } from '../../functions/adapters/adapter-error.ts';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { handleSesEvents, handler, type SesEventsDeps } from '../../functions/handlers/ses-events.ts';
import { eventFixture, sesMessage, snsEvent } from './sns-events.ts';
import { fakeContext } from './sqs-events.ts';
import { stubHandlerEnv } from './stub-handler-env.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const deps = (): SesEventsDeps => ({ log: new DynamoNotificationLog(ddb as unknown as DynamoDBDocumentClient, 'dondoc', { now: () => 1_687_483_800_000 }) });

afterEach(() => {
  ddb.reset();
  vi.unstubAllEnvs();
});

describe('ses-events handler (mocked SDK)', () => {
  it('writes one suppression item per hard-bounced recipient, keyed on the lower-cased address', async () => {
    ddb.on(PutCommand).resolves({});
    await handleSesEvents(deps(), eventFixture<SNSEvent>('sns-ses-bounce.json'));
    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 2);
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      TableName: 'dondoc',
      Item: { PK: 'SUPPRESS#canbo@thpt-ngoquyen.edu.vn', SK: 'META', address: 'canbo@thpt-ngoquyen.edu.vn', reason: 'bounce', at: 1_687_483_800_000 },
    });
  });

  it('fails the invocation when DynamoDB throttles beyond its retries, so Lambda retries the event', async () => {
    ddb.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const failure = await handleSesEvents(deps(), snsEvent(sesMessage('complaint'))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AdapterError);
    expect(failure).toMatchObject({ code: 'THROTTLED', retryable: true });
  });

  it('writes nothing for events that do not suppress', async () => {
    await handleSesEvents(deps(), snsEvent(sesMessage('bounce-transient'), sesMessage('delivery'), sesMessage('reject'), sesMessage('open')));
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('is exported for Lambda with its table from the environment', async () => {
    stubHandlerEnv();
    ddb.on(PutCommand).resolves({});
    await handler(snsEvent(sesMessage('complaint')), fakeContext('dondoc-ses-events'));
    expect(ddb).toHaveReceivedCommandWith(PutCommand, { TableName: 'dondoc-table', Item: expect.objectContaining({ PK: 'SUPPRESS#truongphong@pgd-ngoquyen.edu.vn', reason: 'complaint' }) });
  });
});
