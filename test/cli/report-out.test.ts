import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

/* `dondoc report identity --format xlsx --out FILE`: a FILE that cannot be written is a wrong --out (exit 2), said plainly. */

const FIXTURES = fileURLToPath(new URL('../fixtures/snapshots/', import.meta.url));
const INPUTS = [join(FIXTURES, 'units-sample.ndjson'), join(FIXTURES, 'students-sample.csv'), '--as-of', '2023-06-23T11:30:00+07:00'];

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dondoc-report-out-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const xlsxTo = (out: string) => runCli(['report', 'identity', ...INPUTS, '--format', 'xlsx', '--out', out]);

describe.concurrent('dondoc report identity --out', () => {
  it('is wrong usage (2) when --out is a folder, naming it and the system’s reason, with no stack trace', async () => {
    const run = await xlsxTo(work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--out file: ${work} (EISDIR`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(await readdir(work)).toEqual([]);
  });

  it('is wrong usage (2) when the folder of --out does not exist', async () => {
    const out = join(work, 'missing', 'phu-luc.xlsx');
    const run = await xlsxTo(out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--out file: ${out} (ENOENT`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe.concurrent('dondoc report identity --out without --format xlsx', () => {
  it.each([[[]], [['--format', 'table']], [['--json']]])('is wrong usage (2) with %j, and writes nothing', async (format) => {
    const out = join(work, `never-${format.join('')}.xlsx`);
    const run = await runCli(['report', 'identity', ...INPUTS, ...format, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out needs --format xlsx');
    expect(run.stdout).toBe('');
    await expect(readdir(work)).resolves.not.toContain(`never-${format.join('')}.xlsx`);
  });
});

describe.concurrent('dondoc report identity --json with --format', () => {
  it.each(['xlsx', 'table'])('is wrong usage (2) with --format %s, which --json would silently override', async (format) => {
    const out = join(work, `both-${format}.xlsx`);
    const run = await runCli(['report', 'identity', ...INPUTS, '--json', '--format', format, ...(format === 'xlsx' ? ['--out', out] : [])]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`choose one of --json and --format ${format}`);
    expect(run.stdout).toBe('');
  });
});
