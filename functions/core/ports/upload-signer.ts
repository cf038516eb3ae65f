import type { UploadGrant } from '../access/upload-grant.ts';

/** A browser form upload: POST `fields` and the file to `url`. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  /** epoch milliseconds after which the storage refuses the upload */
  expiresAt: number;
}

/** Signs an upload grant so the browser can send the file to storage itself. */
export interface UploadSigner {
  sign(grant: UploadGrant): Promise<PresignedUpload>;
}
