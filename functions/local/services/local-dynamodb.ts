import dynalite from 'dynalite';
import { closeServer, listenOnLoopback, type LocalService } from './listening.ts';

export interface LocalDynamoOptions {
  /** a LevelDB folder that keeps the tables across restarts; in memory when absent */
  path?: string;
  /** 0 picks a free port */
  port?: number;
}

/** dynalite: the DynamoDB API on loopback, the same requests as on AWS. */
export async function startLocalDynamo(opts: LocalDynamoOptions = {}): Promise<LocalService> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(opts.path === undefined ? {} : { path: opts.path }) });
  const endpoint = await listenOnLoopback(server, opts.port ?? 0);
  return { endpoint, stop: () => closeServer(server) };
}
