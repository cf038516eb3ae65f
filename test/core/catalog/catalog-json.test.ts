import { beforeAll, describe, expect, it } from 'vitest';
import { catalogToJson, loadCatalog } from '../../../functions/core/catalog/load.ts';
import type { CatalogJson } from '../../../functions/core/catalog/catalog-json.ts';
import type { Catalog } from '../../../functions/core/catalog/schema.ts';

let catalog: Catalog;
let json: CatalogJson;
beforeAll(async () => {
  catalog = await loadCatalog();
  json = JSON.parse(JSON.stringify(catalogToJson(catalog))) as CatalogJson;
});

describe('catalogToJson (dondoc dispatches --json)', () => {
  it('starts every object with the keys of the CLI contract, in its order', () => {
    expect(Object.keys(json)).toEqual(['dispatches']);
    expect(json.dispatches).toHaveLength(catalog.dispatches.length);
    for (const d of json.dispatches) {
      expect(Object.keys(d).slice(0, 6)).toEqual(['id', 'issuer', 'number', 'date', 'title', 'requirements']);
      for (const r of d.requirements) {
        expect(Object.keys(r).slice(0, 5)).toEqual(['id', 'title', 'entity', 'kind', 'deadlines']);
        for (const deadline of r.deadlines) {
          expect(Object.keys(deadline)[0]).toBe('at');
          for (const key of Object.keys(deadline)) expect(['at', 'levels', 'unitKinds', 'districts']).toContain(key);
        }
      }
    }
  });

  it('writes each deadline as ISO 8601 with +07:00 for the same instant', () => {
    const loaded = catalog.dispatches.flatMap((d) => d.requirements.flatMap((r) => r.deadlines));
    const printed = json.dispatches.flatMap((d) => d.requirements.flatMap((r) => r.deadlines));
    expect(printed).toHaveLength(loaded.length);
    printed.forEach((d, i) => {
      expect(d.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(Date.parse(d.at)).toBe(loaded[i]?.at);
    });
  });

  it('prints qualified requirement ids, the entity and kind of the rule, and deadline filters in camelCase', () => {
    const report = json.dispatches.find((d) => d.id === 'hp-2022-bao-cao-dau-nam')?.requirements[0];
    expect(report).toMatchObject({
      id: 'hp-2022-bao-cao-dau-nam/bao-cao-thong-ke-dau-nam',
      entity: 'reports',
      kind: 'report_submitted',
      source: '§2',
      appliesTo: { unitKinds: ['district_office', 'school', 'centre'] },
      rule: { period: '2022-2023/dau-nam', after_children: true },
    });
    expect(report?.deadlines).toEqual([
      { at: '2022-10-30T00:00:00+07:00', unitKinds: ['district_office'] },
      { at: '2022-10-25T00:00:00+07:00', levels: ['THPT', 'GDTX'], unitKinds: ['school'] },
      { at: '2022-10-25T00:00:00+07:00', unitKinds: ['centre'] },
      { at: '2022-10-30T00:00:00+07:00', unitKinds: ['school'] },
    ]);
    const explain = json.dispatches.find((d) => d.id === 'hp-2023-dong-bo-dan-cu')?.requirements.find((r) => r.kind === 'explanations');
    expect(explain?.deadlines).toEqual([{ at: '2023-07-04T17:00:00+07:00' }]);
  });
});
