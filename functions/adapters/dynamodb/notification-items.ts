import type { NotificationKey } from '../../core/ports/notification-log.ts';
import { normaliseAddress, notificationDayIndex, notificationKey, suppressionKey } from './keys.ts';

export function toClaimItem(key: NotificationKey, meta: { day: string; subject: string }, claimedAt: number): Record<string, unknown> {
  return {
    ...notificationKey(key),
    ...notificationDayIndex(key, meta.day),
    unit: key.unit,
    requirement: key.requirement,
    stage: key.stage,
    recipient: normaliseAddress(key.recipient),
    day: meta.day,
    subject: meta.subject,
    claimedAt,
  };
}

export function toSuppressionItem(address: string, reason: 'bounce' | 'complaint', at: number): Record<string, unknown> {
  return { ...suppressionKey(address), address: normaliseAddress(address), reason, at };
}
