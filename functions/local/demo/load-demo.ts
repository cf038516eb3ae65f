import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { generateExtras } from '../../demo/generate-extras.ts';
import { buildProvinceUnits, generateProvince } from '../../demo/generate-province.ts';
import { LOCAL_NAMES } from '../stack/local-names.ts';
import type { LocalStack } from '../stack/local-stack.ts';

export interface DemoOptions {
  cacheDir: string;
  scale: number;
  seed: number;
  /** the snapshots' as-of (ISO 8601) */
  asOf: string;
  onProgress?: (message: string) => void;
}

/* Loaded in dependency order: the registry first, so every later file finds its units. */
const ORDER = ['units', 'students', 'staff', 'profiles', 'reports', 'explanations'] as const;

const demoKey = (entity: string, file: string) => `snapshots/${entity}/demo/${basename(file)}`;

/**
 * The demo province, generated once into the cache and uploaded through the same path as a
 * unit's upload: into the bucket, through the ingest. Skipped when the bucket already holds
 * it, so a restart keeps the state it had.
 */
export async function loadDemo(stack: LocalStack, opts: DemoOptions): Promise<{ loaded: boolean; files: Record<string, string> }> {
  const files = await generated(opts);
  if (await exists(stack.s3, demoKey('units', files.units ?? 'units.csv'))) return { loaded: false, files };
  for (const entity of ORDER) {
    const file = files[entity];
    if (file === undefined) continue;
    opts.onProgress?.(`Tải lên ${entity} / uploading ${basename(file)}…`);
    await stack.upload(demoKey(entity, file), await readFile(file), { asOf: opts.asOf });
    await stack.idle();
  }
  return { loaded: true, files };
}

async function generated(opts: DemoOptions): Promise<Record<string, string>> {
  const dir = join(opts.cacheDir, `scale-${opts.scale}-seed-${opts.seed}`);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return JSON.parse(await readFile(manifest, 'utf8')) as Record<string, string>;
  await mkdir(dir, { recursive: true });
  opts.onProgress?.('Tạo dữ liệu mẫu tỉnh / generating the demo province…');
  const province = await generateProvince(dir, {
    scale: opts.scale,
    seed: opts.seed,
    asOf: opts.asOf,
    onProgress: (rows) => opts.onProgress?.(`  ${rows.toLocaleString('vi-VN')} dòng / rows`),
  });
  const extras = await generateExtras(
    dir,
    { units: buildProvinceUnits({ scale: opts.scale, seed: opts.seed }), studentsFile: province.files.students, staffFile: province.files.staff },
    { seed: opts.seed, asOf: opts.asOf },
  );
  const files: Record<string, string> = { ...province.files, ...extras.files };
  await writeFile(manifest, JSON.stringify(files, null, 2));
  return files;
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
