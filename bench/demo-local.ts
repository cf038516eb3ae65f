import { join } from 'node:path';
import { DEFAULT_DEMO_RUN } from '../functions/cli/commands/start.ts';
import { DEPARTMENT_CODE } from '../functions/demo/province-units.ts';
import { SEED_004_AS_OF } from '../functions/demo/seed004.ts';
import { runLocal, type RunningLocal } from '../functions/local/run-local.ts';

/**
 * `dondoc start` with the demo province at `scale`, on random ports and a data folder of its
 * own under bench/.data (kept: the next run finds the province loaded and starts in seconds),
 * so it never touches the `.dondoc` of a stack someone is running.
 */
export function startDemoLocal(scale: number): Promise<RunningLocal> {
  return runLocal({
    dataDir: join(import.meta.dirname, '.data', `dashboard-scale-${scale}`),
    port: 0,
    demo: { scale, seed: 2023, asOf: SEED_004_AS_OF, firstRun: DEFAULT_DEMO_RUN },
    department: DEPARTMENT_CODE,
    logLevel: 'ERROR',
    clock: false,
    print: (line) => process.stderr.write(`${line}\n`),
  });
}

/** `--scale <n>` from the command line, 1 (Hải Phòng) by default. */
export function scaleArg(argv: readonly string[] = process.argv): number {
  const at = argv.indexOf('--scale');
  const scale = at === -1 ? 1 : Number(argv[at + 1]);
  if (!(scale > 0 && scale <= 4)) throw new Error(`--scale: expected a number in (0, 4], got ${argv[at + 1]}`);
  return scale;
}
