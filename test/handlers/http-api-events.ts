import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ScopeKind } from '../../functions/core/access/scope.ts';
import { eventFixture } from './sns-events.ts';

export type Claims = Record<string, string>;

export interface ApiCall {
  method?: 'GET' | 'POST';
  /** the path as the HTTP API hands it over (already percent-decoded, `%2F` included) */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** undefined: a request without an authorizer context at all */
  claims: Claims | undefined;
}

const template = () => eventFixture<APIGatewayProxyEventV2WithJWTAuthorizer>('http-api-v2-jwt.json');

/** The ID-token claims of the fixture, for a user of this scope. */
export function userClaims(kind: ScopeKind | string, code: string): Claims {
  const claims = template().requestContext.authorizer.jwt.claims as Claims;
  return { ...claims, 'custom:scope_kind': kind, 'custom:scope_code': code };
}

export function apiEvent({ method = 'GET', path, query, body, claims }: ApiCall): APIGatewayProxyEventV2WithJWTAuthorizer {
  const base = template();
  const routeKey = method === 'POST' ? 'POST /api/uploads' : 'GET /api/{proxy+}';
  const event = {
    ...base,
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    ...(query === undefined ? {} : { queryStringParameters: query }),
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    pathParameters: method === 'POST' ? {} : { proxy: path.replace(/^\/api\//, '') },
    requestContext: {
      ...base.requestContext,
      routeKey,
      http: { ...base.requestContext.http, method, path },
      authorizer: { ...base.requestContext.authorizer, jwt: { ...base.requestContext.authorizer.jwt, claims: claims ?? {} } },
    },
  };
  if (claims === undefined) delete (event.requestContext as { authorizer?: unknown }).authorizer;
  return event;
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface ApiReply<T> {
  status: number;
  body: T;
  raw: string;
  headers: APIGatewayProxyStructuredResultV2['headers'];
}

/** The handler's result with its JSON body parsed as `T` (the route's response type, or an error). */
export function reply<T = ErrorBody>(result: APIGatewayProxyStructuredResultV2): ApiReply<T> {
  const raw = result.body ?? '';
  return { status: result.statusCode ?? 200, body: JSON.parse(raw) as T, raw, headers: result.headers };
}
