import type { NotifyMessage } from '../types.ts';
import { renderDigest } from './digest-email.ts';
import { renderEscalation } from './escalation-email.ts';
import type { RenderedEmail, RenderOptions } from './rendered-email.ts';
import { renderReminder } from './reminder-email.ts';

/** The email of any planned message: subject, HTML and plain text. */
export function renderEmail(message: NotifyMessage, opts: RenderOptions): RenderedEmail {
  switch (message.kind) {
    case 'reminder':
      return renderReminder(message, opts);
    case 'escalation':
      return renderEscalation(message, opts);
    case 'digest':
      return renderDigest(message, opts);
  }
}
