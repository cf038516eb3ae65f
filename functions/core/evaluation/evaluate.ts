import { deadlineFor } from '../catalog/applicability.ts';
import type { Catalog, Requirement } from '../catalog/schema.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import { DondocError } from '../errors.ts';
import { concerns } from './concerns.ts';
import { deadlineStatus, reminderWindows } from './deadline-status.ts';
import { evaluationContext } from './evaluation-context.ts';
import { measure } from './measure.ts';
import { NO_DATA, type Measurement } from './measurement.ts';
import { rate2 } from './rate.ts';
import type { EvaluationInput, Status, UnitEntitySummary, UnitRequirementResult, UnitState } from './types.ts';

/** The first reminder of the default notification policy (cli-contract: 7, 3 and 1 days before). */
export const DEFAULT_REMINDER_DAYS = 7;

export interface EvaluateOptions {
  reminderDays?: number;
  /**
   * The summary a unit's rules read, given the one in its state: a caller that keeps record
   * codes packed unpacks them here, one unit at a time, just before that unit is measured.
   */
  unpack?: (summary: UnitEntitySummary) => UnitEntitySummary;
}

/**
 * Every unit × every requirement, as of `input.asOf`: units in code order, requirements in
 * catalog order. Snapshots taken after the instant do not exist yet, so replaying any past
 * moment gives the answer dondoc would have given then.
 */
export function evaluate(catalog: Catalog, input: EvaluationInput, opts?: EvaluateOptions): UnitRequirementResult[] {
  return [...evaluateEach(catalog, input, opts)];
}

/** The same results one at a time, so a caller writing them out never holds them all. */
export function* evaluateEach(catalog: Catalog, input: EvaluationInput, opts?: EvaluateOptions): Generator<UnitRequirementResult> {
  const reminderDays = opts?.reminderDays ?? DEFAULT_REMINDER_DAYS;
  if (!Number.isInteger(reminderDays) || reminderDays < 0) {
    throw new DondocError('INVALID_ARGUMENT', `reminderDays phải là số nguyên không âm / must be a non-negative integer: ${reminderDays}`);
  }
  const windowStart = reminderWindows(reminderDays);
  const ctx = evaluationContext(input);
  const requirements = catalog.dispatches.flatMap((d) => d.requirements);
  for (const unit of ctx.units) {
    const state = unitState(ctx.states.get(unit.unitCode), opts?.unpack);
    for (const requirement of requirements) {
      if (!concerns(requirement, unit)) {
        yield result(unit, requirement, 'not_applicable', undefined, undefined);
        continue;
      }
      const deadline = deadlineFor(requirement, unit)?.at;
      const m = measure(requirement, unit, state, ctx);
      if (m === NO_DATA) {
        yield result(unit, requirement, 'no_data', deadline, undefined);
        continue;
      }
      const status = m.status ?? deadlineStatus(m.met, m.compliantSince, deadline, input.asOf, windowStart);
      yield result(unit, requirement, status, deadline, m);
    }
  }
}

type Figures = Pick<Measurement, 'total' | 'failing' | 'failingCodes' | 'warning' | 'compliantSince'>;

/**
 * Built property by property, in the order results have always had: an object spread
 * (`{ ...head, ...(x ? {} : { x }) }`) costs V8 some ten times the time and memory, and
 * a province's evaluation builds tens of thousands of results. No figures: all zero.
 */
function result(unit: UnitRecord, requirement: Requirement, status: Status, deadline: number | undefined, m: Figures | undefined): UnitRequirementResult {
  const r: Partial<UnitRequirementResult> = { unit: unit.unitCode, requirement: requirement.id, dispatch: requirement.dispatchId, status };
  if (deadline !== undefined) r.deadline = deadline;
  r.total = m?.total ?? 0;
  r.failing = m?.failing ?? 0;
  r.rate = m === undefined ? 0 : rate2(m.failing, m.total);
  if (m?.warning !== undefined) r.warning = m.warning;
  // Shared, not copied: the codes are read-only once measured, and a copy doubles the largest lists.
  r.failingCodes = m?.failingCodes ?? [];
  if (m?.compliantSince !== undefined) r.compliantSince = m.compliantSince;
  return r as UnitRequirementResult;
}

function unitState(visible: UnitState | undefined, unpack: EvaluateOptions['unpack']): UnitState | undefined {
  if (visible === undefined || unpack === undefined) return visible;
  const state: UnitState = {};
  for (const summary of Object.values(visible)) if (summary) state[summary.entity] = unpack(summary);
  return state;
}
