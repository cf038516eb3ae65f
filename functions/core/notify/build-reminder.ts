import { breakdownFor } from './breakdown.ts';
import { dispatchFacts, requirementFacts } from './catalog-index.ts';
import type { ReminderDue } from './due-stages.ts';
import { notificationKey } from './notification-key.ts';
import type { PlanContext } from './plan-context.ts';
import { resolveAddressees } from './recipients.ts';
import { daysBetween, lastDayToAct } from './run-days.ts';
import { reminderSubject } from './templates/subjects.ts';
import type { ReminderMessage, ReminderStage } from './types.ts';

/** Record codes listed in one reminder; a phone screen's worth, the dashboard has the rest. */
export const MAX_CODES = 50;

/** The reminder for one unit at one stage, to its officer and head; undefined when everyone already has it. */
export function buildReminder(due: ReminderDue, ctx: PlanContext): ReminderMessage | undefined {
  const { result, entry } = due;
  const stage: ReminderStage = due.scheduled.stage;
  const addressees = resolveAddressees(result.unit, ['officer', 'head'], ctx.addressing, ctx.findings);
  if (!addressees) {
    ctx.findings.add({ kind: 'no_recipient', unit: result.unit, requirement: result.requirement, stage });
    return undefined;
  }
  const to = ctx.unsent(result.unit, result.requirement, stage, addressees.to);
  if (to.length === 0) return undefined;
  const policy = ctx.policyOf(entry);
  const cc = ctx.unsent(result.unit, result.requirement, stage, policy.cc).filter((a) => !to.some((t) => t.toLowerCase() === a.toLowerCase()));
  const daysLeft = daysBetween(ctx.today, lastDayToAct(result.deadline));
  const breakdown = breakdownFor(entry.requirement, ctx.input.states?.get(result.unit));
  return {
    kind: 'reminder',
    stage,
    unit: result.unit,
    requirement: result.requirement,
    to,
    cc,
    subject: reminderSubject(result.unit, entry.requirement.title, daysLeft, result.deadline),
    keys: [...to, ...cc].map((address) => notificationKey(result.unit, result.requirement, stage, address)),
    runDay: ctx.today,
    unitName: ctx.input.registry.get(result.unit)?.unitName ?? result.unit,
    dispatch: dispatchFacts(entry.dispatch),
    requirementFacts: requirementFacts(entry.requirement),
    deadline: result.deadline,
    daysLeft,
    status: result.status,
    figures: { total: result.total, failing: result.failing, rate: result.rate },
    failingCodes: result.failingCodes.slice(0, MAX_CODES),
    moreFailing: Math.max(0, result.failing - Math.min(result.failingCodes.length, MAX_CODES)),
    ...(breakdown && { breakdown }),
    ...(addressees.unit !== result.unit && { redirectedTo: addressees.unit }),
  };
}
