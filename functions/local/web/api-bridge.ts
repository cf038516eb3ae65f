import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Scope } from '../../core/access/scope.ts';

/* API Gateway passes text bodies through and base64-encodes the rest; the handler reads both. */
const TEXT_BODY = /^(text\/|application\/(json|x-www-form-urlencoded)\b)/;

export interface ApiReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The HTTP API (payload 2.0) event API Gateway would hand the api function for this request,
 * with the JWT authorizer's claims of the local session: Cognito puts the scope in
 * `custom:scope_kind` / `custom:scope_code`; no session means no claims, as for a bad token.
 */
export function apiEvent(req: IncomingMessage, url: URL, body: Buffer, scope: Scope | undefined): APIGatewayProxyEventV2WithJWTAuthorizer {
  const method = req.method ?? 'GET';
  const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]));
  const query = new Map<string, string>();
  /* Repeated parameters arrive comma-joined, as API Gateway joins them. */
  for (const [name, value] of url.searchParams) query.set(name, query.has(name) ? `${query.get(name)},${value}` : value);
  const text = TEXT_BODY.test(headers['content-type'] ?? '');
  const now = Date.now();
  const claims: Record<string, string> = scope === undefined ? {} : { 'custom:scope_kind': scope.kind, 'custom:scope_code': scope.code, token_use: 'id' };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(query.size === 0 ? {} : { queryStringParameters: Object.fromEntries(query) }),
    ...(body.length === 0 ? {} : { body: text ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: body.length > 0 && !text,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
      domainName: url.host,
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: `local-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
  };
}

/** What API Gateway sends back for a function's structured result: base64 bodies decoded, headers as given. */
export function apiReply(result: APIGatewayProxyStructuredResultV2): ApiReply {
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  const body = Buffer.from(result.body ?? '', result.isBase64Encoded === true ? 'base64' : 'utf8');
  return { status: result.statusCode ?? 200, headers, body };
}
