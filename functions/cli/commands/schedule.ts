import { z } from 'zod';
import { readStackFile } from '../../local/stack/stack-file.ts';
import { PathOption, resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { formatVn } from '../../core/time.ts';
import { BadInputError, invalidOptions } from '../usage-error.ts';

const ScheduleOptions = z.object({ digest: z.boolean().optional(), dataDir: PathOption.default('.dondoc') });

/** Time travel for the running local stack: plays the scheduled run of a chosen moment. */
export async function scheduleCommand(ctx: CliContext, raw: { asOf?: string; digest?: boolean; dataDir?: string }): Promise<void> {
  const opts = resolveCommonOptions({ asOf: raw.asOf }, ctx.now);
  const parsed = ScheduleOptions.safeParse(raw);
  if (!parsed.success) throw invalidOptions(parsed.error);
  const stack = await readStackFile(parsed.data.dataDir);
  const url = new URL('/local/schedule', stack.dashboard);
  url.searchParams.set('run', parsed.data.digest === true ? 'digest' : 'daily');
  url.searchParams.set('asOf', formatVn(opts.asOf));
  const res = await fetch(url, { method: 'POST' });
  const body = await res.text();
  if (!res.ok) throw new BadInputError(`Lần chạy thất bại / the run failed (${res.status}): ${body}`);
  ctx.stdout.write(`${body}\n`);
}
