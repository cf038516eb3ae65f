import type { Status } from '../../core/evaluation/types.ts';

/** What a status item remembers about its own past, besides the latest result. */
export interface StatusLineage {
  status: Status;
  evaluatedAt: number;
  /** when the status became what it is */
  since: number;
  /** the status before that, if any */
  previous?: Status;
}

export interface Transition {
  since: number;
  previous?: Status;
  /** set when this evaluation changed the status (first status ever included) */
  change?: { from?: Status; to: Status };
}

/**
 * Decides how writing `next` at `at` over `stored` is recorded. The same evaluation written
 * twice (a redelivered message, a retry after history failed to write) reports the same
 * change again: `since === at` means this very evaluation made the change, so its history
 * item is rewritten rather than lost. The caller has already dropped evaluations older than
 * the stored one.
 */
export function transition(stored: StatusLineage | undefined, next: Status, at: number): Transition {
  if (stored === undefined) return { since: at, change: { to: next } };
  if (stored.status !== next) return { since: at, previous: stored.status, change: { from: stored.status, to: next } };
  const lineage = { since: stored.since, ...(stored.previous === undefined ? {} : { previous: stored.previous }) };
  if (stored.since !== at) return lineage;
  return { ...lineage, change: { ...(stored.previous === undefined ? {} : { from: stored.previous }), to: next } };
}
