import type { EventEmitter } from 'node:events';
import S3rver from 's3rver';
import type { LocalService } from './listening.ts';

export interface LocalS3Options {
  /** where s3rver keeps buckets and objects; they survive a restart */
  directory: string;
  buckets: readonly string[];
  port?: number;
}

/** The key pair s3rver accepts. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 extends LocalService {
  /** emits 'event' with an S3 notification for every object written: the local stack's bucket notification */
  events: EventEmitter;
}

/*
 * The dashboard's uploads page posts the file from its own origin straight to the bucket
 * (a presigned POST), as it does to S3 on AWS: the bucket must answer cross-origin requests.
 * Loopback only, so any origin; the POST policy, not CORS, is what limits an upload.
 */
const CORS = `<CORSConfiguration><CORSRule>
<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod>
<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><ExposeHeader>Location</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds>
</CORSRule></CORSConfiguration>`;

/** s3rver: the S3 API on loopback (path-style requests), objects on disk. */
export async function startLocalS3(opts: LocalS3Options): Promise<LocalS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port ?? 0,
    silent: true,
    directory: opts.directory,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [CORS] })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /* s3rver is a Koa app, hence an EventEmitter; its published types leave that out. */
    events: server as unknown as EventEmitter,
    stop: () => server.close(),
  };
}
