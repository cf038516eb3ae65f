import { z } from 'zod';
import type { NotificationKey, NotificationRecord } from '../../core/ports/notification-log.ts';
import { normaliseAddress, notificationKey, notificationUnitIndex, suppressionKey } from './keys.ts';
import { parseItem } from './parse-item.ts';

export function toClaimItem(key: NotificationKey, meta: { day: string; subject: string }, claimedAt: number): Record<string, unknown> {
  return {
    ...notificationKey(key),
    ...notificationUnitIndex(key),
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

const ClaimItem = z.object({
  unit: z.string(),
  requirement: z.string(),
  stage: z.string(),
  recipient: z.string(),
  day: z.string(),
  subject: z.string(),
  claimedAt: z.number(),
  sentAt: z.number().optional(),
  messageId: z.string().optional(),
});

export function fromClaimItem(item: unknown): NotificationRecord {
  return parseItem(ClaimItem, item, 'notification');
}
