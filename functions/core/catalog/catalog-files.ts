import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogError, type CatalogIssue } from './catalog-error.ts';
import { catalogText } from './catalog-text.ts';

/** The catalog shipped with the project, found from this file so it works from any working directory. */
export const DEFAULT_CATALOG_DIR = fileURLToPath(new URL('../../../dispatches/', import.meta.url));

const CATALOG_FILE = /\.ya?ml$/i;

/** A catalog file as read, before any parsing. */
export interface CatalogFile {
  name: string;
  text: string;
}

const noDispatchFile = (dir: string) => catalogError([{ file: dir, path: '', vi: 'thư mục không có tệp .yaml nào', en: 'the folder holds no .yaml file' }]);

type Read = { file: CatalogFile } | { issue: CatalogIssue } | { skipped: true };

function unreadable(name: string, error: unknown): { issue: CatalogIssue } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return { issue: { file: name, path: '', vi: `không đọc được tệp (${code})`, en: `cannot read the file (${code})` } };
}

/**
 * One entry of the folder, followed through a symbolic link: a file the office linked in is
 * as much a part of the catalog as one copied in, and a link to nothing is a mistake to show,
 * not a dispatch to drop. Folders are not read (the catalog is the files directly in it).
 */
async function readEntry(dir: string, entry: Dirent): Promise<Read> {
  const path = join(dir, entry.name);
  try {
    const kind = entry.isSymbolicLink() ? await stat(path) : entry;
    if (kind.isDirectory()) return { skipped: true };
    if (!kind.isFile()) return { issue: { file: entry.name, path: '', vi: 'không phải một tệp thường', en: 'not a regular file' } };
    const read = catalogText(entry.name, await readFile(path));
    return 'text' in read ? { file: { name: entry.name, text: read.text } } : read;
  } catch (error) {
    return unreadable(entry.name, error);
  }
}

/**
 * Every *.yaml / *.yml directly in `dir`, in file-name order, as text: what a catalog is
 * made from, read without the YAML parser, so that a caller holding the catalog these
 * texts make (the CLI's cache) need not load it. Every file that cannot be read is reported
 * at once, by name.
 */
export async function readCatalogFiles(dir: string = DEFAULT_CATALOG_DIR): Promise<CatalogFile[]> {
  let entries: Dirent[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => CATALOG_FILE.test(entry.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    throw catalogError([{ file: dir, path: '', vi: 'không đọc được thư mục danh mục', en: 'cannot read the catalog folder' }]);
  }
  const reads = await Promise.all(entries.map((entry) => readEntry(dir, entry)));
  const issues = reads.flatMap((read) => ('issue' in read ? [read.issue] : []));
  if (issues.length > 0) throw catalogError(issues);
  const files = reads.flatMap((read) => ('file' in read ? [read.file] : []));
  if (files.length === 0) throw noDispatchFile(dir);
  return files;
}
