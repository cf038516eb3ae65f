import { z } from 'zod';
import type { LocalQueue } from './local-queue.ts';
import { bodyBytes, bodyFault, MAX_BATCH_ENTRIES, MAX_MESSAGE_BYTES } from './message-rules.ts';
import { SqsFault } from './sqs-fault.ts';
import { LOCAL_ACCOUNT, md5OfBody } from './sqs-record.ts';

export interface SqsEndpointState {
  /** the base URL the queue URLs are built on */
  readonly endpoint: string;
  readonly queues: ReadonlyMap<string, LocalQueue>;
}

/* Strict, so a parameter these queues do not implement (DelaySeconds, MessageAttributes, FIFO
   group ids) is refused rather than silently dropped. */
const SendMessageInput = z.strictObject({ QueueUrl: z.string(), MessageBody: z.string().min(1) });
const SendMessageBatchInput = z.strictObject({
  QueueUrl: z.string(),
  Entries: z.array(z.strictObject({ Id: z.string(), MessageBody: z.string().min(1) })),
});
const GetQueueUrlInput = z.strictObject({ QueueName: z.string().min(1), QueueOwnerAWSAccountId: z.string().optional() });

const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export function queueUrl(endpoint: string, name: string): string {
  return `${endpoint}/${LOCAL_ACCOUNT}/${name}`;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw SqsFault.invalidParameterValue(z.prettifyError(parsed.error));
  return parsed.data;
}

function queueAt(state: SqsEndpointState, url: string): LocalQueue {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    throw SqsFault.invalidAddress(url);
  }
  const [, account, name] = /^\/(\d{12})\/([^/]+)$/.exec(path) ?? [];
  if (account === undefined || name === undefined) throw SqsFault.invalidAddress(url);
  const queue = account === LOCAL_ACCOUNT ? state.queues.get(name) : undefined;
  if (queue === undefined) throw SqsFault.queueDoesNotExist();
  return queue;
}

function sendMessage(state: SqsEndpointState, input: unknown): object {
  const { QueueUrl, MessageBody } = parse(SendMessageInput, input);
  const queue = queueAt(state, QueueUrl);
  const fault = bodyFault(MessageBody);
  if (fault !== undefined) throw fault;
  return { MessageId: queue.send(MessageBody), MD5OfMessageBody: md5OfBody(MessageBody) };
}

function sendMessageBatch(state: SqsEndpointState, input: unknown): object {
  const { QueueUrl, Entries } = parse(SendMessageBatchInput, input);
  const queue = queueAt(state, QueueUrl);
  if (Entries.length === 0) throw SqsFault.batch('EmptyBatchRequest', 'There should be at least one SendMessageBatchRequestEntry in the request.');
  if (Entries.length > MAX_BATCH_ENTRIES) {
    throw SqsFault.batch('TooManyEntriesInBatchRequest', `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${Entries.length}.`);
  }
  const badId = Entries.find((entry) => !BATCH_ENTRY_ID.test(entry.Id));
  if (badId !== undefined) throw SqsFault.batch('InvalidBatchEntryId', `A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long. Invalid id: ${badId.Id}`);
  const seen = new Set<string>();
  for (const { Id } of Entries) {
    if (seen.has(Id)) throw SqsFault.batch('BatchEntryIdsNotDistinct', `Id ${Id} repeated.`);
    seen.add(Id);
  }
  const judged = Entries.map((entry) => ({ entry, fault: bodyFault(entry.MessageBody) }));
  const accepted = judged.filter(({ fault }) => fault === undefined).map(({ entry }) => entry);
  const total = accepted.reduce((sum, entry) => sum + bodyBytes(entry.MessageBody), 0);
  if (total > MAX_MESSAGE_BYTES) {
    throw SqsFault.batch('BatchRequestTooLong', `Batch requests cannot be longer than ${MAX_MESSAGE_BYTES} bytes. You have sent ${total} bytes.`);
  }
  return {
    Successful: accepted.map((entry) => ({ Id: entry.Id, MessageId: queue.send(entry.MessageBody), MD5OfMessageBody: md5OfBody(entry.MessageBody) })),
    Failed: judged.flatMap(({ entry, fault }) => (fault === undefined ? [] : [{ Id: entry.Id, SenderFault: true, Code: fault.queryCode, Message: fault.message }])),
  };
}

function getQueueUrl(state: SqsEndpointState, input: unknown): object {
  const { QueueName, QueueOwnerAWSAccountId } = parse(GetQueueUrlInput, input);
  if (!state.queues.has(QueueName) || (QueueOwnerAWSAccountId ?? LOCAL_ACCOUNT) !== LOCAL_ACCOUNT) throw SqsFault.queueDoesNotExist();
  return { QueueUrl: queueUrl(state.endpoint, QueueName) };
}

const ACTIONS: Readonly<Record<string, (state: SqsEndpointState, input: unknown) => object>> = {
  SendMessage: sendMessage,
  SendMessageBatch: sendMessageBatch,
  GetQueueUrl: getQueueUrl,
};

/** Runs one SQS action against the local queues: its JSON output, or an SqsFault. */
export function runAction(state: SqsEndpointState, action: string, input: unknown): object {
  const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (run === undefined) {
    throw SqsFault.unsupportedOperation(`The local SQS endpoint does not serve ${action}: its queues are consumed in-process, not polled.`);
  }
  return run(state, input);
}
