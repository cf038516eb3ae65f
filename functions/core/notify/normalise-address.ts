/**
 * Mailbox addresses compare case-insensitively in practice (SES reports them as sent, users
 * type them as they like), so the log, the suppression list and every comparison of
 * recipients use one spelling.
 */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase();
