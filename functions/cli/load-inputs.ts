import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Requirement } from '../core/catalog/schema.ts';
import type { UnitState } from '../core/evaluation/types.ts';
import { summariseSnapshot } from '../core/ingest/summarise-snapshot.ts';
import type { EntityKind, UnitRecord } from '../core/snapshot/entities.ts';
import { fileInput } from '../core/snapshot/open-snapshot.ts';
import { applySummaries } from '../core/state/apply-summaries.ts';
import { formatValidationReport } from './format-validation-report.ts';
import { BadInputError } from './usage-error.ts';
import type { Progress } from './progress.ts';

export interface LoadedInputs {
  registry: Map<string, UnitRecord>;
  states: Map<string, UnitState>;
}

/**
 * Reads every input file in order into unit state. Files are treated as snapshots taken at
 * the evaluation's as-of; a later file replaces an earlier one for the units it covers.
 * Every file is validated before any problem is reported, so one run shows every bad file.
 * Only the given requirements' record rules are judged: a command that prints no rule
 * results passes none, and keeps no failing codes for them.
 */
export async function loadInputs(
  files: readonly string[],
  requirements: readonly Requirement[],
  opts: { asOf: number; entity?: EntityKind; progress: Progress; stderr: NodeJS.WritableStream },
): Promise<LoadedInputs> {
  const registry = new Map<string, UnitRecord>();
  const states = new Map<string, UnitState>();
  let failed = 0;
  for (const file of files) {
    await access(file).catch(() => {
      throw new BadInputError(`Không tìm thấy tệp / file not found: ${file}`);
    });
    const label = basename(file);
    const result = await summariseSnapshot(fileInput(file), requirements, {
      asOf: opts.asOf,
      entity: opts.entity,
      onRows: (rows) => opts.progress.update(label, rows),
    });
    opts.progress.done();
    if (!result.report.ok) {
      failed += 1;
      opts.stderr.write(formatValidationReport(result.report));
      continue;
    }
    if (result.report.warnings > 0) opts.stderr.write(formatValidationReport(result.report));
    for (const unit of result.registry) registry.set(unit.unitCode, unit);
    applySummaries(states, result.summaries);
  }
  if (failed > 0) throw new BadInputError(`${failed} tệp không hợp lệ / ${failed} invalid file(s)`);
  return { registry, states };
}
