import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEntry } from '../../bin/cli-bundle.mjs';

const BUNDLER = fileURLToPath(new URL('../../bin/cli-bundle.mjs', import.meta.url));

/** What cliEntry answers for these sources, and what the entry's main() returns, in a process of its own as the bin runs it. */
function entryAndAnswer(where: { sources: string; entry: string; cache: string }): Promise<{ url: string; answer: string }> {
  const script = `
    const { cliEntry } = await import(${JSON.stringify(BUNDLER)});
    const url = await cliEntry(${JSON.stringify(where)});
    const { main } = await import(url);
    process.stdout.write(JSON.stringify({ url, answer: await main() }));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout) as { url: string; answer: string })));
  });
}

describe('the CLI bundle', () => {
  let root: string;
  let where: { sources: string; entry: string; cache: string };
  const source = async (name: string, text: string, mtime: Date) => {
    await writeFile(join(where.sources, name), text);
    await utimes(join(where.sources, name), mtime, mtime);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dondoc-bundle-'));
    where = { sources: join(root, 'functions'), entry: join(root, 'functions', 'main.ts'), cache: join(root, 'cache') };
    await mkdir(where.sources);
    await source('answer.ts', "export const answer: string = 'first';\n", new Date('2026-01-01T00:00:00Z'));
    await source('main.ts', "import { answer } from './answer.ts';\nexport async function main(): Promise<string> {\n  return `${answer} ${new URL('.', import.meta.url).pathname}`;\n}\n", new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is built once from the sources, reused while they stay as they are, and keeps each module its own address', async () => {
    const first = await entryAndAnswer(where);
    expect(first.url.startsWith(`file://${where.cache}/`)).toBe(true);
    expect(first.answer).toBe(`first ${where.sources}/`);
    expect(await entryAndAnswer(where)).toEqual(first);
    expect(await readdir(where.cache)).toHaveLength(1);
  });

  it('is rebuilt when a source changes', async () => {
    const before = await entryAndAnswer(where);
    await source('answer.ts', "export const answer: string = 'second';\n", new Date('2026-02-01T00:00:00Z'));
    const after = await entryAndAnswer(where);
    expect(after.url).not.toBe(before.url);
    expect(after.answer).toBe(`second ${where.sources}/`);
  });

  it('gives way to the sources themselves, through tsx, when no bundle can be written', async () => {
    await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(root, 'not-a-folder'), '');
    const unwritable = { ...where, cache: join(root, 'not-a-folder', 'cache') };
    expect(await entryAndAnswer(unwritable)).toEqual({ url: `file://${where.entry}`, answer: `first ${where.sources}/` });
  });

  it('carries @date-fns/tz in its chunks and leaves the other packages to node_modules', async () => {
    const dir = dirname(fileURLToPath(await cliEntry()));
    const chunks = await Promise.all((await readdir(dir)).filter((name) => name.endsWith('.js')).map((name) => readFile(join(dir, name), 'utf8')));
    const packages = new Set(chunks.flatMap((text) => [...text.matchAll(/from "([^".][^"]*)"/g)].map((m) => m[1])));
    expect([...packages].filter((name) => name?.includes('date-fns'))).toEqual([]);
    expect(packages).toContain('zod');
    expect(packages).toContain('yaml');
  });
});
