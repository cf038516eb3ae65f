import { z } from 'zod';
import { DondocError } from '../../core/errors.ts';

/* The HTTP API (payload 2.0) event, as far as the routes read it. */
const HttpApiEvent = z.object({
  rawPath: z.string(),
  requestContext: z.object({
    http: z.object({ method: z.string() }),
    authorizer: z.object({ jwt: z.object({ claims: z.record(z.string(), z.unknown()) }) }).optional(),
  }),
  queryStringParameters: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().default(false),
});

export interface ApiRequest {
  method: string;
  path: string;
  claims: unknown;
  query: Record<string, string>;
  /** the JSON body; read only by the routes that take one */
  body: () => unknown;
}

export function apiRequest(event: unknown): ApiRequest {
  const parsed = HttpApiEvent.parse(event);
  return {
    method: parsed.requestContext.http.method.toUpperCase(),
    path: parsed.rawPath,
    claims: parsed.requestContext.authorizer?.jwt.claims,
    query: parsed.queryStringParameters ?? {},
    body: () => jsonBody(parsed.body, parsed.isBase64Encoded),
  };
}

function jsonBody(body: string | undefined, base64: boolean): unknown {
  const text = base64 && body !== undefined ? Buffer.from(body, 'base64').toString('utf8') : body;
  try {
    return JSON.parse(text ?? '') as unknown;
  } catch {
    throw new DondocError('INVALID_ARGUMENT', 'Nội dung yêu cầu không phải JSON / The request body is not JSON', { field: 'body' });
  }
}
