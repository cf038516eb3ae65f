import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SEED_004_AS_OF } from '../../functions/demo/seed004.ts';
import { demoFolder, loadDemo, type DemoOptions, type DemoProgress } from '../../functions/local/demo/load-demo.ts';
import type { LocalStack } from '../../functions/local/stack/local-stack.ts';

const SCALE = 0.01;
const SEED = 2023;
const TREND_RUN = '2023-06-19T08:00:00+07:00';

interface Upload {
  key: string;
  body: Buffer;
  /** whether the generation had finished (its manifest written) when the upload began */
  generated: boolean;
}

let cacheDir: string;
const cacheFolder = () => demoFolder({ cacheDir, scale: SCALE, seed: SEED });

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'dondoc-load-demo-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** The two calls loadDemo makes of the stack, recorded; and a table that has ingested and played nothing yet. */
function recording(): { stack: LocalStack; uploads: Upload[]; progress: DemoProgress; played: string[] } {
  const uploads: Upload[] = [];
  const played: string[] = [];
  const stack = {
    upload: async (key: string, body: Buffer) => {
      uploads.push({ key, body, generated: existsSync(join(cacheFolder(), 'manifest.json')) });
    },
    idle: async () => undefined,
  } as unknown as LocalStack;
  const progress: DemoProgress = {
    ingested: async () => false,
    played: async () => false,
    play: async (at) => void played.push(at),
  };
  return { stack, uploads, progress, played };
}

const options = (): DemoOptions => ({ cacheDir, scale: SCALE, seed: SEED, asOf: SEED_004_AS_OF, trendRuns: [TREND_RUN] });

it('uploads the registry while the person files are still being written, and each file only once it is whole', async () => {
  const { stack, uploads, progress, played } = recording();

  const { loaded, uploads: planned } = await loadDemo(stack, options(), progress);

  expect(loaded).toBe(true);
  expect(uploads.map((u) => basename(u.key))).toEqual([
    'units.csv',
    'students-stale.csv',
    'staff-stale.csv',
    'students.csv',
    'staff.csv',
    'profiles.csv',
    'reports.csv',
    'explanations.csv',
  ]);
  expect(uploads[0]?.generated).toBe(false);
  for (const upload of uploads) {
    const file = planned.find((p) => basename(p.file) === basename(upload.key))?.file ?? '';
    expect(upload.body.equals(await readFile(file)), basename(file)).toBe(true);
  }
  expect(played).toEqual([TREND_RUN]);
  expect(JSON.parse(await readFile(join(cacheFolder(), 'manifest.json'), 'utf8'))).toEqual(planned);
});

it('uploads a kept demo from its manifest without generating it again', async () => {
  const first = recording();
  await loadDemo(first.stack, options(), first.progress);
  const again = recording();

  await loadDemo(again.stack, options(), again.progress);

  expect(again.uploads.map((u) => [u.key, u.generated])).toEqual(first.uploads.map((u) => [u.key, true]));
});

it('fails with the generation’s error once the files written before it are up, and leaves no manifest', async () => {
  const { stack, uploads, progress } = recording();
  // A folder where the stale students file goes: the generation fails once units.csv is written.
  await mkdir(join(cacheFolder(), 'students-stale.csv'), { recursive: true });

  await expect(loadDemo(stack, options(), progress)).rejects.toMatchObject({ code: 'EISDIR' });

  expect(uploads.map((u) => basename(u.key))).toEqual(['units.csv']);
  expect(existsSync(join(cacheFolder(), 'manifest.json'))).toBe(false);
});
