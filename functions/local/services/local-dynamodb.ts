import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DondocError } from '../../core/errors.ts';
import type { LocalService } from './listening.ts';
import { LocalStateError, UnopenableState } from './local-state-error.ts';

export interface LocalDynamoOptions {
  /** a LevelDB folder that keeps the tables across restarts; in memory when absent */
  path?: string;
  /** 0 picks a free port */
  port?: number;
}

const SERVER = fileURLToPath(new URL('./dynalite-process.ts', import.meta.url));
/* The child runs TypeScript through tsx, named by its own path: `--import tsx` is resolved from the working directory, and a start from outside the project would find none. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const ChildMessage = z.union([
  z.object({ endpoint: z.url() }),
  z.object({ unopenable: UnopenableState }),
]);

export interface LocalDynamo extends LocalService {
  /** settles with what happened if dynalite ends before `stop()` asks it to: every request after that fails */
  lost: Promise<DondocError>;
}

/** dynalite: the DynamoDB API on loopback, the same requests as on AWS, in a child process. */
export async function startLocalDynamo(opts: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  const child = fork(SERVER, [opts.path ?? '', String(opts.port ?? 0)], { execArgv: ['--import', TSX], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping = false;
  const lost = new Promise<DondocError>((resolve) => {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      const how = signal === null ? `exit code ${code}` : signal;
      const kept = opts.path === undefined ? '' : `; dữ liệu vẫn ở / its state stays in ${opts.path}`;
      resolve(new DondocError('LOCAL_SERVICE', `dynalite (DynamoDB) đã dừng ngoài dự kiến / stopped unexpectedly (${how})${kept}: chạy lại / start again`));
    });
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => {
      const said = ChildMessage.parse(message);
      if ('endpoint' in said) resolve(said.endpoint);
      else reject(new LocalStateError(opts.path ?? '', said.unopenable));
    });
    child.once('exit', (code) => reject(new DondocError('LOCAL_SERVICE', `dynalite exited before listening (code ${code})`)));
  });
  return {
    endpoint,
    lost,
    async stop() {
      stopping = true;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
