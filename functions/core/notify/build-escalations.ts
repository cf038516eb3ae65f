import { compareCodes } from '../evaluation/evaluation-context.ts';
import { dispatchFacts, requirementFacts } from './catalog-index.ts';
import type { EscalationDue } from './due-stages.ts';
import { notificationKey } from './notification-key.ts';
import type { PlanContext } from './plan-context.ts';
import { resolveAddressees, supervisorOf } from './recipients.ts';
import { daysBetween, lastDayToAct } from './run-days.ts';
import { escalationSubject } from './templates/subjects.ts';
import type { EscalationMessage, EscalationStage, OverdueRow } from './types.ts';

/**
 * Who is told: the first escalation goes to the unit's supervisor (its district office, or
 * the department for units directly under it), the second to the department.
 */
function toldUnit(due: EscalationDue, ctx: PlanContext): string {
  if (due.scheduled.stage === 'escalation-2') return ctx.input.department;
  return supervisorOf(due.result.unit, ctx.addressing) ?? ctx.input.department;
}

/**
 * One message per (stage, requirement, told unit), listing every overdue unit in it: a district
 * office head gets one email with a table, not one per school. Each row is still logged per
 * unit, so a school that falls overdue later (another deadline) is escalated in a later message.
 */
export function buildEscalations(dues: readonly EscalationDue[], ctx: PlanContext): EscalationMessage[] {
  const groups = new Map<string, { stage: EscalationStage; told: string; dues: EscalationDue[] }>();
  for (const due of dues) {
    const told = toldUnit(due, ctx);
    const key = [due.scheduled.stage, due.result.requirement, told].join('\u0000');
    const group = groups.get(key) ?? { stage: due.scheduled.stage, told, dues: [] };
    group.dues.push(due);
    groups.set(key, group);
  }
  const messages: EscalationMessage[] = [];
  for (const group of groups.values()) {
    const message = escalationMessage(group.stage, group.told, group.dues, ctx);
    if (message) messages.push(message);
  }
  return messages.sort(
    (a, b) => compareCodes(a.stage, b.stage) || orderOf(a, ctx) - orderOf(b, ctx) || compareCodes(a.unit, b.unit),
  );
}

function orderOf(m: EscalationMessage, ctx: PlanContext): number {
  return ctx.catalog.get(m.requirement)?.order ?? 0;
}

function escalationMessage(stage: EscalationStage, told: string, dues: readonly EscalationDue[], ctx: PlanContext): EscalationMessage | undefined {
  const first = dues[0];
  if (!first) return undefined;
  const requirement = first.result.requirement;
  const addressees = resolveAddressees(told, ['head'], ctx.addressing, ctx.findings);
  if (!addressees) {
    ctx.findings.add({ kind: 'no_recipient', unit: told, requirement, stage });
    return undefined;
  }
  const policy = ctx.policyOf(first.entry);
  const cc = policy.cc.filter((a) => !addressees.to.some((t) => t.toLowerCase() === a.toLowerCase()));
  const rows: OverdueRow[] = [];
  const keys = [];
  const to = new Set<string>();
  const ccOut = new Set<string>();
  for (const due of [...dues].sort((a, b) => compareCodes(a.result.unit, b.result.unit))) {
    const unit = due.result.unit;
    const unsentTo = ctx.unsent(unit, requirement, stage, addressees.to);
    if (unsentTo.length === 0) continue;
    const unsentCc = ctx.unsent(unit, requirement, stage, cc);
    for (const a of unsentTo) to.add(a);
    for (const a of unsentCc) ccOut.add(a);
    keys.push(...[...unsentTo, ...unsentCc].map((a) => notificationKey(unit, requirement, stage, a)));
    const record = ctx.addressing.registry.get(unit);
    rows.push({
      unit,
      unitName: record?.unitName ?? unit,
      ...(record?.district !== undefined && { district: record.district }),
      deadline: due.result.deadline,
      daysOverdue: daysBetween(lastDayToAct(due.result.deadline), ctx.today),
      total: due.result.total,
      failing: due.result.failing,
      rate: due.result.rate,
    });
  }
  if (rows.length === 0) return undefined;
  const earliest = rows.reduce((a, b) => (b.deadline < a.deadline ? b : a));
  const toldRecord = ctx.addressing.registry.get(told);
  return {
    kind: 'escalation',
    stage,
    unit: told,
    requirement,
    to: [...to],
    cc: [...ccOut],
    subject: escalationSubject(stage, rows.length, first.entry.requirement.title, earliest.daysOverdue),
    keys,
    runDay: ctx.today,
    supervisor: { code: told, name: toldRecord?.unitName ?? told },
    dispatch: dispatchFacts(first.entry.dispatch),
    requirementFacts: requirementFacts(first.entry.requirement),
    deadline: earliest.deadline,
    overdue: rows,
    ...(addressees.unit !== told && { redirectedTo: addressees.unit }),
  };
}
