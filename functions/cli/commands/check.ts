import { evaluate } from '../../core/evaluation/evaluate.ts';
import type { UnitRequirementResult } from '../../core/evaluation/types.ts';
import { writePrettyJson } from '../../core/report/write-pretty-json.ts';
import { formatVn } from '../../core/time.ts';
import { resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { loadInputs } from '../load-inputs.ts';

interface CheckOptions {
  asOf?: string;
  dispatches?: string;
  entity?: string;
  json?: boolean;
  unit?: string[];
  requirement?: string[];
}

export async function checkCommand(ctx: CliContext, files: string[], raw: CheckOptions): Promise<void> {
  const opts = resolveCommonOptions(raw, ctx.now);
  const catalog = await ctx.loadCatalog(opts.dispatchesDir);
  const { registry, states } = await loadInputs(files, catalog.dispatches.flatMap((d) => d.requirements), { ...opts, progress: ctx.progress, stderr: ctx.stderr });
  const units = raw.unit ? new Set(raw.unit) : undefined;
  const requirements = raw.requirement ? new Set(raw.requirement) : undefined;
  const results = evaluate(catalog, { registry, states, asOf: opts.asOf }).filter(
    (r) =>
      r.status !== 'not_applicable' &&
      (!units || units.has(r.unit)) &&
      (!requirements || requirements.has(r.requirement) || requirements.has(r.dispatch)),
  );
  if (opts.json) {
    await writePrettyJson(ctx.stdout, { asOf: formatVn(opts.asOf) }, 'results', lazyMap(results, toJson));
    return;
  }
  for (const r of results) {
    const deadline = r.deadline === undefined ? '—' : formatVn(r.deadline);
    ctx.stdout.write(`${r.unit}\t${r.requirement}\t${r.status}\t${deadline}\t${r.failing}/${r.total}\t${r.rate}%\n`);
  }
}

function toJson(r: UnitRequirementResult) {
  return {
    unit: r.unit,
    requirement: r.requirement,
    status: r.status,
    deadline: r.deadline === undefined ? null : formatVn(r.deadline),
    total: r.total,
    failing: r.failing,
    rate: r.rate,
    dispatch: r.dispatch,
    ...(r.warning === undefined ? {} : { warning: r.warning }),
    ...(r.compliantSince === undefined ? {} : { compliantSince: formatVn(r.compliantSince) }),
    failingCodes: r.failingCodes,
  };
}

/** Each result's JSON shape only as it is written, so they are never all built at once. */
function* lazyMap<T, U>(items: readonly T[], map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
