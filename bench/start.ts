import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { measure, table } from './measure.ts';

/**
 * `npm run bench:start`: a newcomer's first `npm start`, at full scale, from an empty data
 * folder: the demo province generated, its eight files uploaded through the bucket and
 * ingested, the runs of 19/6 and 26/6/2023 played, the summary printed (`--once`, so the
 * process then stops). Timed until "ready" and until the process has exited. The peer, in the
 * same run: DuckDB on one thread loading the same eight files into tables, what it takes just to
 * get the demo's data into a local database.
 */
const BIN = join(import.meta.dirname, '..', 'bin', 'dondoc.mjs');
const READY = /ready in ([\d.,]+) s/;
const Upload = z.object({ file: z.string() });

async function firstStart(dataDir: string): Promise<{ readyMs: number; exitMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'start', '--once', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const exitMs = performance.now() - started;
  const ready = READY.exec(out + err);
  if (code !== 0 || ready === null) throw new Error(`dondoc start exited ${code}:\n${(out + err).slice(-2000)}`);
  return { readyMs: Number((ready[1] ?? '').replace(',', '.')) * 1000, exitMs };
}

async function demoFiles(dataDir: string): Promise<string[]> {
  const demo = join(dataDir, 'demo');
  const [version] = await readdir(demo);
  if (version === undefined) throw new Error(`no demo generated under ${demo}`);
  const uploads = z.array(Upload).parse(JSON.parse(await readFile(join(demo, version, 'manifest.json'), 'utf8')));
  return uploads.map((u) => u.file);
}

const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-bench-start-'));
try {
  const start = await firstStart(dataDir);
  const duck = await measure([join(import.meta.dirname, 'duckdb-load-peer.mjs'), ...(await demoFiles(dataDir))]);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  process.stdout.write(
    `${table(
      ['first start, ×1 demo (798 units, 543,333 students)', 'time', 'DuckDB load', 'ratio'],
      [
        ['ready (dashboard, mailbox, figures)', s(start.readyMs), s(duck.ms), (start.readyMs / duck.ms).toFixed(1)],
        ['process exited', s(start.exitMs), s(duck.ms), (start.exitMs / duck.ms).toFixed(1)],
      ],
    )}\n`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
