import { z } from 'zod';
import { DondocError } from '../../core/errors.ts';
import { readStackFile } from '../../local/stack/stack-file.ts';
import { PathOption, resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { formatVn } from '../../core/time.ts';
import { systemFailure } from '../system-error.ts';
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
  const res = await fetch(url, { method: 'POST' }).catch((err: unknown) => {
    // fetch says only "fetch failed"; why is in its cause (ECONNREFUSED for a stack no longer running).
    const cause = err instanceof Error ? err.cause : undefined;
    const why = systemFailure(cause)?.code ?? (cause instanceof Error ? cause.message : String(err));
    throw new DondocError(
      'LOCAL_SERVICE',
      `Hệ thống cục bộ tại ${url.origin} không trả lời / the local stack at ${url.origin} does not answer (${why}): "dondoc start" trong ${parsed.data.dataDir} còn chạy không? / is "dondoc start" in ${parsed.data.dataDir} still running?`,
      err,
    );
  });
  const body = await res.text();
  if (!res.ok) throw new BadInputError(`Lần chạy thất bại / the run failed (${res.status}): ${body}`);
  ctx.stdout.write(`${body}\n`);
}
