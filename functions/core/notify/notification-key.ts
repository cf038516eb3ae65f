import type { NotificationKey } from '../ports/notification-log.ts';
import { normaliseAddress } from './normalise-address.ts';

/**
 * The log's identity of one delivery. Addresses compare case-insensitively, so
 * "HieuTruong@…" in one snapshot and "hieutruong@…" in the next are one recipient.
 */
export function notificationKey(unit: string, requirement: string, stage: string, recipient: string): NotificationKey {
  return { unit, requirement, stage, recipient: normaliseAddress(recipient) };
}

/** A stable string for a key (`unit#requirement#stage#recipient`), e.g. for a Set or a log's sort key. */
export function notificationKeyString(key: NotificationKey): string {
  return [key.unit, key.requirement, key.stage, normaliseAddress(key.recipient)].join('#');
}
