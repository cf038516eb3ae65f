import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoSuchBucket, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { refusingEndpoint } from './refusing-endpoint.ts';
import { runCli } from './run-cli.ts';
import { runMain } from './run-main.ts';

/*
 * `dondoc upload <file> --bucket <name> | --local`: a failed put says which file, where it was
 * going and what S3 (or the system) answered, exit 1 with the code of the service (AWS_SERVICE
 * or LOCAL_SERVICE), never a stack trace.
 */

const STUDENTS = fileURLToPath(new URL('../fixtures/snapshots/students-sample.csv', import.meta.url));
const AS_OF = ['--as-of', '2023-06-23T11:30:00+07:00'];
const KEY = 'snapshots/students/2023-06-23/students-sample.csv';
const NO_STACK = /^\s+at /m;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dondoc-upload-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('dondoc upload --bucket, S3 mocked', () => {
  const s3 = mockClient(S3Client);
  afterEach(() => s3.reset());

  it('puts the file under its entity and day with its as-of, and prints where', async () => {
    s3.on(PutObjectCommand).resolves({});
    const run = await runMain(['upload', STUDENTS, '--bucket', 'so-gd', '--unit', 'THPT001', ...AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`s3://so-gd/${KEY}`);
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'so-gd',
      Key: KEY,
      Metadata: { 'as-of': '2023-06-23T11:30:00+07:00', unit: 'THPT001' },
    });
  });

  it('is bad input (1) when S3 refuses, naming the file, the object and the error S3 gave', async () => {
    s3.on(PutObjectCommand).rejects(new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } }));
    const run = await runMain(['upload', STUDENTS, '--bucket', 'so-gd', ...AS_OF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[AWS_SERVICE] ${STUDENTS} → s3://so-gd/${KEY}: không tải lên được / not uploaded: NoSuchBucket (HTTP 404)`);
    expect(run.stdout).toBe('');
  });

  it.each([
    [['--bucket', ''], '--bucket: tên bucket trống / the bucket name is empty'],
    [['--bucket', '  '], '--bucket: tên bucket trống / the bucket name is empty'],
    [['--bucket', 'so-gd', '--unit', ''], '--unit: mã đơn vị trống / the unit code is empty'],
    [['--local', '--data-dir', ''], '--data-dir: đường dẫn trống / the path is empty'],
  ])('is wrong usage (2) with %j, before any upload', async (options, message) => {
    const run = await runMain(['upload', STUDENTS, ...options, ...AS_OF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(s3.commandCalls(PutObjectCommand)).toEqual([]);
  });
});

describe.concurrent('dondoc upload, the real executable and SDK', () => {
  /* No region and no endpoint from this machine's own AWS set-up, whatever it is. */
  const noAws = {
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_PROFILE: undefined,
    AWS_CONFIG_FILE: join(tmpdir(), 'dondoc-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'dondoc-no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: undefined,
    AWS_ENDPOINT_URL_S3: undefined,
  };

  it('is bad input (1) with no AWS region, said without a stack trace', async () => {
    const run = await runCli(['upload', STUDENTS, '--bucket', 'so-gd', ...AS_OF], { env: noAws });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[AWS_SERVICE] ${STUDENTS} → s3://so-gd/${KEY}`);
    expect(run.stderr).toContain('AWS_REGION');
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('is bad input (1) when the S3 endpoint refuses the connection, naming the system’s code', async () => {
    const env = { ...noAws, AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_ENDPOINT_URL_S3: await refusingEndpoint(), AWS_MAX_ATTEMPTS: '1' };
    const run = await runCli(['upload', STUDENTS, '--bucket', 'so-gd', ...AS_OF], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[AWS_SERVICE] ${STUDENTS} → s3://so-gd/${KEY}: không tải lên được / not uploaded: ECONNREFUSED`);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('is a LOCAL_SERVICE failure (1) when the local stack it was told of no longer answers', async () => {
    const dataDir = join(work, 'stopped-stack');
    const s3 = await refusingEndpoint();
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'stack.json'), JSON.stringify({ pid: 1, dashboard: s3, mailbox: s3, s3, bucket: 'dondoc-local', dataDir }));
    const run = await runCli(['upload', STUDENTS, '--local', '--data-dir', dataDir, ...AS_OF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[LOCAL_SERVICE] ${STUDENTS} → s3://dondoc-local/${KEY}: không tải lên được / not uploaded: ECONNREFUSED`);
    expect(run.stderr).toContain(`is "dondoc start" in ${dataDir} still running?`);
    expect(run.stderr).not.toMatch(NO_STACK);
  });
});
