import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { DEFAULT_DEMO_RUN, DEMO_TREND_RUNS } from '../../functions/cli/commands/start.ts';
import { DEPARTMENT_CODE } from '../../functions/demo/province-units.ts';
import { SEED_004_AS_OF } from '../../functions/demo/seed004.ts';
import { runLocal, type RunningLocal } from '../../functions/local/run-local.ts';
import { readMailbox } from '../../functions/local/services/mailbox.ts';
import { LOCAL_NAMES } from '../../functions/local/stack/local-names.ts';
import { SUMMARY_STATUSES } from '../../functions/local/stack/format-summary.ts';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { buildProvinceUnits } from '../../functions/demo/generate-province.ts';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const start = (dataDir: string, printed: string[]) =>
  runLocal({
    dataDir,
    port: 0,
    demo: { scale: 0.01, seed: 2023, asOf: SEED_004_AS_OF, firstRun: DEFAULT_DEMO_RUN, trendRuns: DEMO_TREND_RUNS },
    department: DEPARTMENT_CODE,
    logLevel: 'WARN',
    clock: false,
    buildDashboard: false,
    print: (line) => printed.push(line),
  });

/* The first start of the demo, on a tiny province: addresses first, the trend's earlier Monday, the last run's state. */
describe('dondoc start with the demo', () => {
  let dataDir: string;
  let running: RunningLocal | undefined;
  const first: string[] = [];
  const store = (r: RunningLocal) => new DynamoStateStore(DynamoDBDocumentClient.from(r.stack.dynamodb), LOCAL_NAMES.table);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-demo-'));
    running = await start(dataDir, first);
  }, 240_000);

  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the addresses before the load, and progress while it loads', () => {
    const addresses = first.findIndex((line) => line.includes(`Bảng điều khiển / dashboard   ${running!.web.url}`));
    const firstUpload = first.findIndex((line) => line.startsWith('Tải lên units (1/'));
    expect(addresses).toBeGreaterThanOrEqual(0);
    expect(firstUpload).toBeGreaterThan(addresses);
    expect(first.at(-1)).toMatch(/^\n✓ Sẵn sàng \/ ready in \d+\.\d s/);
  });

  it('plays the earlier Monday first, so the trend has two days and the last run stays the latest', async () => {
    const trend = await store(running!).getRollupTrend('PROVINCE');
    expect([...new Set(trend.map((point) => point.day))].sort()).toEqual(['2023-06-19', '2023-06-26']);
    expect(await store(running!).latestRunDay()).toBe('2023-06-26');
    const runs = first.filter((line) => line.startsWith('⏰'));
    expect(runs).toEqual([
      '⏰ Bản tin tuần / weekly digest 2023-06-19T08:00:00+07:00…',
      '⏰ Chạy hằng ngày / daily run 2023-06-26T08:00:00+07:00…',
      '⏰ Bản tin tuần / weekly digest 2023-06-26T08:00:00+07:00…',
    ]);
  });

  it('sums up what the table holds: the registry’s units, and per requirement the units in each status', async () => {
    const summary = first.find((line) => line.startsWith('Đơn vị / units: '))?.split('\n') ?? [];
    expect(summary[0]).toBe(`Đơn vị / units: ${buildProvinceUnits({ scale: 0.01, seed: 2023 }).length}`);
    const catalog = await loadCatalog();
    const rows = new Map(
      summary.slice(2).map((line) => {
        const [id, ...counts] = line.trim().split(/\s+/);
        return [id, counts.map(Number)];
      }),
    );
    const requirements = catalog.dispatches.flatMap((d) => d.requirements.map((r) => r.id));
    expect([...rows.keys()]).toEqual(requirements);
    let statuses = 0;
    for (const id of requirements) {
      for (const [column, status] of SUMMARY_STATUSES.entries()) {
        const stored = (await collect(store(running!).unitsWithStatus(id, status))).length;
        expect(rows.get(id)?.[column], `${id} ${status}`).toBe(stored);
        statuses += stored;
      }
    }
    expect(statuses).toBeGreaterThan(1000);
  });

  it('keeps the state on a restart: no second load, no run replayed, no email twice', async () => {
    const sent = (await readMailbox(running!.stack.endpoints.ses)).length;
    expect(sent).toBeGreaterThan(0);
    await running!.stop();
    running = undefined;
    const again: string[] = [];
    running = await start(dataDir, again);
    expect(again).toContain('✓ Dữ liệu mẫu đã có từ lần trước / demo province kept from the last start');
    expect(again.some((line) => line.startsWith('⏰'))).toBe(false);
    expect(await store(running).latestRunDay()).toBe('2023-06-26');
    /* the SES mock's mailbox lives as long as this process, so a second send would show */
    expect(await readMailbox(running.stack.endpoints.ses)).toHaveLength(sent);
  }, 120_000);
});
