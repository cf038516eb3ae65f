import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCatalogFiles, type CatalogFile } from '../core/catalog/catalog-files.ts';
import type { Catalog } from '../core/catalog/schema.ts';
import { replaceFile } from '../core/fs/replace-file.ts';

/** The catalog its files make, parsed and checked: the YAML parser and the catalog's schemas, loaded when needed. */
async function parsed(files: readonly CatalogFile[]): Promise<Catalog> {
  return (await import('../core/catalog/load.ts')).catalogFromFiles(files);
}

function keyOf(files: readonly CatalogFile[]): string {
  const hash = createHash('sha256');
  for (const { name, text } of files) hash.update(`${JSON.stringify(name)}\n${JSON.stringify(text)}\n`);
  return hash.digest('hex');
}

async function cached(file: string): Promise<Catalog | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Catalog;
  } catch {
    // Absent, or cut short by a crash: parsed again, and written anew.
    return undefined;
  }
}

async function remember(dir: string, file: string, catalog: Catalog): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await replaceFile(file, Buffer.from(JSON.stringify(catalog)));
  } catch {
    // A cache that cannot be written only costs the next command the parse.
  }
}

/**
 * The catalog loader of the `dondoc` command. Parsing the catalog's YAML and checking it
 * took a command 60–70 ms (with the parser's loading), a twentieth of a province's check;
 * the catalog its files make is kept as JSON under `cacheDir`, named by a hash of the
 * files' names and texts, so a command given the same files reads it back instead. The
 * cache belongs to one build of the code (the CLI bundle keeps it in its own folder, which
 * a change of any source replaces): without `cacheDir` every call parses. Only a catalog
 * that passed its checks is kept; a wrong one is reported every time, as before.
 */
export function catalogLoader(cacheDir: string | undefined): (dir?: string) => Promise<Catalog> {
  return async (dir) => {
    const files = await readCatalogFiles(dir);
    if (cacheDir === undefined) return parsed(files);
    const file = join(cacheDir, `${keyOf(files)}.json`);
    const known = await cached(file);
    if (known !== undefined) return known;
    const catalog = await parsed(files);
    await remember(cacheDir, file, catalog);
    return catalog;
  };
}
