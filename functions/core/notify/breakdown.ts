import type { Requirement } from '../catalog/schema.ts';
import { rate2 } from '../evaluation/rate.ts';
import type { IdentityTally, UnitState } from '../evaluation/types.ts';
import type { Breakdown } from './types.ts';

/** Classes (or levels) listed in a reminder: enough for a school to know where to start, short enough for a phone. */
export const MAX_BREAKDOWN_ROWS = 15;

/**
 * Where the unverified records of a unit are, by class when the snapshot has classes, else by
 * level. Only the identity rule has per-class counts (the summaries keep them for it); other
 * rules get no breakdown rather than a misleading one.
 */
export function breakdownFor(requirement: Requirement, state: UnitState | undefined): Breakdown | undefined {
  if (requirement.rule.kind !== 'identity_verification') return undefined;
  const summary = state?.[requirement.rule.entity];
  const byClass = rows(summary?.byClass);
  if (byClass.length > 0) return { by: 'class', rows: byClass };
  const byLevel = rows(summary?.byLevel).filter((r) => r.label !== '?');
  return byLevel.length > 0 ? { by: 'level', rows: byLevel } : undefined;
}

function rows(tallies: Partial<Record<string, IdentityTally>> | undefined): Breakdown['rows'] {
  return Object.entries(tallies ?? {})
    .flatMap(([label, t]) => (t && t.unverified > 0 ? [{ label, total: t.total, failing: t.unverified, rate: rate2(t.unverified, t.total) }] : []))
    .sort((a, b) => b.failing - a.failing || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, MAX_BREAKDOWN_ROWS);
}
