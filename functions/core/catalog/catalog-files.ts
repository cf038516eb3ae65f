import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogError } from './catalog-error.ts';

/** The catalog shipped with the project, found from this file so it works from any working directory. */
export const DEFAULT_CATALOG_DIR = fileURLToPath(new URL('../../../dispatches/', import.meta.url));

const CATALOG_FILE = /\.ya?ml$/i;

/** A catalog file as read, before any parsing. */
export interface CatalogFile {
  name: string;
  text: string;
}

/**
 * Every *.yaml / *.yml directly in `dir`, in file-name order, as text: what a catalog is
 * made from, read without the YAML parser, so that a caller holding the catalog these
 * texts make (the CLI's cache) need not load it.
 */
export async function readCatalogFiles(dir: string = DEFAULT_CATALOG_DIR): Promise<CatalogFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && CATALOG_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    throw catalogError([{ file: dir, path: '', vi: 'không đọc được thư mục danh mục', en: 'cannot read the catalog folder' }]);
  }
  if (names.length === 0) {
    throw catalogError([{ file: dir, path: '', vi: 'thư mục không có tệp .yaml nào', en: 'the folder holds no .yaml file' }]);
  }
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}
