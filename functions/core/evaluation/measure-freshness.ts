import type { Rule } from '../catalog/schema.ts';
import { DAY_MS } from '../time.ts';
import { NO_DATA, type Measured } from './measurement.ts';
import type { UnitState } from './types.ts';

/** "Sống" (live) data: the unit's latest snapshot of the entity is no older than max_age_days. */
export function measureFreshness(rule: Extract<Rule, { kind: 'freshness' }>, state: UnitState | undefined, asOf: number): Measured {
  const summary = state?.[rule.entity];
  if (!summary) return NO_DATA;
  const stale = asOf - summary.asOf > rule.max_age_days * DAY_MS;
  return stale
    ? { total: 1, failing: 1, failingCodes: [rule.entity], met: false }
    : { total: 1, failing: 0, failingCodes: [], met: true, compliantSince: summary.asOf };
}
