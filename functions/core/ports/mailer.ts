/** An email as it leaves dondoc: already rendered, addresses final. */
export interface MailToSend {
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  html: string;
  text: string;
}

export type MailerErrorCode =
  /** the provider asks to slow down: the same email may go later */
  | 'THROTTLED'
  /** the provider refused this email for good */
  | 'REJECTED';

/** A send the provider definitely did not accept; anything else thrown may or may not have gone out. */
export class MailerError extends Error {
  constructor(
    readonly code: MailerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'MailerError';
  }
}

/** SES on AWS, aws-ses-v2-local on this machine. */
export interface Mailer {
  send(mail: MailToSend): Promise<{ messageId: string }>;
}
