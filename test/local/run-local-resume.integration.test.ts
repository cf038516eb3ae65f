import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { DEFAULT_DEMO_RUN, DEMO_TREND_RUNS } from '../../functions/cli/commands/start.ts';
import { DEPARTMENT_CODE } from '../../functions/demo/province-units.ts';
import { SEED_004_AS_OF } from '../../functions/demo/seed004.ts';
import { demoKey } from '../../functions/local/demo/load-demo.ts';
import { runLocal, type RunningLocal } from '../../functions/local/run-local.ts';
import { LOCAL_NAMES } from '../../functions/local/stack/local-names.ts';

const BIN = fileURLToPath(new URL('../../bin/dondoc.mjs', import.meta.url));
const SCALE = 0.01;

/**
 * A first `dondoc start` killed (SIGKILL, as a closed terminal or a crash would) once it has
 * printed `line`: its uploads and runs so far are in the data folder, the rest never happened.
 */
function killedFirstStart(dataDir: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start', '--once', '--port', '0', '--scale', String(SCALE), '--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let printed = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
      if (printed.includes(line)) child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(printed) : reject(new Error(`the first start ended before "${line}":\n${printed}`))));
  });
}

/* dynalite runs in a child of the killed process and leaves when its parent's channel closes; until then it holds the table's files. */
async function startOnceFree(dataDir: string, printed: string[]): Promise<RunningLocal> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runLocal({
        dataDir,
        port: 0,
        demo: { scale: SCALE, seed: 2023, asOf: SEED_004_AS_OF, firstRun: DEFAULT_DEMO_RUN, trendRuns: DEMO_TREND_RUNS },
        department: DEPARTMENT_CODE,
        logLevel: 'WARN',
        clock: false,
        buildDashboard: false,
        print: (line) => printed.push(line),
      });
    } catch (err) {
      if (attempt === 20) throw err;
      printed.length = 0;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/* A first start stopped halfway must not count as loaded: the next start does what it missed, and only that. */
describe('dondoc start after a first start killed mid-load', () => {
  let dataDir: string;
  let running: RunningLocal | undefined;
  const printed: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-resume-'));
    const first = await killedFirstStart(dataDir, 'Tải lên staff (5/8)');
    /* by then the earlier Monday was played, after the files dated before it */
    expect(first).toContain('⏰ Bản tin tuần / weekly digest 2023-06-19T08:00:00+07:00…');
    running = await startOnceFree(dataDir, printed);
  }, 300_000);

  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uploads the file it was killed on and those after it, not the ones already ingested', () => {
    expect(printed.filter((line) => line.startsWith('Tải lên')).map((line) => line.slice(0, line.indexOf(' /')))).toEqual([
      'Tải lên staff (5/8)',
      'Tải lên profiles (6/8)',
      'Tải lên reports (7/8)',
      'Tải lên explanations (8/8)',
    ]);
    expect(printed.some((line) => line.startsWith('✓ Đã nạp dữ liệu mẫu / demo province loaded in'))).toBe(true);
  });

  it('plays only the runs the first start did not reach, and ends with every file applied and both trend days', async () => {
    expect(printed.filter((line) => line.startsWith('⏰'))).toEqual([
      '⏰ Chạy hằng ngày / daily run 2023-06-26T08:00:00+07:00…',
      '⏰ Bản tin tuần / weekly digest 2023-06-26T08:00:00+07:00…',
    ]);
    const store = new DynamoStateStore(DynamoDBDocumentClient.from(running!.stack.dynamodb), LOCAL_NAMES.table);
    for (const [entity, file] of [['units', 'units.csv'], ['students', 'students.csv'], ['staff', 'staff.csv'], ['explanations', 'explanations.csv']] as const) {
      expect(await store.latestObjectOutcome(demoKey(entity, file)), file).toMatchObject({ outcome: 'applied' });
    }
    expect([...new Set((await store.getRollupTrend('PROVINCE')).map((point) => point.day))].sort()).toEqual(['2023-06-19', '2023-06-26']);
    expect(await store.latestRunDay()).toBe('2023-06-26');
  });
});
