import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiRequest } from '../../../functions/handlers/api/api-request.ts';
import { callerScope } from '../../../functions/handlers/api/caller-scope.ts';
import { apiEvent, apiReply } from '../../../functions/local/web/api-bridge.ts';
import { sessionCookie, sessionScope } from '../../../functions/local/web/session-cookie.ts';

const request = (method: string, headers: Record<string, string>) =>
  ({ method, headers, httpVersion: '1.1', socket: { remoteAddress: '127.0.0.1' } }) as unknown as IncomingMessage;

describe('the local API bridge', () => {
  it('hands the api function the session’s scope as the claims Cognito would put in an ID token', () => {
    const url = new URL('http://127.0.0.1:8080/api/requirements/a%2Fb/units?status=overdue');
    const event = apiEvent(request('GET', {}), url, Buffer.alloc(0), { kind: 'district_office', code: 'PGD-A' });
    const parsed = apiRequest(event);
    expect(callerScope(parsed.claims)).toEqual({ kind: 'district_office', code: 'PGD-A' });
    expect(parsed).toMatchObject({ method: 'GET', path: '/api/requirements/a%2Fb/units', query: { status: 'overdue' } });
  });

  it('sends no claims without a session, so the function answers 401', () => {
    const event = apiEvent(request('GET', {}), new URL('http://127.0.0.1/api/me'), Buffer.alloc(0), undefined);
    expect(() => callerScope(apiRequest(event).claims)).toThrowError(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('passes JSON through as text and anything else base64-encoded, as API Gateway does', () => {
    const json = apiEvent(request('POST', { 'content-type': 'application/json' }), new URL('http://127.0.0.1/api/uploads'), Buffer.from('{"a":"Hà"}'), undefined);
    expect(json).toMatchObject({ body: '{"a":"Hà"}', isBase64Encoded: false });
    expect(apiRequest(json).body()).toEqual({ a: 'Hà' });
    const binary = apiEvent(request('POST', { 'content-type': 'application/octet-stream' }), new URL('http://127.0.0.1/api/x'), Buffer.from([0xff, 0x00]), undefined);
    expect(binary).toMatchObject({ body: '/wA=', isBase64Encoded: true });
  });

  it('joins a repeated query parameter with commas', () => {
    const event = apiEvent(request('GET', {}), new URL('http://127.0.0.1/api/x?s=a&s=b'), Buffer.alloc(0), undefined);
    expect(event.queryStringParameters).toEqual({ s: 'a,b' });
  });

  it('decodes a base64 result (a workbook) back to its bytes', () => {
    const reply = apiReply({ statusCode: 200, headers: { 'Content-Type': 'application/zip' }, body: Buffer.from([1, 2, 3]).toString('base64'), isBase64Encoded: true });
    expect(reply).toEqual({ status: 200, headers: { 'content-type': 'application/zip' }, body: Buffer.from([1, 2, 3]) });
  });
});

describe('the local session cookie', () => {
  it('reads back the scope it was written with, among other cookies', () => {
    const cookie = sessionCookie({ kind: 'unit', code: 'THCS-A1' }).split(';')[0];
    expect(sessionScope(`theme=dark; ${cookie}; x=1`)).toEqual({ kind: 'unit', code: 'THCS-A1' });
  });

  it('is HttpOnly and SameSite=Lax', () => {
    expect(sessionCookie({ kind: 'department', code: 'SGD' })).toMatch(/; HttpOnly; SameSite=Lax$/);
  });

  it('ignores a cookie that names no valid scope', () => {
    for (const value of ['admin%3ASGD', 'unit%3A', 'unit%3ASGD%23x', '%E0%A4%A', 'department']) {
      expect(sessionScope(`dondoc_local_scope=${value}`)).toBeUndefined();
    }
    expect(sessionScope(undefined)).toBeUndefined();
  });
});
