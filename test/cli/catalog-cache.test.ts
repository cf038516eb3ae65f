import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogLoader } from '../../functions/cli/catalog-cache.ts';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import type { Catalog } from '../../functions/core/catalog/schema.ts';
import { DondocError } from '../../functions/core/errors.ts';

const SHIPPED = fileURLToPath(new URL('../../dispatches/', import.meta.url));
const FIRST = '000-bg-2024-cap-nhat-bien-dong.yaml';

describe('the CLI’s cache of parsed catalogs', () => {
  let root: string;
  let catalogDir: string;
  let cacheDir: string;
  const cacheFiles = async () => readdir(cacheDir).catch(() => [] as string[]);
  /** Writes a cached catalog back with the first dispatch's title changed, to tell a catalog read from the cache. */
  const retitleCached = async (title: string) => {
    const [name] = await cacheFiles();
    const file = join(cacheDir, name as string);
    const catalog = JSON.parse(await readFile(file, 'utf8')) as Catalog;
    (catalog.dispatches[0] as { title: string }).title = title;
    await writeFile(file, JSON.stringify(catalog));
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dondoc-catalog-cache-'));
    catalogDir = join(root, 'dispatches');
    cacheDir = join(root, 'cache');
    await cp(SHIPPED, catalogDir, { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('gives the catalog the YAML makes, parsed the first time and read back after, value for value', async () => {
    const load = catalogLoader(cacheDir);
    const expected = await loadCatalog(catalogDir);
    expect(await load(catalogDir)).toStrictEqual(expected);
    expect(await cacheFiles()).toHaveLength(1);
    const readBack = await load(catalogDir);
    expect(readBack).toStrictEqual(expected);
    expect(await cacheFiles()).toHaveLength(1);
    // Ids read back are one-byte strings too, as parsed ones are (one-byte-texts.ts): V8's serialisation tags them '"'.
    const ids = readBack.dispatches.flatMap((d) => [d.id, ...d.requirements.map((r) => r.id)]);
    expect(ids.filter((id) => serialize(id)[2] !== 0x22)).toEqual([]);
  });

  it('reads a catalog back while its files stay as they are, and parses them again once one changes', async () => {
    const load = catalogLoader(cacheDir);
    const original = (await load(catalogDir)).dispatches[0]?.title;
    await retitleCached('từ bộ nhớ đệm');
    expect((await load(catalogDir)).dispatches[0]?.title).toBe('từ bộ nhớ đệm');

    const file = join(catalogDir, FIRST);
    await writeFile(file, `${await readFile(file, 'utf8')}\n# một dòng chú thích mới\n`);
    expect((await load(catalogDir)).dispatches[0]?.title).toBe(original);
    expect(await cacheFiles()).toHaveLength(2);
  });

  it('parses again, and writes anew, a cached catalog cut short', async () => {
    const load = catalogLoader(cacheDir);
    const expected = await load(catalogDir);
    const [name] = await cacheFiles();
    await writeFile(join(cacheDir, name as string), '{"dispatches": [');
    expect(await load(catalogDir)).toStrictEqual(expected);
    expect(JSON.parse(await readFile(join(cacheDir, name as string), 'utf8'))).toStrictEqual(expected);
  });

  it('keeps no wrong catalog: its problems are reported on every call', async () => {
    const load = catalogLoader(cacheDir);
    await writeFile(join(catalogDir, FIRST), 'id: [không đóng\n');
    for (let call = 0; call < 2; call++) {
      const error = await load(catalogDir).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(DondocError);
      expect((error as DondocError).code).toBe('INVALID_CATALOG');
    }
    expect(await cacheFiles()).toEqual([]);
  });

  it('parses every time without a cache folder (the sources run as they are)', async () => {
    const load = catalogLoader(undefined);
    const first = await load(catalogDir);
    const file = join(catalogDir, FIRST);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Tiêu đề đã sửa'));
    expect((await load(catalogDir)).dispatches[0]?.title).toBe('Tiêu đề đã sửa');
    expect(first.dispatches[0]?.title).not.toBe('Tiêu đề đã sửa');
  });

  it('still works when the cache cannot be written', async () => {
    await writeFile(join(root, 'a-file'), '');
    const load = catalogLoader(join(root, 'a-file', 'cache'));
    expect(await load(catalogDir)).toStrictEqual(await loadCatalog(catalogDir));
  });
});
