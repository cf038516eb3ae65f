import type { IngestOutcome } from '../core/pipeline/ingest-snapshot.ts';

/* Counts and codes only: the validation report's values may hold what the unit uploaded. */
export function outcomeForLog(outcome: IngestOutcome) {
  if (outcome.outcome === 'gone') return { outcome: outcome.outcome, key: outcome.key };
  if (outcome.outcome === 'rejected') {
    return { outcome: outcome.outcome, key: outcome.key, version: outcome.version, errors: outcome.report.errors, quarantineKey: outcome.quarantineKey };
  }
  const { outcome: kind, key, version, entity, rows, applied, stale } = outcome;
  return { outcome: kind, key, version, entity, rows, applied, stale, evaluated: outcome.evaluated.length, changes: outcome.changes.length };
}
