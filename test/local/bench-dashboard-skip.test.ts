import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run bench:dashboard without chromium', () => {
  it('says the part is skipped, naming the path looked at and how to install it, and exits 0 so the rest of the benchmark runs', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/dashboard.ts'], {
      cwd: ROOT,
      env: { ...process.env, DONDOC_CHROMIUM: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('không có chromium tại /nonexistent/chromium');
    expect(run.stdout).toContain('dashboard benchmark skipped: no chromium at /nonexistent/chromium');
    expect(run.stdout).toContain('apt-get install -y chromium');
    // Nothing measured: the demo stack was never started.
    expect(run.stdout).not.toContain('Tổng quan');
  });
});
