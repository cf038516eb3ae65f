import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { UploadGrant } from '../../core/access/upload-grant.ts';
import type { PresignedUpload, UploadSigner } from '../../core/ports/upload-signer.ts';

/* Long enough to pick a file and send 50 MB over a school's connection, short enough that a leaked form is soon useless. */
const DEFAULT_EXPIRES_SECONDS = 15 * 60;

/**
 * Turns an upload grant into an S3 POST policy. Every form field is also an exact-match
 * condition (createPresignedPost adds them), so the browser cannot change the content type
 * or the metadata; the key prefix is stated as its own condition, so the policy shows the
 * scope it was signed for whatever key scheme the grant uses.
 */
export class S3UploadSigner implements UploadSigner {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly expiresSeconds = DEFAULT_EXPIRES_SECONDS,
  ) {}

  async sign(grant: UploadGrant): Promise<PresignedUpload> {
    const metadata = Object.fromEntries(Object.entries(grant.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value]));
    const expiresAt = Date.now() + this.expiresSeconds * 1000;
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: grant.key,
      Conditions: [
        ['starts-with', '$key', grant.keyPrefix],
        ['content-length-range', 1, grant.maxBytes],
      ],
      Fields: { 'Content-Type': grant.contentType, ...metadata },
      Expires: this.expiresSeconds,
    });
    return { url, fields, expiresAt };
  }
}
