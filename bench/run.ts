import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateProvince } from '../functions/demo/generate-province.ts';
import { measure, table } from './measure.ts';

/**
 * `npm run bench`: a Hải Phòng-sized province (and one twice as large) through
 * `dondoc report identity` and `dondoc check` (and `check --codes`, which also lists every
 * failing record's code), against DuckDB on one thread computing the same per-unit counts
 * from the same CSV, in the same run. Each measurement is its own process so peak RSS
 * belongs to that command alone.
 */
const SCALES = (process.env.BENCH_SCALES ?? '1,2').split(',').map(Number);
const AS_OF = '2023-06-23T11:30:00+07:00';
const DATA = join(import.meta.dirname, '.data');

async function dataset(scale: number) {
  const dir = join(DATA, `scale-${scale}`);
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    await mkdir(dir, { recursive: true });
    process.stderr.write(`Tạo dữ liệu tỉnh ×${scale} / generating province ×${scale}…\n`);
    const generated = await generateProvince(dir, { scale, seed: 2023 });
    await writeFile(manifest, JSON.stringify(generated, null, 2));
  }
  return JSON.parse(await readFile(manifest, 'utf8')) as Awaited<ReturnType<typeof generateProvince>>;
}

const rows: string[][] = [];
for (const scale of SCALES) {
  const { files, counts } = await dataset(scale);
  const inputs = [files.units, files.students, files.staff];
  const cli = (...args: string[]) => measure([join(import.meta.dirname, 'measure-child.mjs'), ...args, ...inputs, '--as-of', AS_OF]);
  const report = await cli('report', 'identity', '--json');
  const check = await cli('check', '--json');
  const checkCodes = await cli('check', '--codes', '--json');
  const duck = await measure([join(import.meta.dirname, 'duckdb-peer.mjs'), files.students, files.staff]);
  const size = `${counts.students.toLocaleString('en')} HS + ${counts.staff.toLocaleString('en')} NS`;
  rows.push(
    [`×${scale} ${size}`, 'report identity', fmt(report.ms), fmt(duck.ms), (report.ms / duck.ms).toFixed(2), report.maxRssMb.toFixed(0)],
    [`×${scale} ${size}`, 'check', fmt(check.ms), fmt(duck.ms), (check.ms / duck.ms).toFixed(2), check.maxRssMb.toFixed(0)],
    [`×${scale} ${size}`, 'check --codes', fmt(checkCodes.ms), fmt(duck.ms), (checkCodes.ms / duck.ms).toFixed(2), checkCodes.maxRssMb.toFixed(0)],
  );
  rows.push([`×${scale} ${size}`, 'DuckDB (1 thread)', fmt(duck.ms), fmt(duck.ms), '1.00', duck.maxRssMb.toFixed(0)]);
}

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

process.stdout.write(`${table(['data set', 'command', 'dondoc', 'DuckDB', 'ratio', 'peak RSS MB'], rows)}\n`);
