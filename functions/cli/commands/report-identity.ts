import { identityReport } from '../../core/report/identity.ts';
import { renderIdentityTables } from '../../core/report/identity-table.ts';
import { resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { loadInputs } from '../load-inputs.ts';
import { systemFailure } from '../system-error.ts';
import { UsageError } from '../usage-error.ts';

interface ReportOptions {
  asOf?: string;
  dispatches?: string;
  entity?: string;
  json?: boolean;
  format?: string;
  out?: string;
}

export async function reportIdentityCommand(ctx: CliContext, files: string[], raw: ReportOptions): Promise<void> {
  // Both given, one would be silently dropped: --json --format xlsx --out F wrote no file.
  if (raw.json && raw.format !== undefined && raw.format !== 'json') {
    throw new UsageError(`--json và --format ${raw.format}: chọn một / choose one of --json and --format ${raw.format}`);
  }
  const format = raw.json ? 'json' : (raw.format ?? 'table');
  if (!['json', 'table', 'xlsx'].includes(format)) throw new UsageError(`--format phải là json, table hoặc xlsx / must be json, table or xlsx: "${format}"`);
  if (format === 'xlsx' && !raw.out) throw new UsageError('--format xlsx cần --out <tệp.xlsx> / needs --out <file.xlsx>');
  // Ignored, it would leave the person looking for a file that was never written.
  if (format !== 'xlsx' && raw.out !== undefined) {
    throw new UsageError(`--out chỉ dùng với --format xlsx; báo cáo ${format} in ra màn hình / --out needs --format xlsx; the ${format} report goes to stdout`);
  }
  const opts = resolveCommonOptions({ ...raw, format: undefined, out: undefined, json: undefined }, ctx.now);
  // The report reads no rule: a catalog given is loaded only so a bad --dispatches fails here as in
  // every command; the shipped one, checked by the tests, is not read at all (a tenth of a second).
  if (opts.dispatchesDir !== undefined) await ctx.loadCatalog(opts.dispatchesDir);
  const { registry, states } = await loadInputs(files, [], { ...opts, progress: ctx.progress, stderr: ctx.stderr });
  const summaries = [...states.values()].flatMap((s) => [s.students, s.staff].filter((x) => x !== undefined));
  const report = identityReport(registry, summaries, opts.asOf);
  if (format === 'json') ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'table') ctx.stdout.write(renderIdentityTables(report));
  else {
    // ExcelJS is large; only this format needs it, so only it pays for loading it.
    const { writeIdentityXlsx } = await import('../../core/report/identity-xlsx.ts');
    const out = raw.out as string;
    await writeIdentityXlsx(report, out).catch((err: unknown) => {
      throw unwritableOut(err, out);
    });
    ctx.stderr.write(`Đã ghi / written: ${out}\n`);
  }
}

/** A file the system will not let us write (a folder, a missing folder, a full disk) is a wrong --out: the person picks another. */
function unwritableOut(err: unknown, out: string): unknown {
  const failure = systemFailure(err);
  if (failure === undefined) return err;
  return new UsageError(`Không ghi được tệp --out / cannot write the --out file: ${out} (${failure.code}: ${failure.reason}); chọn tệp khác / pick another`);
}
