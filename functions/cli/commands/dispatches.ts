import { catalogToJson } from '../../core/catalog/load.ts';
import { resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';

export async function dispatchesCommand(ctx: CliContext, opts: { json?: boolean; dispatches?: string }): Promise<void> {
  const { dispatchesDir } = resolveCommonOptions({ dispatches: opts.dispatches }, ctx.now);
  const catalog = await ctx.loadCatalog(dispatchesDir);
  const json = catalogToJson(catalog);
  if (opts.json) {
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  for (const d of json.dispatches) {
    ctx.stdout.write(`${d.id}  ${d.issuer} ${d.number} (${d.date})\n  ${d.title}\n`);
    for (const r of d.requirements) {
      const deadlines = r.deadlines.map((x) => x.at).join(', ') || 'không thời hạn / no deadline';
      ctx.stdout.write(`    - ${r.id} [${r.kind}, ${r.entity}] ${r.title} — ${deadlines}\n`);
    }
  }
}
