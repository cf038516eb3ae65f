import type { UnitRequirementResult } from '../evaluation/types.ts';
import type { CatalogEntry } from './catalog-index.ts';
import type { PlanContext } from './plan-context.ts';
import { isQuietDay } from './quiet-days.ts';
import { dueStages, type ScheduledStage } from './stage-schedule.ts';

interface DueStage<S extends ScheduledStage> {
  kind: S['kind'];
  result: UnitRequirementResult & { deadline: number };
  entry: CatalogEntry;
  scheduled: S;
}

export type ReminderDue = DueStage<Extract<ScheduledStage, { kind: 'reminder' }>>;
export type EscalationDue = DueStage<Extract<ScheduledStage, { kind: 'escalation' }>>;

/** Reminders are for units still working towards the deadline; escalations for those past it. */
function eligible(stage: ScheduledStage, result: UnitRequirementResult): boolean {
  if (stage.kind === 'reminder') return result.status === 'pending' || result.status === 'due_soon';
  return result.status === 'overdue';
}

/**
 * The stages today's run owes this unit for this requirement, before recipients and the log
 * are consulted. The department is never reminded of its own requirements: it is the sender.
 * A quiet day sends nothing; what was due waits for the next working day's run.
 */
export function dueStagesFor(result: UnitRequirementResult, ctx: PlanContext): Array<ReminderDue | EscalationDue> {
  const { deadline } = result;
  if (deadline === undefined || result.unit === ctx.input.department) return [];
  if (ctx.input.registry.get(result.unit)?.unitKind === 'department') return [];
  const entry = ctx.catalog.get(result.requirement);
  if (!entry) return [];
  if (isQuietDay(ctx.policyOf(entry), ctx.today)) return [];
  const assumeSent = ctx.input.missedStages === 'assume_sent';
  return dueStages(ctx.scheduleOf(entry, deadline), ctx.today)
    .filter((s) => !(assumeSent && s.day < ctx.today) && eligible(s, result))
    .map((scheduled): ReminderDue | EscalationDue => {
      const head = { result: { ...result, deadline }, entry };
      return scheduled.kind === 'reminder' ? { kind: 'reminder', ...head, scheduled } : { kind: 'escalation', ...head, scheduled };
    });
}
