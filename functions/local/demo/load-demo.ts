import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { generateExtras } from '../../demo/generate-extras.ts';
import { buildProvinceUnits, generateProvince, personFiles } from '../../demo/generate-province.ts';
import { LOCAL_NAMES } from '../stack/local-names.ts';
import type { LocalStack } from '../stack/local-stack.ts';

export interface DemoOptions {
  cacheDir: string;
  scale: number;
  seed: number;
  /** the snapshots' as-of (ISO 8601); the units that stopped syncing upload theirs earlier */
  asOf: string;
  onProgress?: (message: string) => void;
}

/** One file of the demo and the as-of it is uploaded with. */
interface DemoUpload {
  entity: string;
  file: string;
  asOf: string;
}

const demoKey = (entity: string, file: string) => `snapshots/${entity}/demo/${basename(file)}`;

/**
 * The demo province, generated once into the cache and uploaded through the same path as a
 * unit's upload: into the bucket, through the ingest. Skipped when the bucket already holds
 * it, so a restart keeps the state it had.
 */
export async function loadDemo(stack: LocalStack, opts: DemoOptions): Promise<{ loaded: boolean; uploads: DemoUpload[] }> {
  const uploads = await generated(opts);
  const [registry] = uploads;
  if (registry === undefined || (await exists(stack.s3, demoKey(registry.entity, registry.file)))) return { loaded: false, uploads };
  for (const [i, { entity, file, asOf }] of uploads.entries()) {
    opts.onProgress?.(`Tải lên ${entity} (${i + 1}/${uploads.length}) / uploading ${basename(file)}…`);
    await stack.upload(demoKey(entity, file), await readFile(file), { asOf });
    await stack.idle();
  }
  return { loaded: true, uploads };
}

/** In dependency order: the registry first, so every later file finds its units. */
async function generated(opts: DemoOptions): Promise<DemoUpload[]> {
  // The generator's version is in the name: a cache written by an older one holds other data.
  const dir = join(opts.cacheDir, `v2-scale-${opts.scale}-seed-${opts.seed}`);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return JSON.parse(await readFile(manifest, 'utf8')) as DemoUpload[];
  await mkdir(dir, { recursive: true });
  opts.onProgress?.('Tạo dữ liệu mẫu tỉnh / generating the demo province…');
  const province = await generateProvince(dir, {
    scale: opts.scale,
    seed: opts.seed,
    asOf: opts.asOf,
    onProgress: (rows) => opts.onProgress?.(`  ${rows.toLocaleString('vi-VN')} dòng / rows`),
    staleSnapshots: true,
  });
  const extras = await generateExtras(dir, { units: buildProvinceUnits({ scale: opts.scale, seed: opts.seed }), people: personFiles(province) }, { seed: opts.seed, asOf: opts.asOf });
  const upload = (entity: string, file: string, asOf = opts.asOf): DemoUpload => ({ entity, file, asOf });
  const stale = province.stale;
  const uploads = [
    upload('units', province.files.units),
    upload('students', province.files.students),
    upload('staff', province.files.staff),
    ...(stale ? [upload('students', stale.files.students, stale.asOf), upload('staff', stale.files.staff, stale.asOf)] : []),
    upload('profiles', extras.files.profiles),
    upload('reports', extras.files.reports),
    upload('explanations', extras.files.explanations),
  ];
  await writeFile(manifest, JSON.stringify(uploads, null, 2));
  return uploads;
}

async function exists(s3: S3Client, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key }));
    return true;
  } catch (err) {
    if (err instanceof Error && err.name === 'NotFound') return false;
    throw err;
  }
}
