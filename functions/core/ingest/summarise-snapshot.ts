import type { Requirement } from '../catalog/schema.ts';
import { SnapshotAccumulator } from '../evaluation/accumulator.ts';
import type { UnitEntitySummary } from '../evaluation/types.ts';
import { openSnapshot, type SnapshotInput } from '../snapshot/open-snapshot.ts';
import type { ValidationReport } from '../snapshot/validation-report.ts';
import type { EntityKind, UnitRecord } from '../snapshot/entities.ts';
import type { RegistryLookup } from '../snapshot/unit-hierarchy.ts';

export interface SnapshotSummary {
  report: ValidationReport;
  entity: EntityKind;
  /** empty unless the report is ok: a file with any error is applied not at all */
  summaries: UnitEntitySummary[];
  registry: UnitRecord[];
}

export interface SummariseOptions {
  asOf: number;
  entity?: EntityKind;
  /** the registered units, for a units file's parents named outside it */
  registry?: RegistryLookup;
  onRows?: (rows: number) => void;
}

const PROGRESS_EVERY = 10_000;

/**
 * Streams one snapshot file into per-unit summaries. Rows are folded as they arrive, so
 * memory follows the number of units and failing records, not the file's size.
 */
export async function summariseSnapshot(
  input: SnapshotInput,
  requirements: readonly Requirement[],
  opts: SummariseOptions,
): Promise<SnapshotSummary> {
  const opened = await openSnapshot(input, { entity: opts.entity, registry: opts.registry });
  const acc = new SnapshotAccumulator(requirements, { asOf: opts.asOf, source: input.name });
  let rows = 0;
  let reported = 0;
  // The duplicate rules may spill to a temporary file: it goes whether the file is read, rejected or breaks off.
  try {
    for await (const batch of opened.batches()) {
      for (const rec of batch) acc.add(rec);
      rows += batch.length;
      if (opts.onRows && rows - reported >= PROGRESS_EVERY) {
        reported = rows - (rows % PROGRESS_EVERY);
        opts.onRows(reported);
      }
    }
    opts.onRows?.(rows);
    const ok = opened.report.ok;
    return {
      report: opened.report,
      entity: opened.entity,
      summaries: ok ? acc.summaries() : [],
      registry: ok ? acc.registry() : [],
    };
  } finally {
    acc.release();
  }
}
