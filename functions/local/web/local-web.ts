import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Catalog } from '../../core/catalog/schema.ts';
import type { StateStore } from '../../core/ports/state-store.ts';
import { closeServer, listenOnLoopback } from '../services/listening.ts';
import { readCompliance } from '../stack/read-compliance.ts';
import { overviewPage, unitPage } from './pages.ts';

export interface LocalWebDeps {
  store: StateStore;
  catalog: Catalog;
  mailboxUrl: string;
  /** runs the scheduled run of `run` at `asOf` (time travel) */
  runSchedule: (run: 'daily' | 'digest', asOf?: string) => Promise<unknown>;
}

export interface LocalWeb {
  url: string;
  /** the stack starts after the server (emails need its URL); pages answer 503 until then */
  attach(deps: LocalWebDeps): void;
  stop(): Promise<void>;
}

const ScheduleQuery = z.object({ run: z.enum(['daily', 'digest']).default('daily'), asOf: z.string().optional() });

/** The minimal local page: the province's statuses, each unit's page, and the time-travel hook. */
export async function startLocalWeb(port: number): Promise<LocalWeb> {
  let deps: LocalWebDeps | undefined;
  const server: Server = createServer((req, res) => {
    if (deps === undefined) return send(res, 503, 'text/plain; charset=utf-8', 'Đang khởi động… / starting…');
    route(deps, req, res).catch((err: unknown) => send(res, 500, 'text/plain; charset=utf-8', `Lỗi / error: ${err instanceof Error ? err.message : String(err)}`));
  });
  const url = await listenOnLoopback(server, port);
  return {
    url,
    attach: (d) => {
      deps = d;
    },
    stop: () => closeServer(server),
  };
}

async function route(deps: LocalWebDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const links = { mailbox: deps.mailboxUrl };
  if (req.method === 'GET' && url.pathname === '/') {
    return send(res, 200, 'text/html; charset=utf-8', overviewPage(await readCompliance(deps.store, deps.catalog), links));
  }
  const unitPath = /^\/units\/([^/]+)$/.exec(url.pathname);
  if (req.method === 'GET' && unitPath?.[1] !== undefined) {
    const code = decodeURIComponent(unitPath[1]);
    const unit = await deps.store.getUnit(code);
    if (!unit) return send(res, 404, 'text/plain; charset=utf-8', `Không có đơn vị ${code} / no such unit`);
    return send(res, 200, 'text/html; charset=utf-8', unitPage(unit, await deps.store.getStatuses(code), links));
  }
  if (req.method === 'POST' && url.pathname === '/local/schedule') {
    const query = ScheduleQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return send(res, 400, 'application/json', JSON.stringify({ error: query.error.issues }));
    return send(res, 200, 'application/json', JSON.stringify(await deps.runSchedule(query.data.run, query.data.asOf)));
  }
  return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy / not found');
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
