import { deadlineFor } from '../catalog/applicability.ts';
import type { Catalog } from '../catalog/schema.ts';
import { DondocError } from '../errors.ts';
import { concerns } from './concerns.ts';
import { deadlineStatus, reminderWindows } from './deadline-status.ts';
import { evaluationContext } from './evaluation-context.ts';
import { measure } from './measure.ts';
import { NO_DATA } from './measurement.ts';
import { rate2 } from './rate.ts';
import type { EvaluationInput, UnitRequirementResult } from './types.ts';

/** The first reminder of the default notification policy (cli-contract: 7, 3 and 1 days before). */
export const DEFAULT_REMINDER_DAYS = 7;

/**
 * Every unit × every requirement, as of `input.asOf`: units in code order, requirements in
 * catalog order. Snapshots taken after the instant do not exist yet, so replaying any past
 * moment gives the answer dondoc would have given then.
 */
export function evaluate(catalog: Catalog, input: EvaluationInput, opts?: { reminderDays?: number }): UnitRequirementResult[] {
  const reminderDays = opts?.reminderDays ?? DEFAULT_REMINDER_DAYS;
  if (!Number.isInteger(reminderDays) || reminderDays < 0) {
    throw new DondocError('INVALID_ARGUMENT', `reminderDays phải là số nguyên không âm / must be a non-negative integer: ${reminderDays}`);
  }
  const windowStart = reminderWindows(reminderDays);
  const ctx = evaluationContext(input);
  const requirements = catalog.dispatches.flatMap((d) => d.requirements);
  const results: UnitRequirementResult[] = [];
  for (const unit of ctx.units) {
    for (const requirement of requirements) {
      const head = { unit: unit.unitCode, requirement: requirement.id, dispatch: requirement.dispatchId };
      if (!concerns(requirement, unit)) {
        results.push({ ...head, status: 'not_applicable', total: 0, failing: 0, rate: 0, failingCodes: [] });
        continue;
      }
      const deadline = deadlineFor(requirement, unit)?.at;
      const withDeadline = deadline === undefined ? {} : { deadline };
      const m = measure(requirement, unit, ctx);
      if (m === NO_DATA) {
        results.push({ ...head, status: 'no_data', ...withDeadline, total: 0, failing: 0, rate: 0, failingCodes: [] });
        continue;
      }
      results.push({
        ...head,
        status: m.status ?? deadlineStatus(m.met, m.compliantSince, deadline, input.asOf, windowStart),
        ...withDeadline,
        total: m.total,
        failing: m.failing,
        rate: rate2(m.failing, m.total),
        ...(m.warning === undefined ? {} : { warning: m.warning }),
        failingCodes: m.failingCodes,
        ...(m.compliantSince === undefined ? {} : { compliantSince: m.compliantSince }),
      });
    }
  }
  return results;
}
