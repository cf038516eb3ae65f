import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { MailerError, type Mailer, type MailToSend } from '../../core/ports/mailer.ts';

/* SES error types (the SDK's `name`) that mean "not now" and "never". */
const THROTTLED = new Set(['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException', 'Throttling']);
const REJECTED = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'NotFoundException',
  'BadRequestException',
]);

/** SES (v2 API, on AWS and on aws-ses-v2-local), always through the configuration set. */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSet: string | undefined,
  ) {}

  async send(mail: MailToSend): Promise<{ messageId: string }> {
    const command = new SendEmailCommand({
      FromEmailAddress: this.from,
      Destination: { ToAddresses: [...mail.to], CcAddresses: [...mail.cc] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
      ...(this.configurationSet === undefined ? {} : { ConfigurationSetName: this.configurationSet }),
    });
    try {
      const { MessageId } = await this.ses.send(command);
      if (MessageId === undefined) throw new MailerError('REJECTED', 'SES answered without a message id');
      return { messageId: MessageId };
    } catch (err) {
      if (err instanceof MailerError || !(err instanceof Error)) throw err;
      if (THROTTLED.has(err.name)) throw new MailerError('THROTTLED', `SES throttled the send (${err.name})`, { cause: err });
      if (REJECTED.has(err.name)) throw new MailerError('REJECTED', `SES rejected the email (${err.name})`, { cause: err });
      throw err;
    }
  }
}
