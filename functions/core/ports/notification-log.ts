/** At-most-once delivery per (unit, requirement, stage, recipient). */
export interface NotificationKey {
  unit: string;
  requirement: string;
  stage: string;
  recipient: string;
}

export interface NotificationLog {
  /** claims the send with a conditional write; false when it was already claimed */
  claim(key: NotificationKey, meta: { day: string; subject: string }): Promise<boolean>;
  markSent(key: NotificationKey, messageId: string): Promise<void>;
  /** gives a claim back when the send failed before SES accepted the message */
  release(key: NotificationKey): Promise<void>;
  isSuppressed(address: string): Promise<boolean>;
  suppress(address: string, reason: 'bounce' | 'complaint'): Promise<void>;
}
