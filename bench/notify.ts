import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { measure, table } from './measure.ts';

/**
 * `npm run bench` (second part): planning a national daily run — 50,000 units, ten
 * requirements — in one process, against DuckDB on one thread selecting the same reminders
 * and escalation groups from the same results; and DynamoDB requests per unit of a real run
 * against dynalite. Targets (issue 5): under 30 s and 512 MB.
 */
const DATA = join(import.meta.dirname, '.data');
await mkdir(DATA, { recursive: true });
const rows: string[][] = [];
for (const units of [25_000, 50_000]) {
  const csv = join(DATA, `plan-results-${units}.csv`);
  const plan = await measure([join(import.meta.dirname, 'notify', 'plan-child.ts'), String(units), csv]);
  const duck = await measure([join(import.meta.dirname, 'notify', 'duckdb-peer.ts'), csv]);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  rows.push([
    `${units.toLocaleString('en')} units, ${Number(plan['results']).toLocaleString('en')} results`,
    `${Number(plan['messages']).toLocaleString('en')} emails`,
    s(plan.ms),
    s(duck.ms),
    (plan.ms / duck.ms).toFixed(2),
    `${Number(plan['dataRssMb']).toFixed(0)} / ${plan.maxRssMb.toFixed(0)}`,
  ]);
}
process.stdout.write(`${table(['national run', 'planned', 'plan + render', 'DuckDB select', 'ratio', 'RSS MB: data / peak'], rows)}\n`);

const requests = await measure([join(import.meta.dirname, 'notify', 'requests-child.ts')]);
process.stdout.write(
  `DynamoDB requests per unit of a daily run (${String(requests['units'])} units on dynalite): ${Number(requests['first']).toFixed(1)} on the first run, ${Number(requests['next']).toFixed(1)} on the next day's\n`,
);
