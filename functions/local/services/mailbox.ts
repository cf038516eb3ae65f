import { z } from 'zod';
import { DondocError } from '../../core/errors.ts';

/* The shape of aws-ses-v2-local's `GET /store`: every email it accepted, newest last. */
const StoredEmail = z.object({
  messageId: z.string(),
  from: z.string(),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  at: z.number(),
});
export type StoredEmail = z.infer<typeof StoredEmail>;

const Store = z.object({ emails: z.array(StoredEmail) });

/** Reads the local SES mailbox: what the demo shows on its mailbox page and what tests assert on. */
export async function readMailbox(sesEndpoint: string): Promise<StoredEmail[]> {
  const res = await fetch(`${sesEndpoint}/store`);
  if (!res.ok) throw new DondocError('LOCAL_SERVICE', `local SES mailbox answered ${res.status}`);
  return Store.parse(await res.json()).emails;
}
