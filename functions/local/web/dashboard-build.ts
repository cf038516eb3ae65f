import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser app's sources (dashboard/) and what `npm run build:dashboard` makes of them. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../../dashboard', import.meta.url));
export const DASHBOARD_DIST = join(DASHBOARD_DIR, 'dist');

/* What a build reads besides src/: a change to any of them makes dist stale too. */
const BUILD_INPUTS = ['src', 'index.html', 'vite.config.ts', 'public'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const times = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).mtimeMs));
  return Math.max(0, ...times);
}

export type DashboardState = 'absent' | 'stale' | 'fresh';

/** 'absent' when there are no sources at all (nothing to build), 'stale' when dist is missing or older than them. */
export async function dashboardState(dir = DASHBOARD_DIR): Promise<DashboardState> {
  const sources = Math.max(...(await Promise.all(BUILD_INPUTS.map((input) => newestMtime(join(dir, input))))));
  if (sources === 0) return 'absent';
  const built = (await stat(join(dir, 'dist', 'index.html')).catch(() => undefined))?.mtimeMs ?? 0;
  return built >= sources ? 'fresh' : 'stale';
}

/** Builds dashboard/dist with vite's JS API when it is missing or older than its sources; says whether it built. */
export async function ensureDashboardBuilt(dir = DASHBOARD_DIR, onBuild?: () => void): Promise<boolean> {
  if ((await dashboardState(dir)) !== 'stale') return false;
  onBuild?.();
  /* Imported only when needed: vite is a build tool, the running stack never needs it otherwise. */
  const { build } = await import('vite');
  await build({ root: dir, configFile: join(dir, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
