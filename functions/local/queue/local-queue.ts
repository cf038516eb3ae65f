import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { DondocError } from '../../core/errors.ts';
import { batchOutcome } from './batch-outcome.ts';
import { lambdaContext } from './lambda-context.ts';
import { toSqsRecord, type StoredMessage } from './sqs-record.ts';

/** An SQS-triggered Lambda handler, as functions/handlers export them. */
export type SqsConsumer = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

/** Where a message goes once it has failed maxReceiveCount times: another LocalQueue, typically. */
export interface DeadLetterTarget {
  send(body: string): string;
}

export interface LocalQueueOptions {
  /** the Lambda handler the event source mapping invokes */
  consumer: SqsConsumer;
  /** records per invocation, the event source mapping's BatchSize (default 10) */
  batchSize?: number;
  /** receives before a message moves to the dead letters, the redrive policy's maxReceiveCount (default 5) */
  maxReceiveCount?: number;
  /** how long a failed message stays invisible after its first failure; doubled on each further one (default 200 ms) */
  visibilityTimeoutMs?: number;
  /** the cap on that doubling (default 5 s) */
  maxVisibilityTimeoutMs?: number;
  /** also receives the body of every dead letter; deadLetters() lists them either way */
  deadLetterQueue?: DeadLetterTarget;
  /** a consumer that threw or answered nonsense; the local stack logs these */
  onError?: (error: unknown, records: readonly SQSRecord[]) => void;
  region?: string;
  /** the consumer's name in its Context (default `${queue}-consumer`) */
  functionName?: string;
  /** what the Context's getRemainingTimeInMillis counts down from (default 30 s) */
  functionTimeoutMs?: number;
}

export interface LocalQueueStats {
  sent: number;
  deleted: number;
  /** failed receives that were made visible again */
  retried: number;
  deadLettered: number;
  /** invocations that threw or answered something other than a partial batch response */
  consumerErrors: number;
  /** messages not yet deleted or dead-lettered: visible, in flight or waiting to reappear */
  depth: number;
}

const Settings = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'an SQS queue name: 1 to 80 letters, digits, - or _'),
  batchSize: z.int().min(1).max(10_000).default(10),
  maxReceiveCount: z.int().min(1).max(1000).default(5),
  visibilityTimeoutMs: z.int().min(0).default(200),
  maxVisibilityTimeoutMs: z.int().min(0).default(5000),
  region: z.string().min(1).default('ap-southeast-1'),
  functionName: z.string().min(1).optional(),
  functionTimeoutMs: z.int().min(1).default(30_000),
});
type Settings = z.infer<typeof Settings>;

/**
 * A standard SQS queue wired to its Lambda consumer, played in-process: batches of up to
 * batchSize, partial batch failures, redelivery with ApproximateReceiveCount incremented,
 * and a redrive to the dead letters after maxReceiveCount receives. One batch is in flight
 * at a time (Lambda would run several) so a local run is repeatable.
 */
export class LocalQueue {
  readonly name: string;
  private readonly settings: Settings;
  private readonly visible: StoredMessage[] = [];
  /* Failed messages, each with the timer that makes it visible again. */
  private readonly invisible = new Map<NodeJS.Timeout, StoredMessage[]>();
  private readonly dead: SQSRecord[] = [];
  private readonly waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly counters = { sent: 0, deleted: 0, retried: 0, deadLettered: 0, consumerErrors: 0 };
  private pending: NodeJS.Immediate | undefined;
  private inFlight: Promise<void> | undefined;
  private inFlightCount = 0;
  private stopped = false;

  constructor(
    name: string,
    private readonly options: LocalQueueOptions,
  ) {
    const parsed = Settings.safeParse({ ...options, name });
    if (!parsed.success) throw new DondocError('INVALID_ARGUMENT', `local queue ${name}: ${z.prettifyError(parsed.error)}`);
    this.settings = parsed.data;
    this.name = name;
  }

  /** Enqueues one message and returns its MessageId; after stop() the queue keeps it undelivered, as a disabled trigger would. */
  send(body: string): string {
    const message: StoredMessage = { messageId: randomUUID(), body, sentAt: Date.now(), receiveCount: 0 };
    this.visible.push(message);
    this.counters.sent += 1;
    this.schedule();
    return message.messageId;
  }

  sendBatch(bodies: readonly string[]): string[] {
    return bodies.map((body) => this.send(body));
  }

