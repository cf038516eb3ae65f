import { compareCodes } from '../evaluation/evaluation-context.ts';
import type { NotificationKey } from '../ports/notification-log.ts';
import { dispatchFacts, requirementFacts } from './catalog-index.ts';
import type { EscalationDue } from './due-stages.ts';
import { normaliseAddress } from './normalise-address.ts';
import { notificationKey } from './notification-key.ts';
import type { PlanContext } from './plan-context.ts';
import { resolveAddressees, supervisorOf } from './recipients.ts';
import { daysBetween, lastDayToAct } from './run-days.ts';
import { escalationSubject } from './templates/subjects.ts';
import type { EscalationMessage, EscalationStage, OverdueRow } from './types.ts';

/**
 * What one set of overdue units contributes to one (stage, requirement, told unit) escalation.
 * A fanned-out run plans the department's escalations from the shards of every part, so a
 * shard holds what the message needs without the units themselves: rows and log keys in unit
 * order, the count and the deadline range. A stored shard keeps only the first rows.
 */
export interface EscalationShard {
  stage: EscalationStage;
  requirement: string;
  told: string;
  redirectedTo?: string;
  /** the told unit's addresses in their order, before the log is consulted */
  to: string[];
  cc: string[];
  /** one per (overdue unit, recipient) not yet sent, in unit order */
  keys: NotificationKey[];
  /** the first rows in unit order (all of them unless the shard was stored) */
  rows: OverdueRow[];
  /** every overdue unit with something to send */
  units: number;
  earliest: number;
  latest: number;
}

/**
 * Who is told: the first escalation goes to the unit's supervisor (its district office, or
 * the department for units directly under it), the second to the department.
 */
function toldUnit(due: EscalationDue, ctx: PlanContext): string {
  if (due.scheduled.stage === 'escalation-2') return ctx.input.department;
  return supervisorOf(due.result.unit, ctx.addressing) ?? ctx.input.department;
}

/** The messages of these shards, by stage, then catalog order, then told unit. */
export function escalationMessages(shards: readonly EscalationShard[], ctx: PlanContext): EscalationMessage[] {
  const messages = shards.flatMap((shard) => escalationMessage(shard, ctx) ?? []);
  return messages.sort((a, b) => compareCodes(a.stage, b.stage) || orderOf(a, ctx) - orderOf(b, ctx) || compareCodes(a.unit, b.unit));
}

function orderOf(m: EscalationMessage, ctx: PlanContext): number {
  return ctx.catalog.get(m.requirement)?.order ?? 0;
}

const shardKey = (s: { stage: string; requirement: string; told: string }): string => [s.stage, s.requirement, s.told].join('\u0000');

/**
 * One escalation per (stage, requirement, told unit), listing every overdue unit in it: a
 * district office head gets one email with a table, not one per school. Each row is still
 * logged per unit, so a school that falls overdue later (another deadline) is escalated in a
 * later message.
 */
export function escalationShards(dues: readonly EscalationDue[], ctx: PlanContext): EscalationShard[] {
  const groups = new Map<string, { stage: EscalationStage; told: string; dues: EscalationDue[] }>();
  for (const due of dues) {
    const told = toldUnit(due, ctx);
    const key = shardKey({ stage: due.scheduled.stage, requirement: due.result.requirement, told });
    const group = groups.get(key) ?? { stage: due.scheduled.stage, told, dues: [] };
    group.dues.push(due);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((group) => escalationShard(group.stage, group.told, group.dues, ctx) ?? []);
}

function escalationShard(stage: EscalationStage, told: string, dues: readonly EscalationDue[], ctx: PlanContext): EscalationShard | undefined {
  const first = dues[0];
  if (!first) return undefined;
  const requirement = first.result.requirement;
  const addressees = resolveAddressees(told, ['head'], ctx.addressing, ctx.findings);
  if (!addressees) {
    ctx.findings.add({ kind: 'no_recipient', unit: told, requirement, stage });
    return undefined;
  }
  const cc = ctx.policyOf(first.entry).cc.filter((a) => !addressees.to.some((t) => t.toLowerCase() === a.toLowerCase()));
  const rows: OverdueRow[] = [];
  const keys: NotificationKey[] = [];
  for (const due of [...dues].sort((a, b) => compareCodes(a.result.unit, b.result.unit))) {
    const unit = due.result.unit;
    const unsentTo = ctx.unsent(unit, requirement, stage, addressees.to);
    if (unsentTo.length === 0) continue;
    const unsentCc = ctx.unsent(unit, requirement, stage, cc);
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
  const deadlines = rows.map((r) => r.deadline);
  return {
    stage,
    requirement,
    told,
    ...(addressees.unit !== told && { redirectedTo: addressees.unit }),
    to: addressees.to,
    cc,
    keys,
    rows,
    units: rows.length,
    earliest: Math.min(...deadlines),
    latest: Math.max(...deadlines),
  };
}

/**
 * Adds one part's shard to the run's merged shards (one per stage, requirement and told
 * unit), keeping the first `maxRows` rows in unit order: the email lists no more, and the
 * finish holds no more. The log keys stay complete.
 */
export function addEscalationShard(merged: Map<string, EscalationShard>, shard: EscalationShard, maxRows: number): void {
  const key = shardKey(shard);
  const into = merged.get(key);
  if (into === undefined) {
    merged.set(key, { ...shard, keys: [...shard.keys], rows: shard.rows.slice(0, maxRows) });
    return;
  }
  for (const k of shard.keys) into.keys.push(k);
  into.rows = [...into.rows, ...shard.rows].sort((a, b) => compareCodes(a.unit, b.unit)).slice(0, maxRows);
  into.units += shard.units;
  into.earliest = Math.min(into.earliest, shard.earliest);
  into.latest = Math.max(into.latest, shard.latest);
}

/** The merged shards with their keys in unit order again: units are unique to a part, so a stable sort restores each unit's own order. */
export function mergedEscalationShards(merged: ReadonlyMap<string, EscalationShard>): EscalationShard[] {
  return [...merged.values()].map((s) => ({ ...s, keys: [...s.keys].sort((a, b) => compareCodes(a.unit, b.unit)) }));
}

function escalationMessage(shard: EscalationShard, ctx: PlanContext): EscalationMessage | undefined {
  const entry = ctx.catalog.get(shard.requirement);
  if (!entry) return undefined;
  /* Recipients in the order of the told unit's addresses, whichever overdue unit still owed them. */
  const owed = new Set(shard.keys.map((k) => k.recipient));
  const toldRecord = ctx.addressing.registry.get(shard.told);
  return {
    kind: 'escalation',
    stage: shard.stage,
    unit: shard.told,
    requirement: shard.requirement,
    to: shard.to.filter((a) => owed.has(normaliseAddress(a))),
    cc: shard.cc.filter((a) => owed.has(normaliseAddress(a))),
    subject: escalationSubject(shard.stage, shard.units, entry.requirement.title, daysBetween(lastDayToAct(shard.earliest), ctx.today)),
    keys: shard.keys,
    runDay: ctx.today,
    supervisor: { code: shard.told, name: toldRecord?.unitName ?? shard.told },
    dispatch: dispatchFacts(entry.dispatch),
    requirementFacts: requirementFacts(entry.requirement),
    deadline: shard.earliest,
    overdue: shard.rows,
    ...(shard.units > shard.rows.length && { unlisted: { units: shard.units - shard.rows.length, deadlinesShared: shard.earliest === shard.latest } }),
    ...(shard.redirectedTo !== undefined && { redirectedTo: shard.redirectedTo }),
  };
}
