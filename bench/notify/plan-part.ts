import type { Catalog } from '../../functions/core/catalog/schema.ts';
import type { UnitRequirementResult } from '../../functions/core/evaluation/types.ts';
import { planPart } from '../../functions/core/notify/plan-part.ts';
import { renderEmail } from '../../functions/core/notify/templates/render-email.ts';
import type { PartResult } from '../../functions/core/pipeline/part-result.ts';
import { summarisePart } from '../../functions/core/pipeline/summarise-part.ts';
import type { UnitRecord } from '../../functions/core/snapshot/entities.ts';
import { DEPARTMENT } from './national-run.ts';

export const DASHBOARD = 'https://dondoc.example.gov.vn';

/** What the plan worker computes for one part, without the store: the plan, every email rendered, the stored result. */
export function planBenchPart(
  catalog: Catalog,
  registry: ReadonlyMap<string, UnitRecord>,
  id: string,
  codes: readonly string[],
  results: readonly UnitRequirementResult[],
  asOf: number,
): { result: PartResult; emails: number; bytes: number } {
  const scope = new Map(codes.flatMap((code) => (registry.has(code) ? [[code, registry.get(code) as UnitRecord] as const] : [])));
  const partRegistry = new Map(scope);
  const department = registry.get(DEPARTMENT);
  if (department) partRegistry.set(DEPARTMENT, department);
  const plan = planPart({ catalog, registry: partRegistry, results, department: DEPARTMENT, asOf, alreadySent: () => false });
  let bytes = 0;
  for (const message of plan.messages) {
    const email = renderEmail(message, { dashboardUrl: DASHBOARD });
    bytes += email.html.length + email.text.length;
  }
  const result = summarisePart(id, 'daily', scope, results, plan, { units: scope.size, changes: 0, emails: plan.messages.length });
  return { result, emails: plan.messages.length, bytes };
}
