import { renderEmail } from '../notify/templates/render-email.ts';
import type { NotifyMessage } from '../notify/types.ts';
import type { OutboundEmail } from '../outbox/outbound-email.ts';

/** A planned message as the notification queue carries it: rendered, with the units it delivers for. */
export function toOutbound(message: NotifyMessage, dashboardUrl: string): OutboundEmail {
  const rendered = renderEmail(message, { dashboardUrl });
  /* A unit with only a head on file has its message addressed in cc; SES needs someone in To. */
  const [to, cc] = message.to.length > 0 ? [message.to, message.cc] : [message.cc, []];
  return {
    kind: message.kind,
    stage: message.stage,
    unit: message.unit,
    requirement: message.requirement,
    day: message.runDay,
    to,
    cc,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    units: [...new Set(message.keys.map((key) => key.unit))],
  };
}
