import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

/* A file the system will not let the CLI read, where no command expected one, is still bad input (1) said in a line, never a stack trace. */

const SHIPPED = fileURLToPath(new URL('../../dispatches/', import.meta.url));
/* root reads a file whatever its mode: the CLI then runs as nobody. */
const AS_SOMEONE_ELSE = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534, env: { HOME: tmpdir() } } : {};

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dondoc-system-errors-'));
  await chmod(work, 0o755);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('dondoc and a file it may not read', () => {
  it('is bad input (1) when a catalog file cannot be read, naming the file', async () => {
    const catalog = join(work, 'dispatches');
    await mkdir(catalog, { mode: 0o755 });
    await copyFile(join(SHIPPED, '001-hp-2023-quy-trinh-ra-soat.yaml'), join(catalog, 'a.yaml'));
    await writeFile(join(catalog, 'b.yaml'), 'id: khong-doc-duoc\n', { mode: 0o000 });
    await chmod(join(catalog, 'a.yaml'), 0o644);
    const run = await runCli(['dispatches', '--dispatches', catalog], AS_SOMEONE_ELSE);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(join(catalog, 'b.yaml'));
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
