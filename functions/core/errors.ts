/** Typed failures of the core. Callers branch on `code`, never on message text. */
export type DondocErrorCode =
  | 'INVALID_SNAPSHOT'
  | 'UNKNOWN_ENTITY'
  | 'UNSUPPORTED_FORMAT'
  | 'INVALID_CATALOG'
  | 'INVALID_INSTANT'
  | 'INVALID_ARGUMENT'
  /** a service of the local stack (dynalite, s3rver, aws-ses-v2-local) misbehaved */
  | 'LOCAL_SERVICE';

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
