import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProvince } from '../functions/demo/generate-province.ts';
import { crossCheckCheck, crossCheckIdentity } from './cross-check.ts';
import { doubledRows } from './double-rows.ts';
import { measure, table, type Measurement } from './measure.ts';
import { peerSpec } from './peer-spec.ts';

/**
 * `npm run bench`: a Hải Phòng-sized province (one twice as large, and one with the same
 * units and twice the people, to show what memory follows) through
 * `dondoc report identity`, `dondoc check` and `dondoc check --codes` (which also lists every
 * failing record's code), each against a DuckDB peer on one thread computing the same counts
 * from the same CSV in the same run: report identity's per-unit × level active / unverified
 * counts (duckdb-peer.mjs), check's per-unit total / failing of every rule that reads students
 * or staff (duckdb-check-peer.mjs). Each measurement is its own process so peak RSS belongs
 * to that command alone.
 *
 * First, untimed, every command and peer runs once with its output kept, and the benchmark
 * fails at the first count where they differ: a ratio against a peer computing something
 * else would mean nothing. That pass also brings the files into the page cache.
 *
 * Then, as this machine's speed swings by a third between runs, BENCH_RUNS rounds (3) of
 * each command followed by its own peer: the table shows the median times, the median of
 * the per-pair ratios (each pair ran under about the same load) and their spread, and the
 * largest peak RSS.
 */
