import { boundedMap } from '../concurrency/bounded-map.ts';
import { boundedSettle } from '../concurrency/bounded-settle.ts';
import { normaliseAddress } from '../notify/normalise-address.ts';
import { deliveryKeys, type OutboundEmail } from '../outbox/outbound-email.ts';
import { MailerError, type Mailer } from '../ports/mailer.ts';
import type { ClaimedKey, NotificationLog } from '../ports/notification-log.ts';

/* Log writes of one email in flight at once. */
const CLAIMS_IN_FLIGHT = 8;

export interface DeliverDeps {
  log: NotificationLog;
  mailer: Mailer;
}

export type DeliveryOutcome =
  | { outcome: 'sent'; messageId: string; recipients: string[]; suppressed: string[] }
  /** every recipient already had every delivery this email stands for */
  | { outcome: 'duplicate'; suppressed: string[] }
  /** every address is on the suppression list (bounced or complained since the plan was made) */
  | { outcome: 'undeliverable'; suppressed: string[] };

/**
 * Delivers one planned email at most once per (unit, requirement, stage, recipient). Each key
 * is claimed with a conditional write before the send; a recipient is mailed when at least
 * one of its keys is newly claimed. When the provider definitely refused the send (throttled
 * or rejected), the claims are given back and the error goes up for SQS to redeliver or park;
 * when the outcome is unknown, the claims stay, because a second email is worse than none.
 */
export async function deliverEmail(deps: DeliverDeps, email: OutboundEmail): Promise<DeliveryOutcome> {
  const suppressed: string[] = [];
  const deliverable = new Set<string>();
  const recipients = [...new Set([...email.to, ...email.cc])];
  const gone = await deps.log.suppressedAmong(recipients);
  for (const address of recipients) {
    if (gone.has(normaliseAddress(address))) suppressed.push(address);
    else deliverable.add(address);
  }
  if (deliverable.size === 0) return { outcome: 'undeliverable', suppressed };

  /* An escalation or digest stands for many keys: claimed a few at a time, not one round trip after another. */
  const keys = deliveryKeys(email).filter((key) => deliverable.has(key.recipient));
  const claims = await boundedSettle(keys, CLAIMS_IN_FLIGHT, (key) => deps.log.claim(key, { day: email.day, subject: email.subject }));
  const claimed = keys.flatMap((key, i) => {
    const claim = claims[i];
    return claim?.status === 'fulfilled' && claim.value !== undefined ? [{ key, claimedAt: claim.value }] : [];
  });
  const failed = claims.find((c) => c.status === 'rejected');
  if (failed) {
    /* Nothing was sent yet: half-taken claims would starve the redelivery. */
    await releaseAll(deps.log, claimed);
    throw failed.reason;
  }
  const fresh = new Set(claimed.map(({ key }) => key.recipient));
  const to = email.to.filter((a) => fresh.has(a));
  const cc = email.cc.filter((a) => fresh.has(a) && !to.includes(a));
  if (to.length === 0 && cc.length === 0) return { outcome: 'duplicate', suppressed };

  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send({
      to: to.length > 0 ? to : cc,
      cc: to.length > 0 ? cc : [],
      subject: email.subject,
      html: email.html,
      text: email.text,
    }));
  } catch (err) {
    if (err instanceof MailerError) await releaseAll(deps.log, claimed);
    throw err;
  }
  await deps.log.markSent(claimed, { day: email.day, subject: email.subject, messageId });
  return { outcome: 'sent', messageId, recipients: [...to, ...cc], suppressed };
}

async function releaseAll(log: NotificationLog, claims: readonly ClaimedKey[]): Promise<void> {
  await boundedMap(claims, CLAIMS_IN_FLIGHT, ({ key }) => log.release(key));
}
