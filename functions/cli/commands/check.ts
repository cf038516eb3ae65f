import { applies } from '../../core/evaluation/applies.ts';
import { evaluateEach } from '../../core/evaluation/evaluate.ts';
import type { UnitRequirementResult } from '../../core/evaluation/types.ts';
import { formatVn } from '../../core/time.ts';
import { resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { loadPackedInputs } from '../load-inputs.ts';
import { UsageError } from '../usage-error.ts';
import { writeResultsJson } from '../write-results-json.ts';

interface CheckOptions {
  asOf?: string;
  dispatches?: string;
  entity?: string;
  json?: boolean;
  codes?: boolean;
  unit?: string[];
  requirement?: string[];
}

export async function checkCommand(ctx: CliContext, files: string[], raw: CheckOptions): Promise<void> {
  const opts = resolveCommonOptions(raw, ctx.now);
  const catalog = await ctx.loadCatalog(opts.dispatchesDir);
  const requirements = catalog.dispatches.flatMap((d) => d.requirements);
  const chosen = raw.requirement ? new Set(raw.requirement) : undefined;
  if (chosen) refuseUnknown('--requirement', chosen, new Set([...catalog.dispatches.map((d) => d.id), ...requirements.map((r) => r.id)]), 'dondoc dispatches');
  const codes = raw.codes === true;
  const { registry, states, unpack } = await loadPackedInputs(files, requirements, { ...opts, ruleCodes: codes, progress: ctx.progress, stderr: ctx.stderr });
  const units = raw.unit ? new Set(raw.unit) : undefined;
  if (units) refuseUnknown('--unit', units, new Set([...registry.keys(), ...states.keys()]), 'the files');
  // Evaluated as written, a unit's codes unpacked only while its results go out.
  const results = filter(
    evaluateEach(catalog, { registry, states, asOf: opts.asOf }, { unpack }),
    (r) => applies(r) && (!units || units.has(r.unit)) && (!chosen || chosen.has(r.requirement) || chosen.has(r.dispatch)),
  );
  if (opts.json) {
    const shown = memoised(formatVn);
    await writeResultsJson(ctx.stdout, { asOf: formatVn(opts.asOf) }, 'results', map(results, (r) => toJson(r, codes, shown)));
    return;
  }
  for (const r of results) {
    const deadline = r.deadline === undefined ? '—' : formatVn(r.deadline);
    ctx.stdout.write(`${r.unit}\t${r.requirement}\t${r.status}\t${deadline}\t${r.failing}/${r.total}\t${r.rate}%\n`);
  }
}

/**
 * A filter naming what is not there would print nothing and exit 0, as if the unit or the
 * requirement were all clear: a typo (THPT01, a requirement id without its dispatch) is
 * wrong usage, said with where the names come from.
 */
function refuseUnknown(option: string, asked: ReadonlySet<string>, known: ReadonlySet<string>, source: 'dondoc dispatches' | 'the files'): void {
  const unknown = [...asked].filter((name) => !known.has(name));
  if (unknown.length === 0) return;
  const where = source === 'the files' ? ['không có trong các tệp đã cho', 'not in the files given'] : ['không có trong danh mục (xem dondoc dispatches)', 'not in the catalog (see dondoc dispatches)'];
  throw new UsageError(`${option} ${unknown.join(', ')}: ${where[0]} / ${where[1]}`);
}

function toJson(r: UnitRequirementResult, codes: boolean, shown: (at: number) => string) {
  return {
    unit: r.unit,
    requirement: r.requirement,
    status: r.status,
    deadline: r.deadline === undefined ? null : shown(r.deadline),
    total: r.total,
    failing: r.failing,
    rate: r.rate,
    dispatch: r.dispatch,
    ...(r.warning === undefined ? {} : { warning: r.warning }),
    ...(r.compliantSince === undefined ? {} : { compliantSince: shown(r.compliantSince) }),
    ...(codes ? { failingCodes: r.failingCodes } : {}),
  };
}

function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

/** Each result's JSON shape only as it is written, so they are never all built at once. */
function* map<T, U>(items: Iterable<T>, to: (item: T) => U): Generator<U> {
  for (const item of items) yield to(item);
}

/** Deadlines and snapshot instants repeat across a province's results: each is formatted once. */
function memoised(format: (at: number) => string): (at: number) => string {
  const texts = new Map<number, string>();
  return (at) => {
    let text = texts.get(at);
    if (text === undefined) {
      text = format(at);
      texts.set(at, text);
    }
    return text;
  };
}