const SCALES = (process.env.BENCH_SCALES ?? '1,2').split(',').map(Number);
/** the first scale again with every person twice (double-rows.ts), unless BENCH_ROWS_DOUBLED=0 */
const ROWS_DOUBLED = process.env.BENCH_ROWS_DOUBLED !== '0';
const RUNS = Number(process.env.BENCH_RUNS ?? '3');
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a positive integer: ${process.env.BENCH_RUNS}`);
const AS_OF = '2023-06-23T11:30:00+07:00';
/**
 * Another catalog folder, for dondoc and the check peer alike: the shipped one judges the
 * generated 2022–23 data under no update window (its rules start on 30/01/2024), so a
 * catalog with earlier starts is how that rule's counts get cross-checked.
 */
const DISPATCHES = process.env.BENCH_DISPATCHES;
const DATA = join(import.meta.dirname, '.data');
const script = (name: string) => join(import.meta.dirname, name);

/** Files to measure on, and how the table names them. */
interface DataSet {
  name: string;
  files: { units: string; students: string; staff: string };
}

type Generated = Awaited<ReturnType<typeof generateProvince>>;

async function generated(scale: number): Promise<{ set: DataSet; dir: string; counts: Generated['counts'] }> {
  const dir = join(DATA, `scale-${scale}`);
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    await mkdir(dir, { recursive: true });
    process.stderr.write(`Tạo dữ liệu tỉnh ×${scale} / generating province ×${scale}…\n`);
    const made = await generateProvince(dir, { scale, seed: 2023 });
    await writeFile(manifest, JSON.stringify(made, null, 2));
  }
  const { files, counts } = JSON.parse(await readFile(manifest, 'utf8')) as Generated;
  return { set: { name: `×${scale}: ${counts.units} units, ${people(counts.students, counts.staff)}`, files }, dir, counts };
}

async function withRowsDoubled(scale: number): Promise<DataSet> {
  const { dir, counts } = await generated(scale);
  const to = `${dir}-rows-doubled`;
  process.stderr.write(`×${scale}, mỗi người hai lần / every person twice…\n`);
  await doubledRows(dir, to);
  const [units, students, staff] = ['units', 'students', 'staff'].map((entity) => join(to, `${entity}.csv`)) as [string, string, string];
  return { name: `×${scale}, every person twice: ${counts.units} units, ${people(2 * counts.students, 2 * counts.staff)}`, files: { units, students, staff } };
}

function people(students: number, staff: number): string {
  return `${students.toLocaleString('en')} HS + ${staff.toLocaleString('en')} NS`;
}

/** One measured command and the peer it is compared with. */
interface Command {
  name: string;
  args: string[];
  peer: 'identity' | 'check';
}

const COMMANDS: readonly Command[] = [
  { name: 'report identity', args: ['report', 'identity', '--json'], peer: 'identity' },
  { name: 'check', args: ['check', '--json'], peer: 'check' },
  { name: 'check --codes', args: ['check', '--codes', '--json'], peer: 'check' },
];
const PEER_NAMES = { identity: 'DuckDB identity peer', check: 'DuckDB check peer' } as const;

const work = await mkdtemp(join(tmpdir(), 'dondoc-bench-'));
const rows: string[][] = [];
try {
  const { spec, ruleOf } = await peerSpec(Date.parse(AS_OF), DISPATCHES);
  const specFile = join(work, 'peer-spec.json');
  await writeFile(specFile, JSON.stringify(spec));
  const sets: DataSet[] = [];
  for (const scale of SCALES) sets.push((await generated(scale)).set);
  if (ROWS_DOUBLED && SCALES[0] !== undefined) sets.push(await withRowsDoubled(SCALES[0]));
  for (const [index, { name: set, files }] of sets.entries()) {
    // Names the files this data set's outputs are kept in.
    const tag = `set-${index + 1}`;
    const inputs = [files.units, files.students, files.staff];
    const dondoc = (c: Command, out?: string) =>
      measure(
        [script('measure-child.mjs'), ...c.args, ...inputs, '--as-of', AS_OF, ...(DISPATCHES === undefined ? [] : ['--dispatches', DISPATCHES])],
        out === undefined ? undefined : { BENCH_STDOUT: out },
      );
    const peer = (which: Command['peer'], out?: string) =>
      measure([script(which === 'identity' ? 'duckdb-peer.mjs' : 'duckdb-check-peer.mjs'), specFile, files.students, files.staff, ...(out === undefined ? [] : [out])]);

    // The cross-check: each peer once, each command once, every count compared.
    const identityCounts = join(work, `identity-peer-${tag}.json`);
    const checkCounts = join(work, `check-peer-${tag}.json`);
    await peer('identity', identityCounts);
    await peer('check', checkCounts);
    const agreed: string[] = [];
    for (const c of COMMANDS) {
      const out = join(work, `dondoc-${tag}-${c.name.replaceAll(/\W+/g, '-')}.json`);
      await dondoc(c, out);
      const n = c.peer === 'identity' ? await crossCheckIdentity(out, identityCounts) : await crossCheckCheck(c.name, out, checkCounts, ruleOf);
      if (n === 0) throw new Error(`cross-check of ${c.name} on ${set} compared nothing`);
      agreed.push(`${c.name}: ${n.toLocaleString('en')}`);
      await rm(out);
    }
    process.stderr.write(`${set}: DuckDB agrees with dondoc on every count compared (${agreed.join(', ')})\n`);

    // The timing: dondoc, its peer, dondoc, its peer, … each pair under about the same load.
    const timed = COMMANDS.map((command) => ({ command, pairs: [] as Array<{ ours: Measurement; theirs: Measurement }> }));
    for (let run = 1; run <= RUNS; run++) {
      process.stderr.write(`${set}: run ${run} of ${RUNS}…\n`);
      for (const { command, pairs } of timed) pairs.push({ ours: await dondoc(command), theirs: await peer(command.peer) });
    }
    for (const { command, pairs } of timed) {
      const ours = pairs.map((p) => p.ours);
      const ratios = pairs.map((p) => p.ours.ms / p.theirs.ms);
      rows.push([set, command.name, seconds(medianMs(ours)), seconds(medianMs(pairs.map((p) => p.theirs))), median(ratios).toFixed(2), spread(ratios), peakMb(ours)]);
    }
    for (const which of ['identity', 'check'] as const) {
      const runs = timed.filter((t) => t.command.peer === which).flatMap((t) => t.pairs.map((p) => p.theirs));
      rows.push([set, `${PEER_NAMES[which]} (1 thread)`, '', seconds(medianMs(runs)), '', '', peakMb(runs)]);
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function medianMs(runs: readonly Measurement[]): number {
  return median(runs.map((m) => m.ms));
}

function spread(ratios: readonly number[]): string {
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function peakMb(runs: readonly Measurement[]): string {
  return Math.max(...runs.map((m) => m.maxRssMb)).toFixed(0);
}

process.stdout.write(`${table(['data set', 'command', 'dondoc', 'DuckDB', 'ratio', 'ratios min–max', 'peak RSS MB'], rows)}\n`);
process.stdout.write(`Median of ${RUNS} run(s) each, every dondoc run followed by its peer's; ratio: the median of the per-pair ratios; peak RSS: the largest.\n`);
