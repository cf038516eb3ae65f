import { z } from 'zod';

const Address = z.string().trim().toLowerCase().pipe(z.email());

export const NotificationKeySchema = z.object({
  unit: z.string().min(1),
  requirement: z.string().min(1),
  stage: z.string().min(1),
  recipient: Address,
});

/**
 * One email on the notification queue, rendered by the planner: the sender only claims,
 * sends and records, so a retried or redelivered message sends exactly what was planned.
 * `keys` holds one (unit, requirement, stage, recipient) per delivery the email stands for;
 * an escalation listing twelve schools carries twelve keys per recipient.
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
  keys: z.array(NotificationKeySchema).min(1),
});
export type OutboundEmail = z.infer<typeof OutboundEmail>;
