import type { Requirement } from '../catalog/schema.ts';
import type { RecordRule } from './record-rules.ts';
import { NO_DATA, measured, type Measured } from './measurement.ts';
import type { UnitState } from './types.ts';

/** Rules already counted record by record when the snapshot was summarised: read the tally. */
export function measureRecordRule(requirement: Requirement, rule: RecordRule, state: UnitState | undefined): Measured {
  const summary = state?.[rule.entity];
  const tally = summary?.tallies[requirement.id];
  if (!summary || !tally) return NO_DATA;
  // A record stamped after its own snapshot is a clock error upstream; the snapshot is the latest we can vouch for.
  const since = Math.min(tally.lastAt ?? summary.asOf, summary.asOf);
  // The result shares the tally's codes rather than copying them: nothing writes to either
  // once the snapshot is summarised, and a copy doubled a province's largest arrays.
  const counted = (met: boolean) => measured(tally.total, tally.failing, tally.failingCodes, met, since);
  switch (rule.kind) {
    case 'identity_verification':
      // 98.6 × 1000 is not exactly 98600 in binary floating point; a unit exactly at the threshold meets it.
      return counted(tally.total === 0 || (tally.total - tally.failing) * 100 - rule.threshold * tally.total >= -1e-9 * tally.total);
    case 'update_window': {
      const status = tally.failing > 0 ? 'non_compliant' : tally.warning > 0 ? 'warning' : 'compliant';
      const m = counted(status === 'compliant');
      m.warning = tally.warning;
      m.status = status;
      return m;
    }
    default:
      return counted(tally.failing === 0);
  }
}