  /** Resolves once the queue is empty (nothing visible, in flight or waiting to reappear); rejects if stop() comes first. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    if (this.stopped) return Promise.reject(this.stoppedBeforeIdle());
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  stats(): LocalQueueStats {
    const depth = this.visible.length + [...this.invisible.values()].reduce((n, due) => n + due.length, 0) + this.inFlightCount;
    return { ...this.counters, depth };
  }

  /** The messages given up on, as their last delivery showed them. */
  deadLetters(): readonly SQSRecord[] {
    return [...this.dead];
  }

  /** Stops delivering and clears the retry timers; waits for the batch in flight, which cannot be recalled. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearImmediate(this.pending);
    this.pending = undefined;
    for (const [timer, due] of this.invisible) {
      clearTimeout(timer);
      this.visible.push(...due);
    }
    this.invisible.clear();
    await this.inFlight;
    for (const waiter of this.waiters.splice(0)) {
      if (this.isIdle()) waiter.resolve();
      else waiter.reject(this.stoppedBeforeIdle());
    }
  }

  private schedule(): void {
    if (this.stopped || this.pending !== undefined || this.inFlight !== undefined || this.visible.length === 0) return;
    /* Sends made in the same turn of the event loop arrive in one batch, as they would from the poller. */
    this.pending = setImmediate(() => {
      this.pending = undefined;
      this.inFlight = this.deliver(this.visible.splice(0, this.settings.batchSize)).finally(() => {
        this.inFlight = undefined;
        this.schedule();
        this.settleWaiters();
      });
    });
  }

  private async deliver(batch: StoredMessage[]): Promise<void> {
    const receivedAt = Date.now();
    this.inFlightCount = batch.length;
    for (const message of batch) {
      message.receiveCount += 1;
      message.firstReceivedAt ??= receivedAt;
    }
    const records = batch.map((message) => toSqsRecord(this.settings, message));
    const context = lambdaContext({
      functionName: this.settings.functionName ?? `${this.name}-consumer`,
      region: this.settings.region,
      timeoutMs: this.settings.functionTimeoutMs,
    });
    const settled = await Promise.resolve()
      .then(() => this.options.consumer({ Records: records }, context))
      .then(
        (response: unknown) => ({ response }),
        (error: unknown) => ({ error }),
      );
    const outcome = batchOutcome(
      batch.map((message) => message.messageId),
      settled,
    );
    const retries: StoredMessage[] = [];
    batch.forEach((message, i) => {
      if (!outcome.failed.has(message.messageId)) this.counters.deleted += 1;
      else if (message.receiveCount >= this.settings.maxReceiveCount) this.deadLetter(records[i] as SQSRecord);
      else retries.push(message);
    });
    this.retryLater(retries);
    this.inFlightCount = 0;
    if ('error' in outcome) {
      this.counters.consumerErrors += 1;
      this.options.onError?.(outcome.error, records);
    }
  }

  /* SQS moves the message on its next receive after the last allowed one; moving it at once is
     indistinguishable to the consumer and lets idle() settle without one more timeout. */
  private deadLetter(lastDelivery: SQSRecord): void {
    this.dead.push(lastDelivery);
    this.counters.deadLettered += 1;
    this.options.deadLetterQueue?.send(lastDelivery.body);
  }

  /* Messages of one batch that come due together get one timer, so they come back as one
     batch however late the event loop runs the timers. */
  private retryLater(messages: readonly StoredMessage[]): void {
    this.counters.retried += messages.length;
    if (this.stopped) {
      this.visible.push(...messages);
      return;
    }
    const byDelay = new Map<number, StoredMessage[]>();
    for (const message of messages) {
      /* Doubling, as a consumer backing off through ChangeMessageVisibility would, keeps a poison
         message from spinning through its receives before anything downstream could recover. */
      const delay = Math.min(this.settings.visibilityTimeoutMs * 2 ** (message.receiveCount - 1), this.settings.maxVisibilityTimeoutMs);
      byDelay.set(delay, [...(byDelay.get(delay) ?? []), message]);
    }
    for (const [delay, due] of byDelay) {
      const timer = setTimeout(() => {
        this.invisible.delete(timer);
        this.visible.push(...due);
        this.schedule();
      }, delay);
      this.invisible.set(timer, due);
    }
  }

  private isIdle(): boolean {
    return this.visible.length === 0 && this.invisible.size === 0 && this.inFlight === undefined;
  }

  private settleWaiters(): void {
    if (!this.isIdle()) return;
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  private stoppedBeforeIdle(): DondocError {
    return new DondocError('LOCAL_SERVICE', `local queue ${this.name} stopped with ${this.stats().depth} message(s) undelivered`);
  }
}
