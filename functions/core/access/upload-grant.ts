import { foldText } from '../catalog/fold-text.ts';
import { SNAPSHOTS_PREFIX } from '../snapshot/object-keys.ts';
import type { EntityKind } from '../snapshot/entities.ts';

/** The largest snapshot the dashboard lets a unit upload; a province-wide students file stays well under it. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const GZIP = ['application/gzip', 'application/x-gzip'];

/*
 * The ingest picks the format by the key's suffix (snapshot-format.md), so the suffix decides
 * which content types make sense. Longest suffixes first: `.csv.gz` before `.csv`. Windows
 * browsers label CSV files `application/vnd.ms-excel` when Excel is installed.
 */
const CONTENT_TYPES_BY_SUFFIX: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['.csv.gz', GZIP],
  ['.ndjson.gz', GZIP],
  ['.csv', ['text/csv', 'application/vnd.ms-excel']],
  ['.xlsx', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
  ['.ndjson', ['application/x-ndjson', 'application/ndjson']],
];

/** The content types an upload named `fileName` may declare; none when the suffix is not a snapshot format. */
export function contentTypesFor(fileName: string): readonly string[] {
  const lower = fileName.toLowerCase();
  return CONTENT_TYPES_BY_SUFFIX.find(([suffix]) => lower.endsWith(suffix))?.[1] ?? [];
}

export interface UploadRequest {
  unit: string;
  entity: EntityKind;
  fileName: string;
  contentType: string;
  /** the snapshot's as-of instant, epoch milliseconds */
  asOf?: number;
}

/** What a presigned upload allows, before any signing: the signer turns it into a POST policy. */
export interface UploadGrant {
  key: string;
  /** every key the grant may write starts with this */
  keyPrefix: string;
  contentType: string;
  maxBytes: number;
  /** object metadata, without the `x-amz-meta-` prefix */
  metadata: Record<string, string>;
}

/*
 * Browsers send file names as people wrote them ("Danh sách HS 10A.xlsx"); keys stay ASCII so
 * that S3 notifications, logs and the CLI show them without any encoding.
 */
export function objectName(fileName: string): string {
  return foldText(fileName).replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+/, '');
}

/** Uploads land under `snapshots/<entity>/<unit>/`, tagged with the unit they are for. */
export function uploadGrant(request: UploadRequest): UploadGrant {
  const keyPrefix = `${SNAPSHOTS_PREFIX}${request.entity}/${request.unit}/`;
  return {
    key: `${keyPrefix}${objectName(request.fileName)}`,
    keyPrefix,
    contentType: request.contentType,
    maxBytes: MAX_UPLOAD_BYTES,
    metadata: {
      unit: request.unit,
      ...(request.asOf === undefined ? {} : { 'as-of': new Date(request.asOf).toISOString() }),
    },
  };
}
