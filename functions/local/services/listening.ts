import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Waits for an HTTP server to listen on loopback and returns its base URL. */
export async function listenOnLoopback(server: Server, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((err) => (err ? reject(err) : resolve()));
  });
}

export interface LocalService {
  /** what the SDK clients are pointed at */
  endpoint: string;
  stop(): Promise<void>;
}
