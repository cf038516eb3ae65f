import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DondocError } from '../../../functions/core/errors.ts';
import { InvalidBatchResponse } from '../../../functions/local/queue/batch-outcome.ts';
import { LocalQueue, type LocalQueueOptions, type SqsConsumer } from '../../../functions/local/queue/local-queue.ts';
import { md5OfBody } from '../../../functions/local/queue/sqs-record.ts';
import { FAST, recordingConsumer } from './consumers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('LocalQueue', () => {
  const started: LocalQueue[] = [];
  const queue = (consumer: SqsConsumer, opts: Omit<LocalQueueOptions, 'consumer'> = {}) => {
    const q = new LocalQueue('dondoc-notify', { ...FAST, ...opts, consumer });
    started.push(q);
    return q;
  };

  afterEach(async () => {
    await Promise.all(started.splice(0).map((q) => q.stop()));
  });

  it('delivers messages in batches of at most batchSize, as full SQS records, and deletes the successes', async () => {
    const { consumer, batches } = recordingConsumer();
    const q = queue(consumer, { batchSize: 4 });
    const ids = q.sendBatch(Array.from({ length: 10 }, (_, i) => `body-${i}`));

    await q.idle();

    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    const records = batches.flat();
    expect(records.map((r) => r.messageId)).toEqual(ids);
    expect(records.map((r) => r.body)).toEqual(ids.map((_, i) => `body-${i}`));
    const first = records[0] as SQSRecord;
    expect(first.messageId).toMatch(UUID);
    expect(first).toMatchObject({
      body: 'body-0',
      md5OfBody: md5OfBody('body-0'),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:ap-southeast-1:000000000000:dondoc-notify',
      awsRegion: 'ap-southeast-1',
      messageAttributes: {},
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(Number(first.attributes.SentTimestamp)).toBeLessThanOrEqual(Number(first.attributes.ApproximateFirstReceiveTimestamp));
    expect(first.receiptHandle).not.toBe('');
    expect(q.stats()).toEqual({ sent: 10, deleted: 10, retried: 0, deadLettered: 0, consumerErrors: 0, depth: 0 });
  });

  it('passes a Lambda context with a fresh request id per invocation', async () => {
    const seen: string[] = [];
    const q = queue(async (_event, context) => {
      expect(context.functionName).toBe('dondoc-notify-consumer');
      expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
      seen.push(context.awsRequestId);
    }, { batchSize: 1 });
    q.sendBatch(['a', 'b']);
    await q.idle();
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(2);
  });

  it('redelivers only the records named in batchItemFailures, with ApproximateReceiveCount 2 and a new receipt handle', async () => {
    let failedOnce = false;
    const { consumer, batches } = recordingConsumer((r) => {
      const fail = r.body === 'b' && !failedOnce;
      failedOnce ||= fail;
      return fail;
    });
    const q = queue(consumer);
    q.sendBatch(['a', 'b', 'c']);

    await q.idle();

    expect(batches.map((b) => b.map((r) => r.body))).toEqual([['a', 'b', 'c'], ['b']]);
    const [first, again] = [batches[0]?.[1], batches[1]?.[0]] as [SQSRecord, SQSRecord];
    expect(again.messageId).toBe(first.messageId);
    expect(again.attributes.ApproximateReceiveCount).toBe('2');
    expect(again.attributes.ApproximateFirstReceiveTimestamp).toBe(first.attributes.ApproximateFirstReceiveTimestamp);
    expect(again.receiptHandle).not.toBe(first.receiptHandle);
    expect(q.stats()).toMatchObject({ sent: 3, deleted: 3, retried: 1, deadLettered: 0, depth: 0 });
  });

  it('retries the whole batch when the consumer throws, and reports the error', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const q = queue(
      async (event) => {
        calls += 1;
        if (calls === 1) throw new Error(`lost ${event.Records.length}`);
      },
      { onError: (error) => errors.push(error) },
    );
    q.sendBatch(['a', 'b']);

    await q.idle();

    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('lost 2')]);
    expect(q.stats()).toMatchObject({ deleted: 2, retried: 2, consumerErrors: 1 });
  });

  it('plays Powertools as the handlers use it: a batch whose every record failed throws and is retried whole', async () => {
    const attempts = new Map<string, number>();
    const processor = new BatchProcessor(EventType.SQS);
    const q = queue((event, context) =>
      processPartialResponse(
        event,
        async (record: SQSRecord) => {
          const n = (attempts.get(record.body) ?? 0) + 1;
          attempts.set(record.body, n);
          if (n < 3) throw new Error(`not yet: ${record.body}`);
        },
        processor,
        { context },
      ),
    );
    q.sendBatch(['a', 'b']);

    await q.idle();

    expect(Object.fromEntries(attempts)).toEqual({ a: 3, b: 3 });
    expect(q.stats()).toMatchObject({ deleted: 2, retried: 4, consumerErrors: 2, deadLettered: 0 });
  });

  it('fails the whole batch when the answer names a message that was not in it, as Lambda does', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const q = queue(
      async () => {
        calls += 1;
        return calls === 1 ? { batchItemFailures: [{ itemIdentifier: 'someone-else' }] } : undefined;
      },
      { onError: (error) => errors.push(error) },
    );
    q.sendBatch(['a', 'b']);

    await q.idle();

    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InvalidBatchResponse);
  });

  it('moves a poison message to the dead letters after maxReceiveCount receives while the others are deleted', async () => {
    const dlq = queue(recordingConsumer().consumer);
    const { consumer, deliveries } = recordingConsumer((r) => r.body === 'poison');
    const q = queue(consumer, { maxReceiveCount: 3, deadLetterQueue: dlq });
    const [, poisonId] = q.sendBatch(['fine', 'poison', 'also fine']);

    await q.idle();

    expect(deliveries().filter((r) => r.body === 'poison').map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3']);
    expect(q.deadLetters().map((r) => [r.messageId, r.body, r.attributes.ApproximateReceiveCount])).toEqual([[poisonId, 'poison', '3']]);
    expect(q.stats()).toEqual({ sent: 3, deleted: 2, retried: 2, deadLettered: 1, consumerErrors: 0, depth: 0 });
    await dlq.idle();
    expect(dlq.stats()).toMatchObject({ sent: 1, deleted: 1 });
  });

  it('backs off exponentially between receives, up to the cap', async () => {
    vi.useFakeTimers();
    try {
      const receivedAt: number[] = [];
      const q = queue(
        async (event) => {
          receivedAt.push(Date.now());
          return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };
        },
        { maxReceiveCount: 5, visibilityTimeoutMs: 20, maxVisibilityTimeoutMs: 80 },
      );
      q.send('poison');
      const settled = q.idle();

      await vi.runAllTimersAsync();
      await settled;

      /* Each gap is the backoff plus the delivery's setImmediate, which the fake clock counts as 1 ms. */
      expect(receivedAt.slice(1).map((t, i) => t - (receivedAt[i] as number) - 1)).toEqual([20, 40, 80, 80]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('idle() resolves only once the retries have settled', async () => {
    let calls = 0;
    const q = queue(
      async (event) => {
        calls += 1;
        return calls < 3 ? { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) } : undefined;
      },
      { visibilityTimeoutMs: 30 },
    );
    q.send('slow to succeed');

    await q.idle();

    expect(calls).toBe(3);
    expect(q.stats()).toMatchObject({ deleted: 1, retried: 2, depth: 0 });
    await expect(q.idle()).resolves.toBeUndefined();
  });

  it('idle() waits for messages a consumer sends to its own queue', async () => {
    const bodies: string[] = [];
    const q: LocalQueue = queue(async (event) => {
      for (const r of event.Records) {
        bodies.push(r.body);
        if (r.body.length < 3) q.send(`${r.body}+`);
      }
    });
    q.send('a');
    await q.idle();
    expect(bodies).toEqual(['a', 'a+', 'a++']);
  });

  it('stop() clears the retry timers: nothing is delivered afterwards, not even new sends, and a pending idle() rejects', async () => {
    const { consumer, batches } = recordingConsumer(() => true);
    const q = queue(consumer, { visibilityTimeoutMs: 30 });
    q.send('keeps failing');
    const settled = q.idle();
    await new Promise((resolve) => setTimeout(resolve, 10));

    await q.stop();

    await expect(settled).rejects.toMatchObject({ code: 'LOCAL_SERVICE' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(batches).toHaveLength(1);
    expect(q.stats()).toMatchObject({ retried: 1, depth: 1 });
    q.send('late');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batches).toHaveLength(1);
    expect(q.stats()).toMatchObject({ sent: 2, depth: 2 });
  });

  it('stop() waits for the batch in flight', async () => {
    let finished = false;
    const q = queue(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });
    q.send('a');
    await new Promise((resolve) => setImmediate(resolve));
    await q.stop();
    expect(finished).toBe(true);
    expect(q.stats()).toMatchObject({ deleted: 1, depth: 0 });
  });

  it('refuses options SQS and Lambda would refuse', () => {
    const { consumer } = recordingConsumer();
    expect(() => new LocalQueue('bad name!', { consumer })).toThrow(DondocError);
    expect(() => new LocalQueue('q', { consumer, batchSize: 0 })).toThrow(/batchSize/);
    expect(() => new LocalQueue('q', { consumer, maxReceiveCount: 1.5 })).toThrow(/maxReceiveCount/);
  });
});
