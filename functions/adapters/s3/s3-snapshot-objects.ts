import { PassThrough, Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { QuarantinedObject, SnapshotObject, SnapshotObjects } from '../../core/ports/snapshot-objects.ts';
import { quarantineKeyFor, reportKeyFor } from '../../core/snapshot/object-keys.ts';
import type { ValidationReport } from '../../core/snapshot/validation-report.ts';
import { DondocError } from '../../core/errors.ts';
import { parseInstant } from '../../core/time.ts';
import { ValidationReportSchema } from './validation-report-schema.ts';

const GONE = new Set(['NoSuchKey', 'NoSuchVersion', 'NotFound']);

/** The `as-of` metadata's instant; undefined when it names none, which the pipeline then reports. */
function instantOrUndefined(text: string): number | undefined {
  try {
    return parseInstant(text);
  } catch (err) {
    if (err instanceof DondocError && err.code === 'INVALID_INSTANT') return undefined;
    throw err;
  }
}

function isGone(err: unknown): boolean {
  return err instanceof Error && GONE.has(err.name);
}

/**
 * The snapshot bucket over S3 (s3rver locally). Bodies are streamed, never buffered whole:
 * the parsers read them as they arrive, so a province-sized workbook fits a small Lambda.
 */
export class S3SnapshotObjects implements SnapshotObjects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async get(key: string, version?: string): Promise<SnapshotObject | undefined> {
    let head;
    try {
      head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, VersionId: version }));
    } catch (err) {
      if (isGone(err)) return undefined;
      throw err;
    }
    /* An unversioned bucket (s3rver) has no version id; the ETag names the content instead,
       so the same bytes uploaded twice are recognised as one object version. */
    const resolved = head.VersionId ?? version ?? `etag-${(head.ETag ?? '').replaceAll('"', '')}`;
    const uploaded = (head.LastModified ?? new Date()).getTime();
    const metaAsOf = head.Metadata?.['as-of'];
    const asOf = metaAsOf === undefined ? uploaded : instantOrUndefined(metaAsOf);
    const uploader = head.Metadata?.['unit'];
    return {
      key,
      version: resolved,
      asOf: asOf ?? uploaded,
      ...(asOf === undefined && metaAsOf !== undefined ? { unreadableAsOf: metaAsOf } : {}),
      ...(uploader === undefined ? {} : { uploader }),
      input: { name: key, open: () => this.openBody(key, head.VersionId, head.ETag) },
    };
  }

  async quarantine(object: SnapshotObject, report: ValidationReport): Promise<QuarantinedObject> {
    const quarantineKey = quarantineKeyFor(object.key);
    const reportKey = reportKeyFor(object.key, object.version);
    const versionQuery = object.version.startsWith('etag-') ? '' : `?versionId=${encodeURIComponent(object.version)}`;
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: quarantineKey,
        CopySource: `${this.bucket}/${object.key.split('/').map(encodeURIComponent).join('/')}${versionQuery}`,
      }),
    );
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: reportKey,
        Body: JSON.stringify(report, null, 2),
        ContentType: 'application/json; charset=utf-8',
      }),
    );
    await this.s3.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: object.key, VersionId: object.version.startsWith('etag-') ? undefined : object.version }),
    );
    return { quarantineKey, reportKey };
  }

  async readReport(reportKey: string): Promise<ValidationReport | undefined> {
    let text: string;
    try {
      const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: reportKey }));
      text = (await res.Body?.transformToString('utf-8')) ?? '';
    } catch (err) {
      if (isGone(err)) return undefined;
      throw err;
    }
    return ValidationReportSchema.parse(JSON.parse(text));
  }

  private openBody(key: string, version: string | undefined, etag: string | undefined): Readable {
    const out = new PassThrough();
    this.s3
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: version, IfMatch: etag }))
      .then((res) => {
        if (!(res.Body instanceof Readable)) throw new TypeError('S3 returned a body that is not a Node stream');
        res.Body.on('error', (err) => out.destroy(err)).pipe(out);
      })
      .catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
    return out;
  }
}
