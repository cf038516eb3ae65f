import type { Requirement } from '../catalog/schema.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import type { EvaluationContext } from './evaluation-context.ts';
import { measureDeclaredTotals } from './measure-declared-totals.ts';
import { measureExplanations } from './measure-explanations.ts';
import { measureFreshness } from './measure-freshness.ts';
import { measureRecordRule } from './measure-record-rule.ts';
import { measureReport } from './measure-report.ts';
import type { Measured } from './measurement.ts';
import type { UnitState } from './types.ts';

/** One rule over one unit's state as of the evaluation instant (other units' states are read from the context). */
export function measure(requirement: Requirement, unit: UnitRecord, state: UnitState | undefined, ctx: EvaluationContext): Measured {
  const rule = requirement.rule;
  switch (rule.kind) {
    case 'freshness':
      return measureFreshness(rule, state, ctx.asOf);
    case 'declared_totals':
      return measureDeclaredTotals(rule, state);
    case 'explanations':
      return measureExplanations(rule, state, ctx.entitiesSeen);
    case 'report_submitted':
      return measureReport(requirement, rule, unit, ctx);
    default:
      return measureRecordRule(requirement, rule, state);
  }
}
