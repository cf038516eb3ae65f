import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, type LocalService } from '../services/listening.ts';
import type { LocalQueue } from './local-queue.ts';
import { runAction, type SqsEndpointState } from './sqs-actions.ts';
import { SqsFault } from './sqs-fault.ts';

const JSON_1_0 = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AmazonSQS.';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw SqsFault.invalidParameterValue('The request body is not JSON.');
  }
}

async function answer(state: SqsEndpointState, req: IncomingMessage): Promise<string> {
  const body = await readBody(req);
  const target = req.headers['x-amz-target'];
  if (req.method !== 'POST' || typeof target !== 'string' || !target.startsWith(TARGET_PREFIX) || !req.headers['content-type']?.startsWith(JSON_1_0)) {
    throw SqsFault.unsupportedOperation('The local SQS endpoint speaks only the AWS JSON 1.0 protocol: POST / with x-amz-target AmazonSQS.<Action>.');
  }
  return JSON.stringify(runAction(state, target.slice(TARGET_PREFIX.length), parseJson(body)));
}

/* Anything but an SqsFault is a fault of this endpoint or of a queue: the SDK gets a 500 carrying its message. */
function faultAnswer(error: unknown): { status: number; headers: Record<string, string>; body: string } {
  const fault = error instanceof SqsFault ? error : SqsFault.internal(error instanceof Error ? error.message : String(error));
  return fault.toResponse();
}

/**
 * The SQS API on loopback for the producers (SqsOutbox through @aws-sdk/client-sqs): messages
 * sent here land in the matching LocalQueue, which hands them to its consumer in-process.
 * Queue URLs are `${endpoint}/000000000000/<name>`.
 */
export async function startLocalSqs(queues: ReadonlyMap<string, LocalQueue>, opts: { port?: number } = {}): Promise<LocalService> {
  const state: { endpoint: string; queues: ReadonlyMap<string, LocalQueue> } = { endpoint: '', queues };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void answer(state, req)
      .then((body) => ({ status: 200, headers: {}, body }), faultAnswer)
      .then(({ status, headers, body }) => {
        res.writeHead(status, { ...headers, 'content-type': JSON_1_0, 'x-amzn-requestid': randomUUID() });
        res.end(body);
      });
  });
  state.endpoint = await listenOnLoopback(server, opts.port ?? 0);
  return { endpoint: state.endpoint, stop: () => closeServer(server) };
}
