import { randomBytes } from 'node:crypto';
import { GetQueueUrlCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SqsOutbox } from '../../../functions/adapters/sqs/sqs-outbox.ts';
import { OutboundEmail } from '../../../functions/core/outbox/outbound-email.ts';
import type { LocalService } from '../../../functions/local/services/listening.ts';
import { LocalQueue } from '../../../functions/local/queue/local-queue.ts';
import { startLocalSqs } from '../../../functions/local/queue/local-sqs-endpoint.ts';
import { md5OfBody } from '../../../functions/local/queue/sqs-record.ts';
import { plannedEmail } from '../../handlers/emails.ts';
import { DUMMY_CREDENTIALS } from '../../adapters/dynalite-fixture.ts';
import { FAST, recordingConsumer } from './consumers.ts';

describe('local SQS endpoint with @aws-sdk/client-sqs', () => {
  const notify = recordingConsumer();
  const queue = new LocalQueue('dondoc-notify', { ...FAST, consumer: notify.consumer });
  let sqs: LocalService;
  let client: SQSClient;
  let queueUrl: string;

  beforeAll(async () => {
    sqs = await startLocalSqs(new Map([[queue.name, queue]]));
    client = new SQSClient({ endpoint: sqs.endpoint, region: 'ap-southeast-1', credentials: DUMMY_CREDENTIALS });
    queueUrl = `${sqs.endpoint}/000000000000/dondoc-notify`;
  });

  beforeEach(() => {
    notify.batches.length = 0;
  });

  afterAll(async () => {
    client?.destroy();
    await queue.stop();
    await sqs?.stop();
  });

  it('answers GetQueueUrl with the queue URL on this endpoint', async () => {
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: 'dondoc-notify' }));
    expect(QueueUrl).toBe(queueUrl);
  });

  it('carries the emails SqsOutbox enqueues, ten per request and more than ten in all, to the consumer intact', async () => {
    const emails = Array.from({ length: 23 }, (_, i) =>
      plannedEmail({ unit: `THPT${String(i).padStart(3, '0')}`, subject: `[dondoc] Nhắc lần ${i}: hạn 17h00 — “xác thực” 🏫` }),
    );

    await new SqsOutbox(client, queueUrl).enqueue(emails);
    await queue.idle();

    const bodies = notify.deliveries().map((r) => r.body);
    expect(bodies).toEqual(emails.map((e) => JSON.stringify(e)));
    expect(bodies.map((b) => OutboundEmail.parse(JSON.parse(b)))).toEqual(emails);
    expect(notify.batches.every((b) => b.length <= 10)).toBe(true);
    expect(notify.deliveries().every((r) => r.md5OfBody === md5OfBody(r.body))).toBe(true);
  });

  it('answers SendMessage with the message id the consumer then sees and the body MD5 the SDK checks', async () => {
    const body = 'Tiếng Việt có dấu ✓';
    const sent = await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    await queue.idle();
    expect(sent.MD5OfMessageBody).toBe(md5OfBody(body));
    expect(notify.deliveries().map((r) => [r.messageId, r.body])).toEqual([[sent.MessageId, body]]);
  });

  it('throws QueueDoesNotExist for a queue it does not serve, by name or by URL', async () => {
    await expect(client.send(new GetQueueUrlCommand({ QueueName: 'dondoc-nowhere' }))).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
    await expect(new SqsOutbox(client, `${sqs.endpoint}/000000000000/dondoc-nowhere`).enqueue([plannedEmail()])).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
  });

  it('enforces the batch rules of SendMessageBatch', async () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: `e${i}`, MessageBody: `m${i}` }));
    const batch = (Entries: { Id: string; MessageBody: string }[]) => client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries }));

    await expect(batch(entries(11))).rejects.toMatchObject({ name: 'TooManyEntriesInBatchRequest' });
    await expect(batch([...entries(2), { Id: 'e0', MessageBody: 'again' }])).rejects.toMatchObject({ name: 'BatchEntryIdsNotDistinct' });
    await expect(batch([])).rejects.toMatchObject({ name: 'EmptyBatchRequest' });
    await expect(batch([{ Id: 'not ok!', MessageBody: 'x' }])).rejects.toMatchObject({ name: 'InvalidBatchEntryId' });
    await expect(batch(Array.from({ length: 5 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x'.repeat(60 * 1024) })))).rejects.toMatchObject({
      name: 'BatchRequestTooLong',
    });
    await queue.idle();
    expect(notify.deliveries()).toEqual([]);
  });

  it('fails a too-large entry alone, as a sender fault, and SqsOutbox refuses to go on', async () => {
    const out = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          { Id: 'small', MessageBody: 'fits' },
          { Id: 'huge', MessageBody: 'x'.repeat(256 * 1024 + 1) },
        ],
      }),
    );
    expect(out.Successful?.map((s) => s.Id)).toEqual(['small']);
    expect(out.Failed).toEqual([{ Id: 'huge', SenderFault: true, Code: 'InvalidParameterValue', Message: expect.stringContaining('262144') }]);

    /* random text does not compress: still over the limit after the outbox's compression */
    const tooLong = plannedEmail({ html: `<p>${randomBytes(200 * 1024).toString('base64')}</p>` });
    await expect(new SqsOutbox(client, queueUrl).enqueue([tooLong])).rejects.toMatchObject({ name: 'AdapterError', code: 'REJECTED' });
    await queue.idle();
    expect(notify.deliveries().map((r) => r.body)).toEqual(['fits']);
  });

  it('refuses parameters these queues do not implement rather than dropping them', async () => {
    await expect(client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'later', DelaySeconds: 5 }))).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
    await expect(client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'bell \u0007' }))).rejects.toMatchObject({
      name: 'InvalidMessageContents',
    });
  });

  it('answers an action it does not serve with UnsupportedOperation, in the SQS JSON error shape', async () => {
    const res = await fetch(sqs.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.ReceiveMessage' },
      body: JSON.stringify({ QueueUrl: queueUrl }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-query-error')).toBe('AWS.SimpleQueueService.UnsupportedOperation;Sender');
    expect(await res.json()).toEqual({ __type: 'com.amazonaws.sqs#UnsupportedOperation', message: expect.stringContaining('ReceiveMessage') });
  });
});
