import type { UnitEntitySummary, UnitState } from '../evaluation/types.ts';

/**
 * Folds summaries into per-unit state. A summary replaces the unit's earlier state for its
 * entity only when it is at least as new: an older snapshot never overwrites a newer one,
 * and applying the same snapshot twice changes nothing. DynamoDB enforces the same rule
 * with a conditional write on as-of.
 */
export function applySummaries(states: Map<string, UnitState>, summaries: Iterable<UnitEntitySummary>): Map<string, UnitState> {
  for (const summary of summaries) {
    const state = states.get(summary.unit) ?? {};
    const current = state[summary.entity];
    if (!current || current.asOf <= summary.asOf) state[summary.entity] = summary;
    states.set(summary.unit, state);
  }
  return states;
}
