import { fileInput, validateSnapshot } from '../../core/snapshot/open-snapshot.ts';
import { ENTITY_KINDS, type EntityKind } from '../../core/snapshot/entities.ts';
import type { CliContext } from '../context.ts';
import { formatValidationReport } from '../format-validation-report.ts';
import { BadInputError, UsageError } from '../usage-error.ts';

export async function validateCommand(ctx: CliContext, file: string, raw: { entity?: string; json?: boolean }): Promise<void> {
  if (raw.entity !== undefined && !(ENTITY_KINDS as readonly string[]).includes(raw.entity)) {
    throw new UsageError(`--entity phải là một trong / must be one of: ${ENTITY_KINDS.join(', ')}`);
  }
  const entity = raw.entity as EntityKind | undefined;
  const report = await validateSnapshot(fileInput(file), entity ? { entity } : undefined);
  if (raw.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  // A bad file's report goes to stderr (CLI contract); a good one is the command's output.
  if (!report.ok) {
    ctx.stderr.write(formatValidationReport(report));
    throw new BadInputError(`${file}: ${report.errors} lỗi / errors`);
  }
  if (!raw.json) ctx.stdout.write(formatValidationReport(report));
}
