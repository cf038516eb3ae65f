import sesModule from 'aws-ses-v2-local';
import { closeServer, type LocalService } from './listening.ts';

export interface LocalSes extends LocalService {
  /** the mailbox page: every email sent, as a person reads it */
  mailboxUrl: string;
}

/** aws-ses-v2-local: the SES API (v1 and v2) on loopback, with a mailbox page and a JSON store. */
export async function startLocalSes(opts: { port?: number } = {}): Promise<LocalSes> {
  /* A CommonJS module with `exports.default`: under NodeNext the default import is the module object. */
  const server = await sesModule.default({ host: '127.0.0.1', port: opts.port ?? 0 });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new TypeError('aws-ses-v2-local did not bind a TCP port');
  const endpoint = `http://127.0.0.1:${address.port}`;
  return { endpoint, mailboxUrl: `${endpoint}/`, stop: () => closeServer(server) };
}
