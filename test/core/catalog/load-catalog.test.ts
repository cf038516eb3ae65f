import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogErrorDetails } from '../../../functions/core/catalog/catalog-error.ts';
import { catalogFromFiles, loadCatalog } from '../../../functions/core/catalog/load.ts';
import { DondocError } from '../../../functions/core/errors.ts';

const dispatch = (id: string, extra = '') => `
id: ${id}
issuer: Sở GDĐT Thử Nghiệm
number: "1/SGDĐT"
date: "2025"
title: Công văn ${id}
requirements:
  - id: dinh-danh
    title: Học sinh được xác thực
    source: "§1"
    rule: { kind: identity_verification, entity: students }
${extra}`;

async function rejection(promise: Promise<unknown>): Promise<DondocError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DondocError) return error;
    throw error;
  }
  throw new Error('accepted');
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-catalog-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadCatalog', () => {
  it('loads every .yaml and .yml file of the folder in file-name order and ignores everything else', async () => {
    await writeFile(join(dir, 'b.yml'), dispatch('thu-b'));
    await writeFile(join(dir, 'a.yaml'), dispatch('thu-a'));
    await writeFile(join(dir, 'C.YAML'), dispatch('thu-c'));
    await writeFile(join(dir, 'ghi-chu.md'), '# not a dispatch');
    await mkdir(join(dir, 'cu.yaml'));
    const catalog = await loadCatalog(dir);
    expect(catalog.dispatches.map((d) => d.id)).toEqual(['thu-c', 'thu-a', 'thu-b']);
  });

  it('refuses two files with the same dispatch id, naming both files', async () => {
    await writeFile(join(dir, '01-goc.yaml'), dispatch('trung-ma'));
    await writeFile(join(dir, '02-ban-sao.yaml'), dispatch('trung-ma'));
    const e = await rejection(loadCatalog(dir));
    expect(e.code).toBe('INVALID_CATALOG');
    expect((e.details as CatalogErrorDetails).issues).toEqual([
      expect.objectContaining({ file: '02-ban-sao.yaml', path: 'id', line: 2, en: 'dispatch id "trung-ma" is already used by 01-goc.yaml' }),
    ]);
    expect(e.message).toContain('02-ban-sao.yaml');
  });

  it('reports the problems of every bad file at once', async () => {
    await writeFile(join(dir, 'a.yaml'), dispatch('thu-a', '    deadlines: [{ at: "trước ngày 30/02/2025" }]'));
    await writeFile(join(dir, 'b.yaml'), 'id: [unclosed');
    await writeFile(join(dir, 'c.yaml'), dispatch('thu-c'));
    const e = await rejection(loadCatalog(dir));
    const issues = (e.details as CatalogErrorDetails).issues;
    expect(issues.map((i) => [i.file, i.path])).toEqual([
      ['a.yaml', 'requirements[0].deadlines[0].at'],
      ['b.yaml', ''],
    ]);
  });

  it('reads a dispatch linked into the folder, and names a link to nothing rather than dropping it', async () => {
    await writeFile(join(dir, 'a.yaml'), dispatch('thu-a'));
    await mkdir(join(dir, 'kho'));
    await writeFile(join(dir, 'kho', 'goc.yaml'), dispatch('thu-lien-ket'));
    await symlink(join(dir, 'kho', 'goc.yaml'), join(dir, 'b.yaml'));
    expect((await loadCatalog(dir)).dispatches.map((d) => d.id)).toEqual(['thu-a', 'thu-lien-ket']);
    await symlink(join(dir, 'da-xoa.yaml'), join(dir, 'c.yaml'));
    const e = await rejection(loadCatalog(dir));
    expect((e.details as CatalogErrorDetails).issues).toEqual([expect.objectContaining({ file: 'c.yaml', en: 'cannot read the file (ENOENT)' })]);
  });

  it('reads UTF-8 with or without its mark and UTF-16 with its mark, and refuses bytes of another encoding at their line', async () => {
    await writeFile(join(dir, 'a.yaml'), `\ufeff${dispatch('thu-a')}`);
    await writeFile(join(dir, 'b.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dispatch('thu-b'), 'utf16le')]));
    expect((await loadCatalog(dir)).dispatches.map((d) => [d.id, d.issuer])).toEqual([
      ['thu-a', 'Sở GDĐT Thử Nghiệm'],
      ['thu-b', 'Sở GDĐT Thử Nghiệm'],
    ]);
    // "Ngô Quyền" as Windows-1258 writes it (ô is 0xF4; ề is e, 0xEA, then the combining grave 0xCC): not UTF-8.
    const windows1258 = Buffer.concat([Buffer.from(dispatch('thu-c', '    applies_to: { districts: ["')), Buffer.from([0x4e, 0x67, 0xf4, 0x20, 0x51, 0x75, 0x79, 0xea, 0xcc, 0x6e]), Buffer.from('"] }\n')]);
    await writeFile(join(dir, 'c.yaml'), windows1258);
    const e = await rejection(loadCatalog(dir));
    expect((e.details as CatalogErrorDetails).issues).toEqual([expect.objectContaining({ file: 'c.yaml', line: 12, en: 'the file is not UTF-8 text: save it again as UTF-8' })]);
  });

  it('refuses a missing folder and a folder with no dispatch', async () => {
    expect((await rejection(loadCatalog(join(dir, 'khong-co')))).code).toBe('INVALID_CATALOG');
    expect((await rejection(loadCatalog(dir))).code).toBe('INVALID_CATALOG');
    await mkdir(join(dir, 'cu.yaml'));
    expect((await rejection(loadCatalog(dir))).code).toBe('INVALID_CATALOG');
  });

  it('defaults to the catalog shipped in dispatches/, whatever the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const catalog = await loadCatalog();
      expect(catalog.dispatches.map((d) => d.id)).toContain('hp-2023-dong-bo-dan-cu');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('catalogFromFiles', () => {
  it('builds a catalog from texts already read, keeping their order', () => {
    const catalog = catalogFromFiles([
      { name: 'x.yaml', text: dispatch('thu-x') },
      { name: 'y.yaml', text: dispatch('thu-y') },
    ]);
    expect(catalog.dispatches.map((d) => d.requirements[0]?.id)).toEqual(['thu-x/dinh-danh', 'thu-y/dinh-danh']);
  });
});
