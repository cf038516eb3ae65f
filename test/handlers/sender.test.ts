import 'aws-sdk-client-mock-vitest/extend';
import { MessageRejected, SendEmailCommand, SESv2Client, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { BatchGetCommand, BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { SesMailer } from '../../functions/adapters/ses/ses-mailer.ts';
import type { DeliverDeps } from '../../functions/core/pipeline/deliver-email.ts';
import { sendBatch } from '../../functions/handlers/sender.ts';
import { plannedEmail } from './emails.ts';
import { fakeContext, sqsEvent, sqsRecord } from './sqs-events.ts';

const ses = mockClient(SESv2Client);
const ddb = mockClient(DynamoDBDocumentClient);
const deps: DeliverDeps = {
  log: new DynamoNotificationLog(ddb as unknown as DynamoDBDocumentClient, 'dondoc'),
  mailer: new SesMailer(ses as unknown as SESv2Client, 'dondoc@sgd.hp.edu.vn', 'dondoc-config-set'),
};
const send = () => sendBatch(deps)(sqsEvent(sqsRecord('m1', JSON.stringify(plannedEmail())), sqsRecord('m2', JSON.stringify(plannedEmail({ unit: 'THPT002' })))), fakeContext());

beforeEach(() => {
  /* no recipient is suppressed */
  ddb.on(BatchGetCommand).resolves({ Responses: {} });
  ddb.on(PutCommand).resolves({});
  ddb.on(BatchWriteCommand).resolves({});
  ddb.on(DeleteCommand).resolves({});
});

afterEach(() => {
  ses.reset();
  ddb.reset();
});

describe('sender failure paths (mocked SES and DynamoDB)', () => {
  it('sends through the configuration set and records the SES message id on every claimed key', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const out = await send();
    expect(out.batchItemFailures).toEqual([]);
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, { ConfigurationSetName: 'dondoc-config-set', FromEmailAddress: 'dondoc@sgd.hp.edu.vn' });
    const marked = ddb.commandCalls(BatchWriteCommand).flatMap((c) => c.args[0].input.RequestItems?.['dondoc'] ?? []);
    expect(marked).toHaveLength(4);
    expect(marked.every((w) => w.PutRequest?.Item?.messageId === 'ses-1' && typeof w.PutRequest.Item.claimedAt === 'number')).toBe(true);
    expect(ddb).not.toHaveReceivedCommand(DeleteCommand);
  });

  it('gives the claims back and fails the record when SES throttles, so the redelivery can send', async () => {
    ses.on(SendEmailCommand).rejectsOnce(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} })).resolves({ MessageId: 'ses-2' });
    const out = await send();
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect(ddb).toHaveReceivedCommandTimes(DeleteCommand, 2);
    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, 1);
  });

  it('gives the claims back and fails the record when SES rejects the email, so it ends in the DLQ', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified.', $metadata: {} }));
    await expect(send()).rejects.toThrow();
    expect(ddb).toHaveReceivedCommandTimes(DeleteCommand, 4);
    expect(ddb).not.toHaveReceivedCommand(BatchWriteCommand);
  });

  it('keeps the claims when it cannot know whether SES sent the email: no second email', async () => {
    ses.on(SendEmailCommand).rejectsOnce(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })).resolves({ MessageId: 'ses-3' });
    const out = await send();
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect(ddb).not.toHaveReceivedCommand(DeleteCommand);
  });

  it('gives back the claims it took when another claim of the same email fails, and sends nothing for it', async () => {
    const throttled = Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ProvisionedThroughputExceededException' });
    ddb.on(PutCommand).resolvesOnce({}).rejectsOnce(throttled).resolves({});
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-4' });
    const out = await send();
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect(ddb).toHaveReceivedCommandTimes(DeleteCommand, 1);
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
  });

  it('does not send when every claim was already taken (a redelivered message)', async () => {
    ddb.on(PutCommand).rejects(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }));
    ses.on(SendEmailCommand).resolves({ MessageId: 'never' });
    const out = await send();
    expect(out.batchItemFailures).toEqual([]);
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });
});
