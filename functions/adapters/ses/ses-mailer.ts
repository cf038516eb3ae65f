import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { MailerError, type Mailer, type MailToSend } from '../../core/ports/mailer.ts';

/* SES error types (the SDK's `name`) that mean "not now" and "never". */
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'LimitExceededException']);
const REJECTED = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'ConfigurationSetDoesNotExistException',
  'ConfigurationSetSendingPausedException',
  'AccountSendingPausedException',
  'InvalidParameterValue',
]);

/** SES (v1 API: the same calls on AWS and on aws-ses-v2-local), always through the configuration set. */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESClient,
    private readonly from: string,
    private readonly configurationSet: string | undefined,
  ) {}

  async send(mail: MailToSend): Promise<{ messageId: string }> {
    const command = new SendEmailCommand({
      Source: this.from,
      Destination: { ToAddresses: [...mail.to], CcAddresses: [...mail.cc] },
      Message: {
        Subject: { Data: mail.subject, Charset: 'UTF-8' },
        Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
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
