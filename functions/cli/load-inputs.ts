import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Requirement } from '../core/catalog/schema.ts';
import { SnapshotAccumulator, type PackedSummary } from '../core/evaluation/accumulator.ts';
import type { UnitEntitySummary, UnitState } from '../core/evaluation/types.ts';
import type { EntityKind, UnitRecord } from '../core/snapshot/entities.ts';
import { fileInput, openSnapshot } from '../core/snapshot/open-snapshot.ts';
import { applySummaries } from '../core/state/apply-summaries.ts';
import { formatValidationReport } from './format-validation-report.ts';
import { BadInputError } from './usage-error.ts';
import type { Progress } from './progress.ts';

export interface LoadedInputs {
  registry: Map<string, UnitRecord>;
  states: Map<string, UnitState>;
}

/** Inputs whose summaries list no record codes yet: `unpack` gives a summary of `states` with them. */
export interface PackedInputs extends LoadedInputs {
  unpack: (summary: UnitEntitySummary) => UnitEntitySummary;
}

interface LoadOptions {
  asOf: number;
  entity?: EntityKind;
  /** false: the judged rules count failing and warned records without listing their codes (default true) */
  ruleCodes?: boolean;
  progress: Progress;
  stderr: NodeJS.WritableStream;
}

/** Reads every input file into unit state, each summary with all its record codes. */
export async function loadInputs(files: readonly string[], requirements: readonly Requirement[], opts: LoadOptions): Promise<LoadedInputs> {
  const { registry, states, unpack } = await loadPackedInputs(files, requirements, opts);
  for (const state of states.values()) {
    for (const summary of Object.values(state)) if (summary) state[summary.entity] = unpack(summary);
  }
  return { registry, states };
}

/**
 * Reads every input file in order into unit state, record codes left packed. Files are
 * treated as snapshots taken at the evaluation's as-of; a later file replaces an earlier
 * one for the units it covers. Every file is validated before any problem is reported, so
 * one run shows every bad file. Only the given requirements' record rules are judged: a
 * command that prints no rule results passes none, and keeps no failing codes for them.
 */
export async function loadPackedInputs(files: readonly string[], requirements: readonly Requirement[], opts: LoadOptions): Promise<PackedInputs> {
  const registry = new Map<string, UnitRecord>();
  const states = new Map<string, UnitState>();
  // Weak, so the codes of a summary a later file replaces go with it.
  const packed = new WeakMap<UnitEntitySummary, PackedSummary>();
  let failed = 0;
  for (const file of files) {
    await access(file).catch(() => {
      throw new BadInputError(`Không tìm thấy tệp / file not found: ${file}`);
    });
    const label = basename(file);
    const input = fileInput(file);
    const opened = await openSnapshot(input, opts.entity ? { entity: opts.entity } : undefined);
    const acc = new SnapshotAccumulator(requirements, { asOf: opts.asOf, source: input.name, ruleCodes: opts.ruleCodes !== false });
    // The duplicate rules may spill to a temporary file: it goes whether the file is read, rejected or breaks off.
    try {
      let rows = 0;
      for await (const batch of opened.batches()) {
        for (const rec of batch) acc.add(rec);
        rows += batch.length;
        opts.progress.update(label, rows);
      }
      opts.progress.done();
      const report = opened.report;
      if (!report.ok) {
        failed += 1;
        opts.stderr.write(formatValidationReport(report));
        continue;
      }
      if (report.warnings > 0) opts.stderr.write(formatValidationReport(report));
      for (const unit of acc.registry()) registry.set(unit.unitCode, unit);
      const summaries = acc.packedSummaries();
      for (const entry of summaries) packed.set(entry.summary, entry);
      applySummaries(states, summaries.map((entry) => entry.summary));
    } finally {
      acc.release();
    }
  }
  if (failed > 0) throw new BadInputError(`${failed} tệp không hợp lệ / ${failed} invalid file(s)`);
  return { registry, states, unpack: (summary) => packed.get(summary)?.unpack() ?? summary };
}
