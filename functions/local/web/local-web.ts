import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ApiDeps } from '../../handlers/api/api-deps.ts';
import { closeServer, listenOnLoopback } from '../services/listening.ts';
import { apiEvent, apiReply } from './api-bridge.ts';
import { encode, pickEncoding } from './compression.ts';
import { DASHBOARD_DIST } from './dashboard-build.ts';
import { demoUsers, scopeOf } from './demo-users.ts';
import { clearedSessionCookie, sessionCookie, sessionScope } from './session-cookie.ts';
import { signInPage } from './sign-in-page.ts';
import { StaticSite } from './static-site.ts';

export interface LocalWebDeps {
  api: ApiDeps;
  /** the department's unit code: the first demo user */
  department: string;
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
const SignInForm = z.object({ code: z.string().min(1) });

/* A snapshot travels straight to the bucket; what reaches the API is JSON of a few kilobytes. */
const MAX_BODY_BYTES = 1024 * 1024;

const TEXT = 'text/plain; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const NOT_BUILT =
  'Chưa có bảng điều khiển: hãy chạy `npm run build:dashboard` (hoặc khởi động lại `npm start`, lệnh tự dựng khi cần).\n' +
  'The dashboard is not built: run `npm run build:dashboard`.';

/**
 * The local stand-in for CloudFront + API Gateway + Cognito: the built dashboard, its
 * /config.json, /api/* handed to the api function as HTTP API events carrying the local
 * session's claims, the local sign-in, and the time-travel hook.
 */
export async function startLocalWeb(port: number, dist = DASHBOARD_DIST): Promise<LocalWeb> {
  let deps: LocalWebDeps | undefined;
  const site = new StaticSite(dist);
  const server: Server = createServer((req, res) => {
    if (deps === undefined) return send(req, res, 503, TEXT, 'Đang khởi động… / starting…');
    route(deps, site, req, res).catch((err: unknown) => send(req, res, 500, TEXT, `Lỗi / error: ${err instanceof Error ? err.message : String(err)}`));
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

/**
 * The request's target as a URL of this site. Read against a base, `//` and `/\` named a host
 * and failed as an Invalid URL (a 500); put after the origin they are paths. A target that is
 * no path (an absolute URL, `*`) is not for this server.
 */
function targetUrl(target = '/'): URL | undefined {
  const url = `http://127.0.0.1${target}`;
  return target.startsWith('/') && URL.canParse(url) ? new URL(url) : undefined;
}

async function route(deps: LocalWebDeps, site: StaticSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = targetUrl(req.url);
  if (url === undefined) return send(req, res, 400, TEXT, 'Đường dẫn không hợp lệ / not a path of this site');
  const method = req.method ?? 'GET';
  const scope = sessionScope(req.headers.cookie);
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    const body = await readBody(req);
    if (body === undefined) return send(req, res, 413, JSON_TYPE, JSON.stringify({ error: { code: 'INVALID_ARGUMENT', message: 'Yêu cầu quá lớn / Request too large' } }));
    /* Imported on first use, as the stack imports the other handlers: Powertools reads the environment the stack sets when the module loads. */
    const { handleApiRequest } = await import('../../handlers/api.ts');
    const reply = apiReply(await handleApiRequest(deps.api, apiEvent(req, url, body, scope)));
    return send(req, res, reply.status, reply.headers['content-type'] ?? JSON_TYPE, reply.body, reply.headers);
  }
  if (method === 'GET' && url.pathname === '/config.json') return send(req, res, 200, JSON_TYPE, JSON.stringify({ auth: 'local' }));
  if (method === 'GET' && url.pathname === '/local/sign-in') {
    return send(req, res, 200, HTML, signInPage({ users: await demoUsers(deps.api.store, deps.department), current: scope, mailboxUrl: deps.mailboxUrl }));
  }
  if (method === 'POST' && url.pathname === '/local/sign-in') return signIn(deps, req, res);
  if (url.pathname === '/local/sign-out') return redirect(res, '/local/sign-in', clearedSessionCookie());
  if (method === 'GET' && url.pathname === '/local/mailbox') return redirect(res, deps.mailboxUrl);
  if (method === 'POST' && url.pathname === '/local/schedule') {
    const query = ScheduleQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return send(req, res, 400, JSON_TYPE, JSON.stringify({ error: query.error.issues }));
    return send(req, res, 200, JSON_TYPE, JSON.stringify(await deps.runSchedule(query.data.run, query.data.asOf)));
  }
  if (method !== 'GET' && method !== 'HEAD') return send(req, res, 405, TEXT, 'Phương thức không được hỗ trợ / method not allowed');
  const file = await site.get(url.pathname, req.headers['accept-encoding']);
  if (file === undefined) return send(req, res, 503, TEXT, NOT_BUILT);
  res.writeHead(file.status, { ...file.headers, 'content-length': String(file.body.length) });
  res.end(method === 'HEAD' ? undefined : file.body);
}

/* Any unit of the registry may sign in, with the scope its kind gives; the form names only the code. */
async function signIn(deps: LocalWebDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = SignInForm.safeParse(Object.fromEntries(new URLSearchParams((await readBody(req))?.toString('utf8') ?? '')));
  const unit = form.success ? await deps.api.store.getUnit(form.data.code) : undefined;
  if (unit === undefined) return send(req, res, 400, TEXT, 'Không có đơn vị này trong danh mục / no such unit');
  return redirect(res, '/', sessionCookie(scopeOf(unit)));
}

function redirect(res: ServerResponse, location: string, cookie?: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...(cookie === undefined ? {} : { 'set-cookie': cookie }) });
  res.end();
}

/** The request body, or undefined when it is larger than an API request can be. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  const plain = typeof body === 'string' ? Buffer.from(body) : body;
  const encoding = pickEncoding(req.headers['accept-encoding'], type, plain.length);
  const payload = encoding === undefined ? plain : encode(plain, encoding, 'fast');
  res.writeHead(status, {
    'cache-control': 'no-store',
    ...extra,
    'content-type': type,
    'content-length': String(payload.length),
    vary: 'accept-encoding',
    ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}
