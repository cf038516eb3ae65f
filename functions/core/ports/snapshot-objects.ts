import type { SnapshotInput } from '../snapshot/snapshot-input.ts';
import type { ValidationReport } from '../snapshot/validation-report.ts';

/** One uploaded snapshot object, located exactly (key and version). */
export interface SnapshotObject {
  key: string;
  version: string;
  /** the `as-of` metadata when the uploader set it, else the upload time */
  asOf: number;
  /** the `as-of` metadata as set, when it names no instant: the object is then refused, its as-of unknown */
  unreadableAsOf?: string;
  /** the unit that uploaded it (`unit` metadata), when known */
  uploader?: string;
  input: SnapshotInput;
}

export interface QuarantinedObject {
  quarantineKey: string;
  reportKey: string;
}

/**
 * The snapshot bucket as the pipeline sees it. S3 implements it on AWS and locally
 * (s3rver); the raw object is never lost: a rejected file is copied before it is removed.
 */
export interface SnapshotObjects {
  /** undefined when the object (or that version) no longer exists */
  get(key: string, version?: string): Promise<SnapshotObject | undefined>;
  /** copies the object under quarantine/, writes the report under reports/, then removes the original */
  quarantine(object: SnapshotObject, report: ValidationReport): Promise<QuarantinedObject>;
  /** the validation report `quarantine` wrote; undefined when it is gone (lifecycle expiry) */
  readReport(reportKey: string): Promise<ValidationReport | undefined>;
}
