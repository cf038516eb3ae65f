import type { NotificationRecord } from '../ports/notification-log.ts';
import type { SentEmailView } from './views.ts';

/* A claim without sentAt is in flight or was never accepted by SES: it is not history yet. */
export function sentEmails(claims: readonly NotificationRecord[]): SentEmailView[] {
  return claims
    .flatMap(({ requirement, stage, recipient, day, subject, sentAt }) => (sentAt === undefined ? [] : [{ requirement, stage, recipient, day, subject, sentAt }]))
    .sort((a, b) => b.sentAt - a.sentAt);
}
