import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { DondocError, type DondocErrorCode } from '../../core/errors.ts';
import { validateSnapshot, fileInput } from '../../core/snapshot/open-snapshot.ts';
import { SNAPSHOTS_PREFIX } from '../../core/snapshot/object-keys.ts';
import { formatVn, vnDate } from '../../core/time.ts';
import { S3RVER_CREDENTIALS } from '../../local/services/local-s3.ts';
import { readStackFile } from '../../local/stack/stack-file.ts';
import { PathOption, resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { formatValidationReport } from '../format-validation-report.ts';
import { systemFailure } from '../system-error.ts';
import { BadInputError, invalidOptions, UsageError } from '../usage-error.ts';

const UploadOptions = z.object({
  bucket: z.string().trim().min(1, 'tên bucket trống / the bucket name is empty').optional(),
  local: z.boolean().optional(),
  unit: z.string().trim().min(1, 'mã đơn vị trống / the unit code is empty').optional(),
  dataDir: PathOption.default('.dondoc'),
});

/** Where the file goes, and how a failure to put it there is reported. */
interface Target {
  bucket: string;
  client: S3Client;
  failureCode: DondocErrorCode;
  hint: string;
}

/**
 * Validates a file, then puts it under `snapshots/<entity>/<day>/` with its as-of (and unit)
 * as object metadata: the ingest takes it from there, on AWS or in the local stack.
 */
export async function uploadCommand(ctx: CliContext, file: string, raw: Record<string, unknown>): Promise<void> {
  const opts = resolveCommonOptions({ asOf: raw.asOf, entity: raw.entity }, ctx.now);
  const parsed = UploadOptions.safeParse(raw);
  if (!parsed.success) throw invalidOptions(parsed.error);
  const { bucket, local, unit, dataDir } = parsed.data;
  if ((bucket === undefined) === (local !== true)) throw new UsageError('Chọn một: --bucket <tên> hoặc --local / give exactly one of --bucket or --local');
  const report = await validateSnapshot(fileInput(file), opts.entity ? { entity: opts.entity } : undefined);
  if (!report.ok || report.entity === undefined) {
    ctx.stderr.write(formatValidationReport(report));
    throw new BadInputError(`${file}: ${report.errors} lỗi, không tải lên / errors, not uploaded`);
  }
  const target = bucket === undefined ? await localTarget(dataDir) : awsTarget(bucket);
  const key = `${SNAPSHOTS_PREFIX}${report.entity}/${vnDate(opts.asOf)}/${basename(file)}`;
  const url = `s3://${target.bucket}/${key}`;
  const Metadata: Record<string, string> = { 'as-of': formatVn(opts.asOf), ...(unit === undefined ? {} : { unit }) };
  const Body = await readFile(file);
  try {
    await target.client.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body, Metadata }));
  } catch (err) {
    throw new DondocError(target.failureCode, `${file} → ${url}: không tải lên được / not uploaded: ${s3Failure(err)}; ${target.hint}`, err);
  } finally {
    target.client.destroy();
  }
  ctx.stdout.write(`${url} (${report.rows} dòng / rows, as-of ${formatVn(opts.asOf)})\n`);
}

function awsTarget(bucket: string): Target {
  return {
    bucket,
    client: new S3Client({}),
    failureCode: 'AWS_SERVICE',
    hint: 'kiểm tra thông tin đăng nhập AWS, vùng (AWS_REGION) và tên bucket / check the AWS credentials, the region (AWS_REGION) and the bucket',
  };
}

async function localTarget(dataDir: string): Promise<Target> {
  const stack = await readStackFile(dataDir);
  return {
    bucket: stack.bucket,
    client: new S3Client({ endpoint: stack.s3, region: 'ap-southeast-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS }),
    failureCode: 'LOCAL_SERVICE',
    hint: `"dondoc start" trong ${dataDir} còn chạy không? / is "dondoc start" in ${dataDir} still running?`,
  };
}

/**
 * An S3 failure as the SDK names it (NoSuchBucket, AccessDenied, CredentialsProviderError),
 * or by the system's code when the service could not be reached (ECONNREFUSED), with the
 * HTTP status the service answered, if any. The SDK's message follows, to be read, never matched.
 */
function s3Failure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const name = systemFailure(err)?.code ?? err.name;
  const status = err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
  return `${name}${status === undefined ? '' : ` (HTTP ${status})`}: ${err.message}`;
}
