/** What the mail service reported about one message, reduced to what dondoc acts on. */
export type MailFeedback =
  | { kind: 'bounce'; permanent: boolean; recipients: string[] }
  | { kind: 'complaint'; recipients: string[] }
  | { kind: 'reject' }
  | { kind: 'delivery'; recipients: string[] }
  /** an event type dondoc does not act on (opens, clicks, delays…) */
  | { kind: 'other'; eventType: string };

export interface Suppression {
  address: string;
  reason: 'bounce' | 'complaint';
}

/**
 * A permanent bounce means the mailbox does not exist and a complaint means a person asked
 * not to be mailed: both stop further mail. A transient bounce (mailbox full, server down)
 * and a reject (SES refused the content) say nothing lasting about the address.
 */
export function suppressionsFor(feedback: MailFeedback): Suppression[] {
  if (feedback.kind === 'bounce' && feedback.permanent) return feedback.recipients.map((address) => ({ address, reason: 'bounce' }));
  if (feedback.kind === 'complaint') return feedback.recipients.map((address) => ({ address, reason: 'complaint' }));
  return [];
}
