import { z } from 'zod';

/* What s3rver emits on every object write: the AWS notification shape, keys left raw. */
const S3rverEvent = z.object({
  Records: z.array(
    z.object({
      eventName: z.string(),
      s3: z.object({ bucket: z.object({ name: z.string() }), object: z.object({ key: z.string() }).loose() }).loose(),
    }).loose(),
  ),
});

/** S3 form-encodes keys in notifications (space as `+`); the ingest decodes them that way. */
function encodeKey(key: string): string {
  return key.split('/').map((part) => encodeURIComponent(part).replaceAll('%20', '+')).join('/');
}

/**
 * The SQS body S3 would put on the ingest queue for an s3rver event, or undefined when the
 * event is not an object created under the watched prefix.
 */
export function notificationBody(event: unknown, prefix: string): string | undefined {
  const parsed = S3rverEvent.parse(event);
  const records = parsed.Records.filter((r) => r.eventName.startsWith('ObjectCreated:') && r.s3.object.key.startsWith(prefix));
  if (records.length === 0) return undefined;
  return JSON.stringify({
    Records: records.map((r) => ({ ...r, s3: { ...r.s3, object: { ...r.s3.object, key: encodeKey(r.s3.object.key) } } })),
  });
}
