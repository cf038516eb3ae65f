import { rollup } from '../evaluation/rollup.ts';
import { rollupEntries } from '../evaluation/rollup-entries.ts';
import type { UnitRequirementResult } from '../evaluation/types.ts';
import type { PartPlan } from '../notify/plan-part.ts';
import { MAX_ESCALATION_ROWS } from '../notify/templates/escalation-email.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import type { PartResult } from './part-result.ts';
import type { RunRef } from './plan-task.ts';

/**
 * What a part leaves for the finish: its rollups, its first rows of the department's
 * escalations (a daily run's only: the digest run sends none) and its digest shard.
 */
export function summarisePart(
  id: string,
  kind: RunRef['kind'],
  scope: ReadonlyMap<string, UnitRecord>,
  results: readonly UnitRequirementResult[],
  plan: PartPlan,
  counts: { units: number; changes: number; emails: number },
): PartResult {
  return {
    part: id,
    ...counts,
    findings: plan.findings.length,
    rollups: rollupEntries(rollup(results, scope)),
    departmentEscalations: kind === 'daily' ? plan.departmentEscalations.map((s) => ({ ...s, rows: s.rows.slice(0, MAX_ESCALATION_ROWS) })) : [],
    digest: plan.digest,
  };
}
