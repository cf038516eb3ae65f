import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { S3RVER_CREDENTIALS, startLocalS3 } from '../../functions/local/services/local-s3.ts';

export interface S3rverFixture {
  endpoint: string;
  bucket: string;
  s3: S3Client;
  stop(): Promise<void>;
}

/** s3rver on a random loopback port with one bucket, its files in a fresh temporary folder. */
export async function startS3rver(bucket = 'dondoc-test'): Promise<S3rverFixture> {
  const directory = await mkdtemp(join(tmpdir(), 'dondoc-s3-'));
  const service = await startLocalS3({ directory, buckets: [bucket] });
  const s3 = new S3Client({ endpoint: service.endpoint, region: 'ap-southeast-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  return {
    endpoint: service.endpoint,
    bucket,
    s3,
    async stop() {
      s3.destroy();
      await service.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
