import { buildDigest } from './build-digest.ts';
import { buildEscalations } from './build-escalations.ts';
import { buildReminder } from './build-reminder.ts';
import { dueStagesFor, type EscalationDue } from './due-stages.ts';
import { planContext } from './plan-context.ts';
import type { NotificationPlan, NotifyMessage, PlanInput } from './types.ts';

/**
 * What the daily run at `input.asOf` sends: reminders (units in result order), then
 * escalations grouped per supervising unit, then the Monday digest. Pure: the caller owns the
 * clock, the evaluation and the log, so any day can be replayed and tested.
 */
export function planNotifications(input: PlanInput): NotificationPlan {
  const ctx = planContext(input);
  const messages: NotifyMessage[] = [];
  const escalations: EscalationDue[] = [];
  for (const result of input.results) {
    for (const due of dueStagesFor(result, ctx)) {
      if (due.kind === 'escalation') {
        escalations.push(due);
        continue;
      }
      const reminder = buildReminder(due, ctx);
      if (reminder) messages.push(reminder);
    }
  }
  messages.push(...buildEscalations(escalations, ctx));
  const digest = buildDigest(ctx);
  if (digest) messages.push(digest);
  return { asOf: input.asOf, runDay: ctx.today, messages, findings: ctx.findings.list() };
}
