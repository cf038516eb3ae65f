import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AdapterError } from '../../adapters/adapter-error.ts';
import { DondocError, type DondocErrorCode } from '../../core/errors.ts';

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/* The one place where typed errors become HTTP statuses; a code not listed is a server fault. */
const STATUS_BY_CODE: Partial<Record<DondocErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

const INTERNAL = 'Lỗi hệ thống, vui lòng thử lại sau / Internal error, please try again later';
const BUSY = 'Hệ thống đang bận, vui lòng thử lại sau ít phút / The service is busy, please retry in a few minutes';

export function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: HEADERS, body: JSON.stringify(body) };
}

/** A download: the HTTP API passes `isBase64Encoded` bodies on to the browser as bytes. */
export class FileBody {
  constructor(
    readonly fileName: string,
    readonly contentType: string,
    readonly bytes: Buffer,
  ) {}
}

/* RFC 6266: an ASCII fallback name for old clients, the UTF-8 one for the rest. */
function fileResponse(file: FileBody): APIGatewayProxyStructuredResultV2 {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    statusCode: 200,
    isBase64Encoded: true,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
    },
    body: file.bytes.toString('base64'),
  };
}

/** A route's answer as the HTTP API wants it: a file as bytes, anything else as JSON. */
export function success(body: unknown): APIGatewayProxyStructuredResultV2 {
  return body instanceof FileBody ? fileResponse(body) : json(200, body);
}

export function statusOf(error: unknown): number {
  if (error instanceof DondocError) return STATUS_BY_CODE[error.code] ?? 500;
  if (error instanceof AdapterError && error.retryable) return 503;
  return 500;
}

/** Client errors say what was wrong (their messages are written for users); server errors say nothing of their cause. */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  const statusCode = statusOf(error);
  if (error instanceof DondocError && statusCode < 500) {
    return json(statusCode, { error: { code: error.code, message: error.message, ...fieldOf(error.details) } });
  }
  if (statusCode === 503) return json(503, { error: { code: 'UNAVAILABLE', message: BUSY } });
  return json(500, { error: { code: 'INTERNAL', message: INTERNAL } });
}

function fieldOf(details: unknown): { field?: string } {
  return typeof details === 'object' && details !== null && 'field' in details && typeof details.field === 'string' ? { field: details.field } : {};
}
