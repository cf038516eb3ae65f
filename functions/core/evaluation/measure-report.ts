import type { Requirement, Rule } from '../catalog/schema.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import { concerns } from './concerns.ts';
import type { EvaluationContext } from './evaluation-context.ts';
import { NO_DATA, measured, type Measured } from './measurement.ts';

type ReportRule = Extract<Rule, { kind: 'report_submitted' }>;

/** When the unit submitted the period's report, if it had by the evaluation instant. */
function submittedAt(ctx: EvaluationContext, unit: string, period: string): number | undefined {
  const at = ctx.states.get(unit)?.reports?.reports?.[period]?.submittedAt;
  return at !== undefined && at <= ctx.asOf ? at : undefined;
}

/**
 * A reports snapshot is usually the department's export covering every unit, so once any
 * reports snapshot exists, a unit absent from it has not submitted. With none at all there
 * is nothing to judge: no_data.
 *
 * With after_children, a district office's report counts only when every school or centre
 * it supervises (and which the requirement concerns) has submitted, and the office
 * submitted after the last of them. The office's own code is among the failing codes when
 * its own submission is missing or came too early.
 */
export function measureReport(requirement: Requirement, rule: ReportRule, unit: UnitRecord, ctx: EvaluationContext): Measured {
  if (!ctx.entitiesSeen.has('reports')) return NO_DATA;
  const own = submittedAt(ctx, unit.unitCode, rule.period);
  if (!rule.after_children) {
    const met = own !== undefined;
    return measured(1, met ? 0 : 1, met ? [] : [unit.unitCode], met, own);
  }
  const children = (ctx.childrenOf.get(unit.unitCode) ?? []).filter(
    (child) => (child.unitKind === 'school' || child.unitKind === 'centre') && concerns(requirement, child),
  );
  const missing: string[] = [];
  let lastChild = Number.NEGATIVE_INFINITY;
  for (const child of children) {
    const at = submittedAt(ctx, child.unitCode, rule.period);
    if (at === undefined) missing.push(child.unitCode);
    else lastChild = Math.max(lastChild, at);
  }
  const ownValid = own !== undefined && own >= lastChild;
  const failingCodes = ownValid ? missing : [...missing, unit.unitCode];
  const met = failingCodes.length === 0;
  return measured(1 + children.length, failingCodes.length, failingCodes, met, own);
}
