import type { RollupEntry } from '../evaluation/rollup-entries.ts';
import { addCounts } from '../notify/add-counts.ts';

/** The rollups of a run, summed from its parts' as they are read: the same entries one rollup over every unit gives. */
export class RollupSum {
  private readonly entries = new Map<string, RollupEntry>();

  add(entries: readonly RollupEntry[]): void {
    for (const entry of entries) {
      const key = `${entry.scope}\u0000${entry.key}`;
      const current = this.entries.get(key);
      this.entries.set(key, current === undefined ? entry : { ...entry, counts: addCounts(current.counts, entry.counts) });
    }
  }

  list(): RollupEntry[] {
    return [...this.entries.values()];
  }
}
