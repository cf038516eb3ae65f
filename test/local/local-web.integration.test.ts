import { get } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { runLocal, type RunningLocal } from '../../functions/local/run-local.ts';
import { LOCAL_NAMES } from '../../functions/local/stack/local-names.ts';
import { startLocalWeb } from '../../functions/local/web/local-web.ts';
import { IDENTITY, STUDENTS_CSV, UNITS_CSV } from './small-province.ts';

const AS_OF = '2023-05-25T08:00:00+07:00';

/*
 * The local web server as the browser meets it: the local sign-in's cookie becomes the JWT
 * claims the api function reads, the dashboard is served as a single-page app, and a
 * presigned POST goes cross-origin to s3rver and reaches the ingest like any upload.
 */
describe('the local web server', () => {
  let dataDir: string;
  let running: RunningLocal;
  const store = () => new DynamoStateStore(DynamoDBDocumentClient.from(running.stack.dynamodb), LOCAL_NAMES.table);

  const signIn = async (code: string) => {
    const res = await fetch(`${running.web.url}/local/sign-in`, { method: 'POST', body: new URLSearchParams({ code }), redirect: 'manual' });
    expect(res.status).toBe(303);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-web-'));
    running = await runLocal({ dataDir, port: 0, demo: undefined, department: 'SGD', logLevel: 'WARN', clock: false, buildDashboard: false, print: () => undefined });
    await running.stack.upload('snapshots/units/demo/units.csv', UNITS_CSV, { asOf: AS_OF });
    await running.stack.idle();
  });

  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('offers the department, the office and the school on the sign-in page, and no person', async () => {
    const page = await (await fetch(`${running.web.url}/local/sign-in`)).text();
    for (const code of ['SGD', 'PGD-A', 'THCS-A1']) expect(page).toContain(`data-testid="sign-in-${code}"`);
    expect(page).not.toContain('@');
  });

  it('answers the API as the signed-in scope, and 401 without a session', async () => {
    expect((await fetch(`${running.web.url}/api/me`)).status).toBe(401);
    const cookie = await signIn('PGD-A');
    expect(cookie).toMatch(/^dondoc_local_scope=/);
    const me = await fetch(`${running.web.url}/api/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ kind: 'district_office', code: 'PGD-A' });
    const school = await fetch(`${running.web.url}/api/units/THCS-A1`, { headers: { cookie } });
    expect(school.status).toBe(200);
    const signedOut = await fetch(`${running.web.url}/local/sign-out`, { redirect: 'manual' });
    expect(signedOut.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('refuses a school another school’s page', async () => {
    const cookie = await signIn('THCS-A1');
    expect((await fetch(`${running.web.url}/api/units/PGD-A`, { headers: { cookie } })).status).toBe(403);
  });

  it('takes a presigned POST from another origin into s3rver, and the ingest applies it', async () => {
    const cookie = await signIn('THCS-A1');
    const body = Buffer.from(STUDENTS_CSV);
    const grant = await fetch(`${running.web.url}/api/uploads`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ unit: 'THCS-A1', entity: 'students', fileName: 'Học sinh 6A.csv', contentType: 'text/csv', size: body.length, asOf: AS_OF }),
    });
    expect(grant.status).toBe(200);
    const { url, fields } = (await grant.json()) as { url: string; fields: Record<string, string> };
    expect(url.startsWith(running.stack.endpoints.s3)).toBe(true);
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([body], { type: 'text/csv' }), 'hs.csv');
    const posted = await fetch(url, { method: 'POST', body: form, headers: { origin: running.web.url } });
    expect(posted.status).toBe(204);
    expect(posted.headers.get('access-control-allow-origin')).toBe('*');
    await running.stack.idle();
    const status = (await store().getStatuses('THCS-A1')).find((s) => s.requirement === IDENTITY);
    expect(status).toMatchObject({ total: 2, failing: 1, failingCodes: ['HS2'] });
  });

  it('lets the browser’s preflight through for the bucket', async () => {
    const res = await fetch(`${running.stack.endpoints.s3}/${LOCAL_NAMES.bucket}`, {
      method: 'OPTIONS',
      headers: { origin: running.web.url, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('the dashboard as a single-page app', () => {
  let dist: string;
  let web: Awaited<ReturnType<typeof startLocalWeb>>;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'dondoc-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>dondoc</title><script src="/assets/app-1a2b.js"></script>');
    await writeFile(join(dist, 'assets', 'app-1a2b.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
    web = await startLocalWeb(0, dist);
    web.attach({ api: undefined as never, department: 'SGD', mailboxUrl: 'http://127.0.0.1:1/', runSchedule: async () => undefined });
  });

  afterAll(async () => {
    await web?.stop();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves the index page for any app path, and 404 for a missing asset', async () => {
    const page = await fetch(`${web.url}/don-vi/THCS-A1`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>dondoc</title>');
    expect((await fetch(`${web.url}/assets/missing-0000.js`)).status).toBe(404);
    expect(await (await fetch(`${web.url}/..%2f..%2f..%2f..%2fetc%2fpasswd`)).text()).not.toContain('root:');
  });

  it('reads // and /\\ as paths and refuses a target that is no path, where they were a 500', async () => {
    const statusOf = (path: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        get(`${web.url}/`, { path }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });
    expect(await statusOf('//')).toBe(200);
    expect(await statusOf('/\\')).toBe(200);
    expect(await statusOf('http://127.0.0.1:1/x')).toBe(400);
  });

  it('serves hashed assets compressed, with a long cache', async () => {
    const res = await fetch(`${web.url}/assets/app-1a2b.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    /* fetch decodes the body itself; the length on the wire is what was compressed. */
    expect(Number(res.headers.get('content-length'))).toBeLessThan(500);
    expect(await res.text()).toContain('xxxx');
  });

  it('says how to build the dashboard when it is not built', async () => {
    const empty = await startLocalWeb(0, join(dist, 'missing'));
    try {
      empty.attach({ api: undefined as never, department: 'SGD', mailboxUrl: 'http://127.0.0.1:1/', runSchedule: async () => undefined });
      const res = await fetch(`${empty.url}/tong-quan`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:dashboard');
    } finally {
      await empty.stop();
    }
  });

  it('tells the page it signs in locally', async () => {
    expect(await (await fetch(`${web.url}/config.json`)).json()).toEqual({ auth: 'local' });
  });
});
