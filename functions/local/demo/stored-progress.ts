import type { StateStore } from '../../core/ports/state-store.ts';
import { parseInstant, vnDate } from '../../core/time.ts';
import type { DemoProgress } from './load-demo.ts';

/**
 * How far the demo got, read from the table rather than the bucket: an object counts once the
 * ingest has recorded it (its last step), a run once its day's point is stored (a run's last
 * write). A start stopped halfway leaves neither, so the next start does that step again.
 */
export function storedProgress(store: StateStore, play: (at: string) => Promise<void>): DemoProgress {
  return {
    ingested: async (key) => (await store.latestObjectOutcome(key)) !== undefined,
    played: async (at) => (await store.getRollupsOfDay('PROVINCE', vnDate(parseInstant(at)))).length > 0,
    play,
  };
}
