/** Typed failures of the core. Callers branch on `code`, never on message text. */
export type DondocErrorCode =
  | 'INVALID_SNAPSHOT'
  | 'UNKNOWN_ENTITY'
  | 'UNSUPPORTED_FORMAT'
  | 'INVALID_CATALOG'
  | 'INVALID_INSTANT'
  | 'INVALID_ARGUMENT'
  /** a service of the local stack (dynalite, s3rver, aws-ses-v2-local) misbehaved */
  | 'LOCAL_SERVICE'
  /** an AWS service refused a request or could not be reached (S3, for `dondoc upload --bucket`) */
  | 'AWS_SERVICE'
  /** the person stopped a long command (Ctrl-C) before it finished */
  | 'INTERRUPTED'
  /** the caller's identity (dashboard token claims) is missing or unusable */
  | 'UNAUTHENTICATED'
  /** the caller is known but the thing asked for is outside their scope */
  | 'FORBIDDEN'
  /** the thing asked for does not exist (a unit not in the registry, a route) */
  | 'NOT_FOUND';

export class DondocError extends Error {
  constructor(
    readonly code: DondocErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DondocError';
  }
}
