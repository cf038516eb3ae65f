import { buildReminder } from './build-reminder.ts';
import { digestShard, type DigestShard } from './build-digest.ts';
import { escalationMessages, escalationShards, type EscalationShard } from './build-escalations.ts';
import { dueStagesFor, type EscalationDue } from './due-stages.ts';
import { planContext, type PlanContext } from './plan-context.ts';
import type { Finding, NotifyMessage, PlanInput } from './types.ts';

/** What one part of a fanned-out run plans: its own emails, and its shares of the department's. */
export interface PartPlan {
  runDay: string;
  /** reminders to its units and escalations to a supervisor inside the part */
  messages: NotifyMessage[];
  /** its rows of the escalations told to the department, merged across parts by the finish */
  departmentEscalations: EscalationShard[];
  digest: DigestShard;
  findings: Finding[];
}

/** Reminders in result order, and every escalation due, grouped per told unit. */
export function dueMessages(ctx: PlanContext): { reminders: NotifyMessage[]; escalations: EscalationShard[] } {
  const reminders: NotifyMessage[] = [];
  const dues: EscalationDue[] = [];
  for (const result of ctx.input.results) {
    for (const due of dueStagesFor(result, ctx)) {
      if (due.kind === 'escalation') {
        dues.push(due);
        continue;
      }
      const reminder = buildReminder(due, ctx);
      if (reminder) reminders.push(reminder);
    }
  }
  return { reminders, escalations: escalationShards(dues, ctx) };
}

/**
 * The plan of one part: a district office with its schools, or a chunk of the units directly
 * under the department. `input.registry` holds the part's units and the department (where an
 * address missing below is sent instead). Every supervisor but the department is inside the
 * part that holds its units, so only the department's escalations need the other parts.
 */
export function planPart(input: PlanInput): PartPlan {
  const ctx = planContext(input);
  const { reminders, escalations } = dueMessages(ctx);
  const local = escalations.filter((s) => s.told !== input.department);
  return {
    runDay: ctx.today,
    messages: [...reminders, ...escalationMessages(local, ctx)],
    departmentEscalations: escalations.filter((s) => s.told === input.department),
    digest: digestShard(input.results, ctx),
    findings: ctx.findings.list(),
  };
}
