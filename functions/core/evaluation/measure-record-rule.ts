import type { Requirement } from '../catalog/schema.ts';
import type { RecordRule } from './record-rules.ts';
import { NO_DATA, metSince, type Measured } from './measurement.ts';
import type { UnitState } from './types.ts';

/** Rules already counted record by record when the snapshot was summarised: read the tally. */
export function measureRecordRule(requirement: Requirement, rule: RecordRule, state: UnitState | undefined): Measured {
  const summary = state?.[rule.entity];
  const tally = summary?.tallies[requirement.id];
  if (!summary || !tally) return NO_DATA;
  // The result shares the tally's codes rather than copying them: nothing writes to either
  // once the snapshot is summarised, and a copy doubled a province's largest arrays.
  const base = { total: tally.total, failing: tally.failing, failingCodes: tally.failingCodes };
  // A record stamped after its own snapshot is a clock error upstream; the snapshot is the latest we can vouch for.
  const since = Math.min(tally.lastAt ?? summary.asOf, summary.asOf);
  switch (rule.kind) {
    case 'identity_verification': {
      // 98.6 × 1000 is not exactly 98600 in binary floating point; a unit exactly at the threshold meets it.
      const met = tally.total === 0 || (tally.total - tally.failing) * 100 - rule.threshold * tally.total >= -1e-9 * tally.total;
      return { ...base, ...metSince(met, since) };
    }
    case 'update_window': {
      const status = tally.failing > 0 ? 'non_compliant' : tally.warning > 0 ? 'warning' : 'compliant';
      return { ...base, warning: tally.warning, status, ...metSince(status === 'compliant', since) };
    }
    default: {
      const met = tally.failing === 0;
      return { ...base, ...metSince(met, since) };
    }
  }
}
