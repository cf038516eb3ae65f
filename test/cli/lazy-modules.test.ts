import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUNDLER = fileURLToPath(new URL('../../bin/cli-bundle.mjs', import.meta.url));

/** Runs one command through the CLI's entry as the bin does, then tells whether the YAML parser was loaded. */
function loadsYaml(args: string[]): Promise<{ code: number; yaml: boolean }> {
  const script = `
    import { createRequire } from 'node:module';
    import { Writable } from 'node:stream';
    const { cliEntry } = await import(${JSON.stringify(BUNDLER)});
    const { main } = await import(await cliEntry());
    const code = await main(['node', 'dondoc', ...${JSON.stringify(args)}], { stdout: new Writable({ write: (_c, _e, done) => done() }) });
    const yaml = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/node_modules/yaml/'));
    process.stdout.write(JSON.stringify({ code, yaml }));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout) as { code: number; yaml: boolean })));
  });
}

describe('modules a command loads', () => {
  let dir: string;
  let files: string[];
  let catalog: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dondoc-lazy-'));
    // The shipped catalog, made new to the CLI's cache of parsed catalogs by a comment no other copy has.
    catalog = join(dir, 'dispatches');
    await cp(fileURLToPath(new URL('../../dispatches/', import.meta.url)), catalog, { recursive: true });
    const first = join(catalog, '000-bg-2024-cap-nhat-bien-dong.yaml');
    await writeFile(first, `${await readFile(first, 'utf8')}\n# ${dir}\n`);
    files = [join(dir, 'units.csv'), join(dir, 'students.csv')];
    await writeFile(files[0] as string, 'unit_code,unit_name,unit_kind,levels,parent_code\nS1,Sở,department,,\nT1,Trường 1,school,THPT,S1\n');
    await writeFile(files[1] as string, 'unit_code,student_code,level,id_verification,status\nT1,HS1,THPT,verified,studying\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('report identity and validate leave the YAML parser unloaded; a command reading a catalog loads it once, then reads it parsed', async () => {
    const asOf = ['--as-of', '2023-06-23T11:30:00+07:00'];
    expect(await loadsYaml(['report', 'identity', '--json', ...files, ...asOf])).toEqual({ code: 0, yaml: false });
    expect(await loadsYaml(['validate', files[1] as string])).toEqual({ code: 0, yaml: false });
    expect(await loadsYaml(['check', '--json', ...files, ...asOf, '--dispatches', catalog])).toEqual({ code: 0, yaml: true });
    expect(await loadsYaml(['check', '--json', ...files, ...asOf, '--dispatches', catalog])).toEqual({ code: 0, yaml: false });
  });
});
