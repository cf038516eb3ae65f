import { createRequire } from 'node:module';
import { closeServer, type LocalService } from './listening.ts';

export interface LocalSes extends LocalService {
  /** the mailbox page: every email sent, as a person reads it */
  mailboxUrl: string;
}

/* A CommonJS module with `exports.default`, which ESM loaders disagree on (Node hands over the
   module object, vitest the function): require gives the same answer everywhere. */
const { default: startServer } = createRequire(import.meta.url)('aws-ses-v2-local') as typeof import('aws-ses-v2-local');

/** aws-ses-v2-local: the SES API (v1 and v2) on loopback, with a mailbox page and a JSON store. */
export async function startLocalSes(opts: { port?: number } = {}): Promise<LocalSes> {
  const server = await startServer({ host: '127.0.0.1', port: opts.port ?? 0 });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new TypeError('aws-ses-v2-local did not bind a TCP port');
  const endpoint = `http://127.0.0.1:${address.port}`;
  return { endpoint, mailboxUrl: `${endpoint}/`, stop: () => closeServer(server) };
}
