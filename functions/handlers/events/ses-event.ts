import { z } from 'zod';
import type { MailFeedback } from '../../core/feedback/mail-feedback.ts';

/*
 * The SES event a configuration set publishes to SNS (`eventType`, not the `notificationType`
 * of identity notifications), one per SNS message. Only the fields dondoc acts on are read.
 */
const Recipients = z.array(z.object({ emailAddress: z.string().trim().min(3) })).min(1);

const KnownSesEvent = z.discriminatedUnion('eventType', [
  z.object({
    eventType: z.literal('Bounce'),
    /* Permanent, Transient or Undetermined; anything but Permanent may recover. */
    bounce: z.object({ bounceType: z.string(), bouncedRecipients: Recipients }),
  }),
  z.object({ eventType: z.literal('Complaint'), complaint: z.object({ complainedRecipients: Recipients }) }),
  z.object({ eventType: z.literal('Reject') }),
  z.object({ eventType: z.literal('Delivery'), delivery: z.object({ recipients: z.array(z.string()) }) }),
]);
const KNOWN_TYPES: ReadonlySet<string> = new Set(['Bounce', 'Complaint', 'Reject', 'Delivery']);

const AnySesEvent = z.object({ eventType: z.string().min(1) });

const SnsEnvelope = z.object({
  Records: z.array(z.object({ Sns: z.object({ MessageId: z.string(), Message: z.string() }) })),
});

export interface SesNotification {
  messageId: string;
  feedback: MailFeedback;
}

/**
 * Parses one SES event. An event type dondoc does not act on is `other`; a known type with
 * the wrong shape throws a ZodError, because a bounce that cannot be read is a bounce that
 * does not suppress, and it should end in the dead-letter queue rather than vanish.
 */
export function mailFeedback(message: string): MailFeedback {
  const json = JSON.parse(message) as unknown;
  const { eventType } = AnySesEvent.parse(json);
  if (!KNOWN_TYPES.has(eventType)) return { kind: 'other', eventType };
  const event = KnownSesEvent.parse(json);
  switch (event.eventType) {
    case 'Bounce':
      return { kind: 'bounce', permanent: event.bounce.bounceType === 'Permanent', recipients: event.bounce.bouncedRecipients.map((r) => r.emailAddress) };
    case 'Complaint':
      return { kind: 'complaint', recipients: event.complaint.complainedRecipients.map((r) => r.emailAddress) };
    case 'Reject':
      return { kind: 'reject' };
    case 'Delivery':
      return { kind: 'delivery', recipients: event.delivery.recipients };
  }
}

/** The SES events of an SNS invocation; throws on the first one that cannot be read. */
export function sesNotifications(event: unknown): SesNotification[] {
  return SnsEnvelope.parse(event).Records.map(({ Sns }) => ({ messageId: Sns.MessageId, feedback: mailFeedback(Sns.Message) }));
}
