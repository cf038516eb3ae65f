import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { measure, table } from './measure.ts';

/**
 * `npm run bench` (second part): a national daily run — 50,000 units, ten requirements —
 * planned in one go, then fanned out as the scheduled run does it: every part one after the
 * other in one process (total time against DuckDB on one thread selecting the same reminders
 * and escalation groups from the same results), the largest part alone and the finish alone,
 * each in a process of its own for its peak RSS; and DynamoDB requests per unit of a real
 * fanned-out run against dynalite. Targets (issue 5): under 30 s and 512 MB per invocation.
 */
const DATA = join(import.meta.dirname, '.data');
await mkdir(DATA, { recursive: true });
const script = (name: string) => join(import.meta.dirname, 'notify', name);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (n: unknown) => Number(n).toFixed(0);
const oneGo: string[][] = [];
const fanned: string[][] = [];
for (const units of [25_000, 50_000]) {
  const csv = join(DATA, `plan-results-${units}.csv`);
  const partsFile = join(DATA, `plan-parts-${units}.ndjson`);
  const plan = await measure([script('plan-child.ts'), String(units), csv]);
  const duck = await measure([script('duckdb-peer.ts'), csv]);
  const parts = await measure([script('parts-child.ts'), String(units), partsFile]);
  const largest = parts['largest'] as { part: number; units: number };
  const part = await measure([script('part-child.ts'), String(units), String(largest.part)]);
  const finish = await measure([script('finish-child.ts'), String(units), partsFile]);
  const label = `${units.toLocaleString('en')} units, ${Number(plan['results']).toLocaleString('en')} results`;
  oneGo.push([label, `${Number(plan['messages']).toLocaleString('en')} emails`, s(plan.ms), s(duck.ms), (plan.ms / duck.ms).toFixed(2), `${mb(plan['dataRssMb'])} / ${mb(plan.maxRssMb)}`]);
  fanned.push([
    label,
    `${String(parts['parts'])} parts, ${(Number(parts['emails']) + Number(finish['emails'])).toLocaleString('en')} emails`,
    `${s(parts.ms)} (${(parts.ms / duck.ms).toFixed(2)}× DuckDB)`,
    `${largest.units} units: ${s(part.ms)}, ${mb(part['dataRssMb'])} / ${mb(part.maxRssMb)} MB, result ${Number(part['resultKb']).toFixed(0)} KB gz`,
    `${s(finish.ms)}, ${mb(finish.maxRssMb)} MB, largest email ${Number(finish['largestEmailKb']).toFixed(0)} KB`,
  ]);
}
process.stdout.write(`${table(['national run in one go', 'planned', 'plan + render', 'DuckDB select', 'ratio', 'RSS MB: data / peak'], oneGo)}\n\n`);
process.stdout.write(`${table(['fanned out', 'parts, emails', 'all parts in one process', 'largest part alone (RSS data / peak)', 'finish alone (peak RSS)'], fanned)}\n`);

const requests = await measure([script('requests-child.ts')]);
process.stdout.write(
  `DynamoDB requests per unit of a fanned-out daily run (${String(requests['units'])} units in ${String(requests['parts'])} parts on dynalite): ${Number(requests['first']).toFixed(1)} on the first run, ${Number(requests['next']).toFixed(1)} on the next day's\n`,
);
