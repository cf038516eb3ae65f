import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { validateSnapshot, fileInput } from '../../core/snapshot/open-snapshot.ts';
import { SNAPSHOTS_PREFIX } from '../../core/snapshot/object-keys.ts';
import { formatVn, vnDate } from '../../core/time.ts';
import { S3RVER_CREDENTIALS } from '../../local/services/local-s3.ts';
import { readStackFile } from '../../local/stack/stack-file.ts';
import { resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { formatValidationReport } from '../format-validation-report.ts';
import { BadInputError, UsageError } from '../usage-error.ts';

interface UploadOptions {
  bucket?: string;
  asOf?: string;
  entity?: string;
  unit?: string;
  local?: boolean;
  dataDir?: string;
}

/**
 * Validates a file, then puts it under `snapshots/<entity>/<day>/` with its as-of (and unit)
 * as object metadata: the ingest takes it from there, on AWS or in the local stack.
 */
export async function uploadCommand(ctx: CliContext, file: string, raw: UploadOptions): Promise<void> {
  const opts = resolveCommonOptions({ asOf: raw.asOf, entity: raw.entity }, ctx.now);
  if ((raw.bucket === undefined) === (raw.local !== true)) throw new UsageError('Chọn một: --bucket <tên> hoặc --local / give exactly one of --bucket or --local');
  const report = await validateSnapshot(fileInput(file), opts.entity ? { entity: opts.entity } : undefined);
  if (!report.ok || report.entity === undefined) {
    ctx.stderr.write(formatValidationReport(report));
    throw new BadInputError(`${file}: ${report.errors} lỗi, không tải lên / errors, not uploaded`);
  }
  const target = raw.local === true ? await localTarget(raw.dataDir ?? '.dondoc') : { bucket: raw.bucket ?? '', client: new S3Client({}) };
  const key = `${SNAPSHOTS_PREFIX}${report.entity}/${vnDate(opts.asOf)}/${basename(file)}`;
  const Metadata: Record<string, string> = { 'as-of': formatVn(opts.asOf), ...(raw.unit === undefined ? {} : { unit: raw.unit }) };
  await target.client.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: await readFile(file), Metadata }));
  target.client.destroy();
  ctx.stdout.write(`s3://${target.bucket}/${key} (${report.rows} dòng / rows, as-of ${formatVn(opts.asOf)})\n`);
}

async function localTarget(dataDir: string) {
  const stack = await readStackFile(dataDir);
  return {
    bucket: stack.bucket,
    client: new S3Client({ endpoint: stack.s3, region: 'ap-southeast-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS }),
  };
}
