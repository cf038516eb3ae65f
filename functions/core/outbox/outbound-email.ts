import { z } from 'zod';
import { notificationKey } from '../notify/notification-key.ts';
import type { NotificationKey } from '../ports/notification-log.ts';

const Address = z.string().trim().toLowerCase().pipe(z.email());

/**
 * One email on the notification queue, rendered by the planner: the sender only claims,
 * sends and records, so a retried or redelivered message sends exactly what was planned.
 * The email stands for one delivery per (unit in `units`, requirement, stage, recipient): an
 * escalation listing twelve schools is twelve deliveries to each recipient. Units, not the
 * deliveries themselves, travel on the queue, so a province-wide escalation stays far under
 * SQS's message size.
 */
export const OutboundEmail = z.object({
  kind: z.enum(['reminder', 'escalation', 'digest', 'rejection']),
  stage: z.string().min(1),
  unit: z.string().min(1),
  requirement: z.string().min(1),
  /** the Vietnam calendar day of the run that planned it */
  day: z.iso.date(),
  to: z.array(Address).min(1),
  cc: z.array(Address),
  subject: z.string().min(1).max(998),
  html: z.string().min(1),
  text: z.string().min(1),
  units: z.array(z.string().min(1)).min(1),
});
export type OutboundEmail = z.infer<typeof OutboundEmail>;

/** Every (unit, requirement, stage, recipient) the email delivers: what the sender claims in the log. */
export function deliveryKeys(email: OutboundEmail): NotificationKey[] {
  const recipients = [...new Set([...email.to, ...email.cc])];
  return email.units.flatMap((unit) => recipients.map((recipient) => notificationKey(unit, email.requirement, email.stage, recipient)));
}
