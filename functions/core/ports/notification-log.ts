/** At-most-once delivery per (unit, requirement, stage, recipient). */
export interface NotificationKey {
  unit: string;
  requirement: string;
  stage: string;
  recipient: string;
}

/** One claimed (and, once SES accepted it, sent) notification, as the log remembers it. */
export interface NotificationRecord extends NotificationKey {
  day: string;
  subject: string;
  claimedAt: number;
  sentAt?: number;
  messageId?: string;
}

/** A key this sender claimed, and when: what marking it sent rewrites. */
export interface ClaimedKey {
  key: NotificationKey;
  claimedAt: number;
}

export interface NotificationLog {
  /** claims the send with a conditional write: the instant it was claimed at, or undefined when it was already claimed */
  claim(key: NotificationKey, meta: { day: string; subject: string }): Promise<number | undefined>;
  /** records that SES accepted the email these claims stand for, many claims a request */
  markSent(claims: readonly ClaimedKey[], sent: { day: string; subject: string; messageId: string }): Promise<void>;
  /** gives a claim back when the send failed before SES accepted the message */
  release(key: NotificationKey): Promise<void>;
  /** every claim for this unit, sent or still in flight: the unit page and the overdue list show them */
  sentFor(unit: string): Promise<NotificationRecord[]>;
  /** the claims among these keys, sent or still in flight, read in batches: what a daily run's part must not send again */
  claimedAmong(keys: readonly NotificationKey[]): Promise<NotificationRecord[]>;
  isSuppressed(address: string): Promise<boolean>;
  /** which of these addresses are suppressed, lower-cased and trimmed; read in batches, not one request an address */
  suppressedAmong(addresses: readonly string[]): Promise<Set<string>>;
  suppress(address: string, reason: 'bounce' | 'complaint'): Promise<void>;
}
