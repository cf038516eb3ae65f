import { z } from 'zod';

/*
 * The S3 event notification as it arrives in an SQS message body. S3 also sends a one-off
 * `s3:TestEvent` when the notification is configured; it carries no records.
 */
const S3Record = z.object({
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({ key: z.string(), versionId: z.string().optional(), size: z.number().optional() }),
  }),
});

const S3Notification = z.union([
  z.object({ Records: z.array(S3Record) }),
  z.object({ Event: z.literal('s3:TestEvent') }).transform(() => ({ Records: [] })),
]);

export interface ObjectCreated {
  bucket: string;
  key: string;
  version?: string;
}

/** S3 encodes keys in notifications as form data: `+` is a space, the rest percent-encoded. */
function decodeKey(key: string): string {
  return decodeURIComponent(key.replaceAll('+', ' '));
}

/** Parses an SQS body into the objects it announces; throws a ZodError on anything else. */
export function objectsCreated(body: string): ObjectCreated[] {
  const parsed = S3Notification.parse(JSON.parse(body) as unknown);
  return parsed.Records.filter((r) => r.eventName.startsWith('ObjectCreated:')).map((r) => ({
    bucket: r.s3.bucket.name,
    key: decodeKey(r.s3.object.key),
    ...(r.s3.object.versionId === undefined ? {} : { version: r.s3.object.versionId }),
  }));
}
