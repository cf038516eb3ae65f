import { z } from 'zod';
import { whenAborted } from '../../core/concurrency/when-aborted.ts';
import { DEPARTMENT_CODE } from '../../demo/province-units.ts';
import { SEED_004_AS_OF } from '../../demo/seed004.ts';
import type { DondocError } from '../../core/errors.ts';
import { runLocal } from '../../local/run-local.ts';
import { LocalStateError } from '../../local/services/local-state-error.ts';
import { PathOption } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { positiveDecimalOption, wholeNumberOption } from '../number-options.ts';
import { BadInputError, invalidOptions, UsageError } from '../usage-error.ts';

/** The day played after the demo is first loaded: the Monday after seed 004's notice, so the digest goes too. */
export const DEFAULT_DEMO_RUN = '2023-06-26T08:00:00+07:00';
/* The Monday before, played first (its digest only): the overview's trend and the digest's week-on-week change get a point to compare with. */
export const DEMO_TREND_RUNS = ['2023-06-19T08:00:00+07:00'];

const StartOptions = z.object({
  dataDir: PathOption.default('.dondoc'),
  port: wholeNumberOption(0, 65_535).default(8080),
  asOf: z.string().optional(),
  demo: z.boolean().default(true),
  scale: positiveDecimalOption(4).default(1),
  // The demo's generator mixes the seed into 32-bit hashes: a larger one would give another's data.
  seed: wholeNumberOption(0, 0xffff_ffff).default(2023),
  department: z.string().trim().min(1, 'mã đơn vị trống / the unit code is empty').default(DEPARTMENT_CODE),
  verbose: z.boolean().default(false),
  once: z.boolean().default(false),
});

/** `dondoc start`: runs until Ctrl-C (or, with --once, until the start-up work is done). */
export async function startCommand(ctx: CliContext, raw: unknown): Promise<void> {
  const parsed = StartOptions.safeParse(raw);
  if (!parsed.success) throw invalidOptions(parsed.error);
  const opts = parsed.data;
  const print = (line: string) => ctx.stderr.write(`${line}\n`);
  /* Ctrl-C stops the services cleanly at any point, the demo's load included. */
  const stop = new AbortController();
  const onStop = () => {
    print('Đang dừng / stopping…');
    stop.abort();
  };
  process.once('SIGINT', onStop);
  process.once('SIGTERM', onStop);
  try {
    const running = await runLocal({
      dataDir: opts.dataDir,
      port: opts.port,
      ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
      demo: opts.demo ? { scale: opts.scale, seed: opts.seed, asOf: SEED_004_AS_OF, firstRun: DEFAULT_DEMO_RUN, trendRuns: DEMO_TREND_RUNS } : undefined,
      department: opts.department,
      logLevel: opts.verbose ? 'INFO' : 'WARN',
      clock: !opts.once,
      signal: stop.signal,
      print,
    }).catch((err: unknown) => {
      throw startFailure(err, opts.port);
    });
    const lost = opts.once ? undefined : await untilStopped(stop.signal, running.stack.lost, print);
    if (lost) print('Đang dừng / stopping…');
    await running.stop();
    if (lost) throw lost;
  } finally {
    process.off('SIGINT', onStop);
    process.off('SIGTERM', onStop);
  }
}

/** Waits for Ctrl-C, or for a service to end on its own (then returns why). */
async function untilStopped(signal: AbortSignal, lost: Promise<DondocError>, print: (line: string) => void): Promise<DondocError | undefined> {
  print('\nCtrl-C để dừng / to stop.');
  return Promise.race([whenAborted(signal).then(() => undefined), lost]);
}

/** What the person is told when the start fails for a reason they can act on. */
function startFailure(err: unknown, port: number): unknown {
  if (err instanceof LocalStateError) return new BadInputError(stateMessage(err));
  if (isPortInUse(err)) return new UsageError(`Cổng ${port} đang được dùng / port ${port} is in use: chọn cổng khác với --port / pick another with --port`);
  const unusable = unusablePath(err);
  if (unusable) {
    return new BadInputError(
      `Không ghi được vào thư mục dữ liệu / the data folder cannot be written: ${unusable.path} (${unusable.code}); chọn thư mục khác với --data-dir / pick another with --data-dir`,
    );
  }
  return err;
}

function stateMessage(err: LocalStateError): string {
  return err.state.reason === 'locked'
    ? `Thư mục dữ liệu đang được một "dondoc start" khác dùng / the data folder is in use by another "dondoc start": ${err.path} is locked; dừng tiến trình đó hoặc chọn thư mục khác với --data-dir / stop it or pick another with --data-dir`
    : `Không mở được dữ liệu DynamoDB / the DynamoDB state cannot be opened: ${err.path} (${err.state.code}: ${err.state.detail}); chuyển nó đi hoặc chọn thư mục khác với --data-dir / move it away or pick another with --data-dir`;
}

function isPortInUse(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'EADDRINUSE';
}

/* What the file system says when the data folder is not a folder, not ours to write, or full. */
const UNUSABLE_PATH_CODES: ReadonlySet<string> = new Set(['ENOTDIR', 'EEXIST', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC']);

function unusablePath(err: unknown): { path: string; code: string } | undefined {
  if (!(err instanceof Error) || !('code' in err) || !('path' in err)) return undefined;
  const { code, path } = err;
  return typeof code === 'string' && typeof path === 'string' && UNUSABLE_PATH_CODES.has(code) ? { path, code } : undefined;
}
