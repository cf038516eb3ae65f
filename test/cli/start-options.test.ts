import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli.ts';
import { runMain } from './run-main.ts';

/*
 * `dondoc start`'s numbers are digits or wrong usage (2), before anything starts. Each run
 * has --once --no-demo and a folder of its own, so a number taken by mistake would start
 * the stack, stop it and fail the test rather than leave it running.
 */

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dondoc-start-options-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const start = (run: (args: string[]) => Promise<CliRun>, option: string, value: string) => {
  const dataDir = `${option.slice(2)}-${Buffer.from(value).toString('hex')}`;
  return { dataDir, run: run(['start', option, value, '--once', '--no-demo', '--data-dir', join(work, dataDir)]) };
};

describe('dondoc start with a number that is not one, or no department', () => {
  it.each([
    ['--port', '  '],
    ['--port', '1e3'],
    ['--port', '0x10'],
    ['--port', '80.5'],
    ['--port', '65536'],
    ['--seed', ''],
    ['--seed', '-1'],
    ['--seed', '1e3'],
    ['--seed', '4294967296'],
    ['--scale', ''],
    ['--scale', '0'],
    ['--scale', '1e-1'],
    ['--scale', '0x1'],
  ])('is wrong usage (2): %s %j', async (option, value) => {
    const { dataDir, run } = start(runMain, option, value);
    const { code, stderr } = await run;
    expect(code).toBe(2);
    expect(stderr).toContain(`${option}: "${value}"`);
    expect(await readdir(work)).not.toContain(dataDir);
  });

  it('is wrong usage (2) given an empty --department', async () => {
    const { dataDir, run } = start(runMain, '--department', ' ');
    const { code, stderr } = await run;
    expect(code).toBe(2);
    expect(stderr).toContain('--department: mã đơn vị trống / the unit code is empty');
    expect(await readdir(work)).not.toContain(dataDir);
  });

  it('is wrong usage (2) for the real executable given --port ""', async () => {
    const { dataDir, run } = start(runCli, '--port', '');
    const { code, stderr } = await run;
    expect(code).toBe(2);
    expect(stderr).toContain('--port: "": phải là số nguyên từ 0 đến 65535 / must be a whole number from 0 to 65535');
    expect(await readdir(work)).not.toContain(dataDir);
  });
});
