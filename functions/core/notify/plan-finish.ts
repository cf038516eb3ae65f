import { buildDigest, type DigestShard } from './build-digest.ts';
import { escalationMessages, type EscalationShard } from './build-escalations.ts';
import { planContext } from './plan-context.ts';
import type { NotificationPlan, NotifyMessage, PlanInput } from './types.ts';

/** What the finish of a fanned-out run knows: everything but the results, which stayed in the parts. */
export type FinishInput = Omit<PlanInput, 'results' | 'states'>;

/**
 * The province-level emails of a fanned-out run, from the merged shards of its parts
 * (addEscalationShard, addDigestShard): one escalation per (stage, requirement) to the
 * department listing the overdue units of every part, and the Monday digest.
 * `input.registry` needs only the department.
 */
export function planFinish(input: FinishInput, departmentEscalations: readonly EscalationShard[], digest: DigestShard): NotificationPlan {
  const ctx = planContext({ ...input, results: [] });
  const messages: NotifyMessage[] = escalationMessages(departmentEscalations, ctx);
  const message = buildDigest(ctx, digest);
  if (message) messages.push(message);
  return { asOf: input.asOf, runDay: ctx.today, messages, findings: ctx.findings.list() };
}
