import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { extrasFiles, generateExtras } from '../../demo/generate-extras.ts';
import { buildProvinceUnits, generateProvince, personFiles, plannedProvince } from '../../demo/generate-province.ts';
import { parseInstant } from '../../core/time.ts';
import type { LocalStack } from '../stack/local-stack.ts';

export interface DemoOptions {
  cacheDir: string;
  scale: number;
  seed: number;
  /** the snapshots' as-of (ISO 8601); the units that stopped syncing upload theirs earlier */
  asOf: string;
  /** the earlier scheduled runs of the demo's history (ISO 8601), each played once the uploads dated before it are in */
  trendRuns?: readonly string[];
  onProgress?: (message: string) => void;
}

/** What the demo asks of the running pipeline: what is done already, and how to play a run. */
export interface DemoProgress {
  /** true when the ingest has processed this object key (its latest version) */
  ingested(key: string): Promise<boolean>;
  /** true when the run of this instant has stored its day's point */
  played(at: string): Promise<boolean>;
  play(at: string): Promise<void>;
}

/** One file of the demo and the as-of it is uploaded with. */
interface DemoUpload {
  entity: string;
  file: string;
  asOf: string;
}

export const demoKey = (entity: string, file: string) => `snapshots/${entity}/demo/${basename(file)}`;

/**
 * The demo province, generated once into the cache and uploaded through the same path as a
 * unit's upload: into the bucket, through the ingest. What the ingest has already processed
 * is not uploaded again, so a restart keeps its state and a start interrupted mid-load
 * resumes with the files it missed.
 *
 * The registry goes first; each earlier run is played once the files dated at or before it
 * are in and before the later ones, as it would have run. Its answer is the same as after the
 * whole load (an evaluation never sees a snapshot dated after its instant), but its units
 * have no data yet to store statuses for, so the later files' statuses are written once.
 */
export async function loadDemo(stack: LocalStack, opts: DemoOptions, progress: DemoProgress): Promise<{ loaded: boolean; uploads: DemoUpload[] }> {
  const files = await demoFiles(opts);
  try {
    return await loadFiles(stack, files, progress, opts);
  } finally {
    // Nothing writes into the cache once the load is over, whichever way it ends.
    await files.finished.catch(() => undefined);
  }
}

async function loadFiles(stack: LocalStack, files: DemoFiles, progress: DemoProgress, opts: DemoOptions): Promise<{ loaded: boolean; uploads: DemoUpload[] }> {
  const { uploads } = files;
  const [registry, ...rest] = uploads;
  if (registry === undefined) return { loaded: false, uploads };
  const runs = [...(opts.trendRuns ?? [])].sort((a, b) => parseInstant(a) - parseInstant(b));
  const steps: Array<DemoUpload | { run: string }> = [registry];
  let later = rest;
  for (const run of runs) {
    steps.push(...later.filter((u) => parseInstant(u.asOf) <= parseInstant(run)), { run });
    later = later.filter((u) => parseInstant(u.asOf) > parseInstant(run));
  }
  steps.push(...later);

  let loaded = false;
  let n = 0;
  for (const step of steps) {
    if ('run' in step) {
      if (!(await progress.played(step.run))) await progress.play(step.run);
      continue;
    }
    n++;
    const key = demoKey(step.entity, step.file);
    if (await progress.ingested(key)) continue;
    await files.written(step.file);
    opts.onProgress?.(`Tải lên ${step.entity} (${n}/${uploads.length}) / uploading ${basename(step.file)}…`);
    await stack.upload(key, await readFile(step.file), { asOf: step.asOf });
    await stack.idle();
    loaded = true;
  }
  await files.finished;
  return { loaded, uploads };
}

const GENERATION_PROGRESS_ROWS = 100_000;

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  let reject: (err: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited only for the files the load reaches; a failure is seen there, or through `finished`.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** The demo's files in upload order, and when each is on disk. */
interface DemoFiles {
  uploads: DemoUpload[];
  /** settles once the file is written, or with the generation's failure */
  written(file: string): Promise<void>;
  /** settles once the generation is over (the manifest written), or with its failure */
  finished: Promise<void>;
}

/** Where a demo of this scale and seed is generated. The generator's version is in the name: a cache written by an older one holds other data. */
export function demoFolder(opts: Pick<DemoOptions, 'cacheDir' | 'scale' | 'seed'>): string {
  return join(opts.cacheDir, `v2-scale-${opts.scale}-seed-${opts.seed}`);
}

/**
 * In dependency order: the registry first, so every later file finds its units. On a first
 * start the files are generated while the load goes on: units.csv is written in moments and
 * its upload, bound by the table's work, runs while the person files are written, instead of
 * after them. The manifest is written last, so a start stopped mid-way generates again.
 */
async function demoFiles(opts: DemoOptions): Promise<DemoFiles> {
  const dir = demoFolder(opts);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const uploads = JSON.parse(await readFile(manifest, 'utf8')) as DemoUpload[];
    return { uploads, written: async () => undefined, finished: Promise.resolve() };
  }
  await mkdir(dir, { recursive: true });
  const { files, stale } = plannedProvince(dir, { asOf: opts.asOf, staleSnapshots: true });
  const extras = extrasFiles(dir);
  const upload = (entity: string, file: string, asOf = opts.asOf): DemoUpload => ({ entity, file, asOf });
  const uploads = [
    upload('units', files.units),
    upload('students', files.students),
    upload('staff', files.staff),
    ...(stale ? [upload('students', stale.files.students, stale.asOf), upload('staff', stale.files.staff, stale.asOf)] : []),
    upload('profiles', extras.profiles),
    upload('reports', extras.reports),
    upload('explanations', extras.explanations),
  ];
  const waiting = new Map(uploads.map((u) => [u.file, deferred()]));
  const wrote = (file: string) => waiting.get(file)?.resolve();
  const finished = (async () => {
    opts.onProgress?.('Tạo dữ liệu mẫu tỉnh / generating the demo province…');
    const province = await generateProvince(dir, {
      scale: opts.scale,
      seed: opts.seed,
      asOf: opts.asOf,
      // A line per 100,000 rows: the uploads' lines come between them.
      onProgress: (rows) => (rows % GENERATION_PROGRESS_ROWS === 0 ? opts.onProgress?.(`  ${rows.toLocaleString('vi-VN')} dòng / rows`) : undefined),
      staleSnapshots: true,
      onWritten: wrote,
    });
    const extra = await generateExtras(dir, { units: buildProvinceUnits({ scale: opts.scale, seed: opts.seed }), people: personFiles(province) }, { seed: opts.seed, asOf: opts.asOf });
    for (const file of Object.values(extras)) wrote(file);
    const rows = province.counts.units + province.counts.students + province.counts.staff + extra.counts.profiles + extra.counts.reports + extra.counts.explanations;
    opts.onProgress?.(`✓ Đã tạo dữ liệu mẫu / demo province generated: ${rows.toLocaleString('vi-VN')} dòng / rows`);
    await writeFile(manifest, JSON.stringify(uploads, null, 2));
  })();
  finished.catch((err: unknown) => {
    for (const d of waiting.values()) d.reject(err);
  });
  return { uploads, written: async (file) => waiting.get(file)?.promise, finished };
}
