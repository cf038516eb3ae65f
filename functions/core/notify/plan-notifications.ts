import { buildDigest } from './build-digest.ts';
import { escalationMessages } from './build-escalations.ts';
import { planContext } from './plan-context.ts';
import { dueMessages } from './plan-part.ts';
import type { NotificationPlan, NotifyMessage, PlanInput } from './types.ts';

/**
 * What the daily run at `input.asOf` sends: reminders (units in result order), then
 * escalations grouped per supervising unit, then the Monday digest. Pure: the caller owns the
 * clock, the evaluation and the log, so any day can be replayed and tested. The scheduled run
 * plans the same in parts (planPart, planFinish); this is the whole province in one go, for a
 * dry run and as the reference the parts are tested against.
 */
export function planNotifications(input: PlanInput): NotificationPlan {
  const ctx = planContext(input);
  const { reminders, escalations } = dueMessages(ctx);
  const messages: NotifyMessage[] = [...reminders, ...escalationMessages(escalations, ctx)];
  const digest = buildDigest(ctx);
  if (digest) messages.push(digest);
  return { asOf: input.asOf, runDay: ctx.today, messages, findings: ctx.findings.list() };
}
